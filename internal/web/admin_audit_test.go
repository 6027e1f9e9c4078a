package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
)

// TestAuditLogLabelsFiltersAndExport: changes read as labels and values
// ("Trạng thái: Bản nháp → Đã công bố"), the log filters by official,
// department and days, and admins (only) export it as CSV without names.
func TestAuditLogLabelsFiltersAndExport(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	ed := newUser(t, st, "lan@cantho.gov.vn", auth.RoleEditor, "cantho")
	newUser(t, st, "admin@hoptac.gov.vn", auth.RoleAdmin, "")
	b, token := signedIn(t, app, "lan@cantho.gov.vn")
	co := testenv.NewCompany(t, st, 1, "cantho", domain.StatusDraft)
	if r := b.do(http.MethodPost, fmt.Sprintf("/admin/companies/%d/cong-bo", co.ID), formOf("_csrf", token, "version", fmt.Sprint(co.Version))); r.status != http.StatusSeeOther {
		t.Fatalf("publish = %d", r.status)
	}
	today := vn.Date(time.Now().In(vn.DateLocation))
	log := b.do(http.MethodGet, fmt.Sprintf("/admin/nhat-ky?user=%d&department=cantho-sonv&from=%s&to=%s", ed.ID, today, today), nil)
	if !strings.Contains(log.body, "Trạng thái: <del>Bản nháp</del> → <ins>Đã công bố</ins>") {
		t.Errorf("the log does not show the status change in labels")
	}
	if strings.Contains(log.body, "<code>status</code>") {
		t.Error("the log shows a column name")
	}
	if none := b.do(http.MethodGet, "/admin/nhat-ky?from=01/01/2999", nil); strings.Contains(none.body, "Đã công bố</ins>") {
		t.Error("a range in 2999 lists today's change")
	}
	if r := b.do(http.MethodGet, "/admin/nhat-ky.csv", nil); r.status != http.StatusForbidden {
		t.Errorf("an editor's CSV export = %d, want 403", r.status)
	}
	a, _ := signedIn(t, app, "admin@hoptac.gov.vn")
	r := a.do(http.MethodGet, "/admin/nhat-ky.csv?type=company", nil)
	if r.status != http.StatusOK || !strings.Contains(r.body, "Trạng thái: Bản nháp → Đã công bố") || !strings.Contains(r.body, fmt.Sprintf("#%d", ed.ID)) {
		t.Errorf("admin CSV = %d: %.400s", r.status, r.body)
	}
	if strings.Contains(r.body, "lan@cantho.gov.vn") || strings.Contains(r.body, ed.Name) {
		t.Error("the CSV export names the official")
	}
}
