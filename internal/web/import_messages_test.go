package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestUploadRefusalsAreVietnamese: a file the importer cannot read is
// explained in Vietnamese; the English error stays in the log.
func TestUploadRefusalsAreVietnamese(t *testing.T) {
	t.Parallel()
	_, b, token := canThoEditor(t, "lan@cantho.gov.vn")
	tests := []struct{ name, file, content, want string }{
		{"a header naming no column", "viec-lam.csv", "mã;tên\n1;2\n", "Dòng tiêu đề của tệp không có cột nào"},
		{"UTF-16", "companies.csv", "\xff\xfet\x00a\x00x\x00", "UTF-16"},
	}
	for _, tt := range tests {
		r := b.upload("/admin/nhap-du-lieu", token, tt.file, tt.content, map[string]string{"type": "job"})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, tt.want) {
			t.Errorf("upload of %s = %d, want 422 saying %q:\n%.1500s", tt.name, r.status, tt.want, r.body)
		}
		for _, english := range []string{"names no column", "encoded", "import:"} {
			if strings.Contains(r.body, english) {
				t.Errorf("upload of %s shows the English error (%q) to the official", tt.name, english)
			}
		}
	}
}
