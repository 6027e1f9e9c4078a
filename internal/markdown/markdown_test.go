package markdown

import (
	"strings"
	"testing"
)

func TestHTMLRendersAndSanitises(t *testing.T) {
	r := New()
	tests := []struct {
		name, src       string
		want, wantNotIn []string
	}{
		{"heading and list", "## Mục đích\n\n- Một\n- Hai", []string{"<h2", "Mục đích", "<li>Một</li>"}, nil},
		{"script dropped", "Xin chào <script>alert(1)</script>", []string{"Xin chào"}, []string{"<script", "alert(1)</script>"}},
		{"javascript link dropped", "[bấm](javascript:alert(1))", nil, []string{"javascript:"}},
		{"event handler dropped", `<img src="x" onerror="alert(1)">`, nil, []string{"onerror"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.HTML(tt.src))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, want it to contain %q", tt.src, got, w)
				}
			}
			for _, w := range tt.wantNotIn {
				if strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, must not contain %q", tt.src, got, w)
				}
			}
		})
	}
}
