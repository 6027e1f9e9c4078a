package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"hoptac/internal/auth"
)

// TestAccountsInTheUI: an admin adds an account (temporary password shown
// once, changed at first sign-in), changes it, disables and re-enables it;
// the last admin cannot be disabled or demoted; every change is audited;
// an editor gets 403.
func TestAccountsInTheUI(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	admin := newUser(t, st, "quan@hoptac.gov.vn", auth.RoleAdmin, "")
	newUser(t, st, "bien@cantho.gov.vn", auth.RoleEditor, "cantho")
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
