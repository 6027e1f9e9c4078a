package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
)

// adminAndEditor adds an admin of both cities and a Cần Thơ editor.
func adminAndEditor(t *testing.T, st *store.Store, adminEmail, editorEmail string) (admin, editor store.User) {
	t.Helper()
	return newUser(t, st, adminEmail, auth.RoleAdmin, ""), newUser(t, st, editorEmail, auth.RoleEditor, "cantho")
}

// TestAccountsInTheUI: an admin adds an account (temporary password shown
// once, changed at first sign-in), changes it, disables and re-enables it;
// the last admin cannot be disabled or demoted; every change is audited;
// an editor gets 403.
func TestAccountsInTheUI(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	admin, _ := adminAndEditor(t, st, "quan@hoptac.gov.vn", "bien@cantho.gov.vn")
	ed, edToken := signedIn(t, app, "bien@cantho.gov.vn")
	if r := ed.do(http.MethodGet, "/admin/tai-khoan", nil); r.status != http.StatusForbidden {
		t.Errorf("an editor's accounts page = %d, want 403", r.status)
	}
	if r := ed.do(http.MethodPost, "/admin/tai-khoan", formOf("_csrf", edToken, "email", "x@y.vn", "name", "X", "role", "admin")); r.status != http.StatusForbidden {
		t.Errorf("an editor adding an account = %d, want 403", r.status)
	}
	b, token := signedIn(t, app, "quan@hoptac.gov.vn")
	r := b.do(http.MethodPost, "/admin/tai-khoan", formOf("_csrf", token, "email", "Moi@CanTho.gov.vn", "name", "Cán bộ Mới",
		"role", "editor", "city", "cantho", "department", "cantho-sonv"))
	m := regexp.MustCompile(`<strong><code>([^<]+)</code></strong>`).FindStringSubmatch(r.body)
	if r.status != http.StatusOK || m == nil {
		t.Fatalf("add account = %d, no temporary password shown", r.status)
	}
	// First sign-in: the temporary password must be replaced first.
	nb := newBrowser(t, app)
	if r := nb.login("moi@cantho.gov.vn", m[1]); r.status != http.StatusSeeOther {
		t.Fatalf("sign in with the temporary password = %d", r.status)
	}
	if r := nb.do(http.MethodGet, "/admin/jobs", nil); r.status != http.StatusSeeOther || r.location != "/admin/doi-mat-khau" {
		t.Fatalf("with a temporary password, /admin/jobs = %d → %q; want the password page", r.status, r.location)
	}
	page := nb.do(http.MethodGet, "/admin/doi-mat-khau", nil)
	csrf := csrfOf(t, page.body)
	if r := nb.do(http.MethodPost, "/admin/doi-mat-khau", formOf("_csrf", csrf, "password", "mùa xuân Cần Thơ 2026", "confirm", "mùa xuân Cần Thơ 2026")); r.status != http.StatusSeeOther {
		t.Fatalf("change password = %d: %.300s", r.status, r.body)
	}
	if r := nb.do(http.MethodGet, "/admin/jobs", nil); r.status != http.StatusOK {
		t.Errorf("after the change, /admin/jobs = %d", r.status)
	}
	u, err := st.UserByEmail(ctx, "moi@cantho.gov.vn")
	if err != nil || u.MustChangePassword {
		t.Fatalf("account = %+v, %v", u, err)
	}
	id := fmt.Sprint(u.ID)
	b.do(http.MethodPost, "/admin/tai-khoan/"+id, formOf("_csrf", token, "role", "editor", "city", "hcm", "department", "hcm-sonv"))
	b.do(http.MethodPost, "/admin/tai-khoan/"+id+"/khoa", formOf("_csrf", token))
	if r := nb.do(http.MethodGet, "/admin/jobs", nil); r.status != http.StatusSeeOther {
		t.Errorf("a disabled account's session still works: %d", r.status)
	}
	b.do(http.MethodPost, "/admin/tai-khoan/"+id+"/mo-khoa", formOf("_csrf", token))
	u, _ = st.UserByEmail(ctx, "moi@cantho.gov.vn")
	if u.DisabledAt != nil || u.City == nil || *u.City != "hcm" {
		t.Errorf("account after change, disable, enable = %+v", u)
	}
	// The last admin stays.
	for _, path := range []string{"/khoa", ""} {
		form := formOf("_csrf", token, "role", "editor", "city", "hcm")
		r := b.do(http.MethodPost, "/admin/tai-khoan/"+fmt.Sprint(admin.ID)+path, form)
		if follow := b.do(http.MethodGet, r.location, nil); !strings.Contains(follow.body, "quản trị viên cuối cùng") {
			t.Errorf("POST %s on the last admin: no refusal shown", path)
		}
	}
	if a, _ := st.UserByEmail(ctx, "quan@hoptac.gov.vn"); a.Role != "admin" || a.DisabledAt != nil {
		t.Errorf("the last admin was changed: %+v", a)
	}
	n := count(t, st, "audit_log WHERE entity_type = 'user' AND entity_id = "+id)
	if n != 5 { // create, password, update, disable, enable
		t.Errorf("audit rows of the account = %d, want 5", n)
	}
}

// TestAuditLogLabelsFiltersAndExport: changes read as labels and values
// ("Trạng thái: Bản nháp → Đã công bố"), the log filters by official,
// department and days, and admins (only) export it as CSV without names.
func TestAuditLogLabelsFiltersAndExport(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	_, ed := adminAndEditor(t, st, "admin@hoptac.gov.vn", "lan@cantho.gov.vn")
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
