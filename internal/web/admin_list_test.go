package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// TestAdminListsOpenOnEveryStatus: a list shows drafts and published
// entries alike, with the count of each status, and narrows by status,
// words and update date; a bad date is explained, not fatal.
func TestAdminListsOpenOnEveryStatus(t *testing.T) {
	t.Parallel()
	st, b, _ := canThoEditor(t, "em@cantho.gov.vn")
	draft := testenv.NewCompany(t, st, 1, "cantho", domain.StatusDraft)
	pub := testenv.NewCompany(t, st, 2, "cantho", domain.StatusPublished)
	testenv.NewCompany(t, st, 3, "hcm", domain.StatusPublished)

	r := b.do(http.MethodGet, "/admin/companies", nil)
	for _, want := range []string{draft.Name, pub.Name, "Tất cả (2)", "Bản nháp (1)", "Đã công bố (1)", "Đã lưu trữ (0)", draft.TaxCode} {
		if !strings.Contains(r.body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if r = b.do(http.MethodGet, "/admin/companies?status=draft", nil); strings.Contains(r.body, ">"+pub.Name+"<") || !strings.Contains(r.body, draft.Name) {
		t.Errorf("the drafts list is not only the draft")
	}
	if r = b.do(http.MethodGet, "/admin/companies?q="+pub.TaxCode, nil); strings.Contains(r.body, ">"+draft.Name+"<") || !strings.Contains(r.body, pub.Name) {
		t.Errorf("the search by tax code lists other companies")
	}
	if r = b.do(http.MethodGet, "/admin/companies?since=01/01/2999", nil); strings.Contains(r.body, pub.Name) {
		t.Errorf("updated since 2999 lists companies")
	}
	if r = b.do(http.MethodGet, "/admin/companies?since=hôm-qua", nil); r.status != http.StatusOK || !strings.Contains(r.body, "Cập nhật từ” không hợp lệ") || strings.Contains(r.body, "hôm-qua") {
		t.Errorf("a bad date = %d; want the filter dropped with a message that does not echo it", r.status)
	}
}
