package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// TestFlashLivesInTheSession: an action's message shows once, on the page
// it leads to; reopening the link shows nothing, and no query string puts
// words on an admin page.
func TestFlashLivesInTheSession(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "dung@cantho.gov.vn")
	co := testenv.NewCompany(t, st, 1, "cantho", domain.StatusDraft)
	page := fmt.Sprintf("/admin/companies/%d", co.ID)

	r := b.do(http.MethodPost, page+"/cong-bo", formOf("_csrf", token, "version", fmt.Sprint(co.Version)))
	if r.status != http.StatusSeeOther || r.location != page {
		t.Fatalf("publish = %d → %q, want 303 → %s (no query string)", r.status, r.location, page)
	}
	const msg = "Đã cập nhật trạng thái: Đã công bố."
	if got := b.do(http.MethodGet, page, nil); !strings.Contains(got.body, msg) {
		t.Errorf("the page after publishing lacks %q", msg)
	}
	if got := b.do(http.MethodGet, page, nil); strings.Contains(got.body, msg) {
		t.Errorf("reopening the page shows %q again", msg)
	}
	for _, q := range []string{"?ok=draft", "?msg=Tin+gi%E1%BA%A3+m%E1%BA%A1o", "?ok=archived&msg=xyz123"} {
		got := b.do(http.MethodGet, page+q, nil)
		if strings.Contains(got.body, "Tin giả mạo") || strings.Contains(got.body, "xyz123") || strings.Contains(got.body, "Đã cập nhật trạng thái") {
			t.Errorf("GET %s shows text from the query string", q)
		}
	}
	// An archive without a reason says why on the page, once.
	r = b.do(http.MethodPost, page+"/luu-tru", formOf("_csrf", token, "version", fmt.Sprint(co.Version+1)))
	if r.location != page {
		t.Fatalf("archive without reason → %q", r.location)
	}
	if got := b.do(http.MethodGet, page, nil); !strings.Contains(got.body, "Vui lòng ghi lý do lưu trữ") || !strings.Contains(got.body, `role="alert"`) {
		t.Errorf("the refusal is not shown as an error")
	}
}
