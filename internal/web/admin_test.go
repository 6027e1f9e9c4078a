package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

const testPassword = "sông Hậu chiều mưa 17"

// testHashParams make test accounts cheap to log in to: argon2id reads
// its parameters from the hash, and at the real ones (auth.HashPassword,
// tested in package auth) each login costs about a second under -race.
var testHashParams = &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// newUser creates an account of role (in city, if any) whose password is
// testPassword, cheap to check.
func newUser(t *testing.T, st *store.Store, email, role, city string) store.User {
	t.Helper()
	hash, err := argon2id.CreateHash(testPassword, testHashParams)
	if err != nil {
		t.Fatal(err)
	}
	return createUser(t, st, email, role, city, hash)
}

// createUser creates an account of role with a password hash, in city and
// its Sở Nội vụ when city is given.
func createUser(t testing.TB, st *store.Store, email, role, city, hash string) store.User {
	t.Helper()
	u := store.User{Email: email, Name: "Cán bộ " + email, Role: role, PasswordHash: hash}
	if city != "" {
		u.City = &city
		d := city + "-sonv"
		u.DepartmentCode = &d
	}
	if err := st.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	return u
}

// browser keeps cookies between requests, as a visitor's browser would.
type browser struct {
	t       *testing.T
	app     *fiber.App
	cookies map[string]string
	headers map[string]string
}

func newBrowser(t *testing.T, app *fiber.App) *browser {
	return &browser{t: t, app: app, cookies: map[string]string{}, headers: map[string]string{}}
}

func (b *browser) do(method, path string, form url.Values) response {
	b.t.Helper()
	return b.send(method, path, form, b.headers)
}

// send is do with the headers of this request only.
func (b *browser) send(method, target string, form url.Values, header map[string]string) response {
	b.t.Helper()
	resp, raw := exchange(b.t, b.app, b.cookies, method, target, form, header)
	return response{status: resp.StatusCode, body: raw, location: resp.Header.Get("Location"), header: resp.Header, cookies: resp.Cookies()}
}

// exchange sends one request with the cookies of jar (a form, if any, URL-
// encoded) and keeps in jar the cookies the answer sets or clears.
func exchange(t testing.TB, app *fiber.App, jar map[string]string, method, target string, form url.Values, header map[string]string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for k, v := range jar {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(jar, c.Name)
		} else {
			jar[c.Name] = c.Value
		}
	}
	raw, _ := io.ReadAll(resp.Body)
	return resp, string(raw)
}

var hiddenInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func csrfOf(t *testing.T, body string) string {
	t.Helper()
	m := hiddenInput.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSRF token in the page")
	}
	return m[1]
}

// loginToken opens the login page and returns its form's CSRF token.
func (b *browser) loginToken() string {
	b.t.Helper()
	page := b.do(http.MethodGet, "/admin/dang-nhap", nil)
	if page.status != http.StatusOK {
		b.t.Fatalf("GET /admin/dang-nhap = %d", page.status)
	}
	return csrfOf(b.t, page.body)
}

func (b *browser) login(email, password string) response {
	b.t.Helper()
	return b.do(http.MethodPost, "/admin/dang-nhap", url.Values{"_csrf": {b.loginToken()}, "email": {email}, "password": {password}})
}

// canThoEditor is a fresh database and app with a signed-in Cần Thơ
// editor of that email: their browser and CSRF token.
func canThoEditor(t *testing.T, email string) (*store.Store, *browser, string) {
	t.Helper()
	st, app := emptyApp(t)
	newUser(t, st, email, auth.RoleEditor, "cantho")
	b, token := signedIn(t, app, email)
	return st, b, token
}

// signedIn returns a browser with a session of user and its CSRF token.
func signedIn(t *testing.T, app *fiber.App, email string) (*browser, string) {
	t.Helper()
	b := newBrowser(t, app)
	if r := b.login(email, testPassword); r.status != http.StatusSeeOther || r.location != "/admin" {
		t.Fatalf("login(%s) = %d → %q", email, r.status, r.location)
	}
	home := b.do(http.MethodGet, "/admin", nil)
	return b, csrfOf(t, home.body)
}

func TestEveryAdminRouteSendsAnonymousVisitorsToLogin(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t) // anonymous visitors change nothing
	n := 0
	for _, r := range app.GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/admin") || r.Path == "/admin/dang-nhap" || r.Method == http.MethodHead {
			continue
		}
		path := strings.NewReplacer(":kind", "jobs", ":id", "1").Replace(r.Path)
		res := newBrowser(t, app).do(r.Method, path, url.Values{})
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/admin/dang-nhap") {
			t.Errorf("anonymous %s %s = %d → %q, want 303 to the login page", r.Method, path, res.status, res.location)
		}
		if res.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s %s: Cache-Control = %q, want no-store", r.Method, path, res.header.Get("Cache-Control"))
		}
		n++
	}
	if n < 8 {
		t.Errorf("checked %d admin routes; the router should have more", n)
	}
}

func TestSessionLifecycle(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "an@cantho.gov.vn", auth.RoleEditor, "cantho")

	b := newBrowser(t, app)
	if r := b.login("an@cantho.gov.vn", "sai mật khẩu rồi 123"); r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Email hoặc mật khẩu không đúng") {
		t.Fatalf("wrong password = %d", r.status)
	}
	r := b.login("an@cantho.gov.vn", testPassword)
	if r.status != http.StatusSeeOther {
		t.Fatalf("login = %d", r.status)
	}
	setCookie := r.header.Values("Set-Cookie")
	var cookie string
	for _, c := range setCookie {
		if strings.HasPrefix(c, "hoptac_session=") {
			cookie = c
		}
	}
	for _, flag := range []string{"httponly", "samesite=lax", "path=/"} {
		if !strings.Contains(strings.ToLower(cookie), flag) {
			t.Errorf("session cookie %q lacks %s", cookie, flag)
		}
	}
	first := b.cookies["hoptac_session"]
	if len(first) < 40 {
		t.Fatalf("session token %q is too short", first)
	}
	// A second login gets a new session id.
	r = b.login("an@cantho.gov.vn", testPassword)
	if second := b.cookies["hoptac_session"]; second == first || r.status != http.StatusSeeOther {
		t.Errorf("the session id did not change at login")
	}
	home := b.do(http.MethodGet, "/admin", nil)
	if home.status != http.StatusOK || !strings.Contains(home.body, "Biên tập viên TP. Cần Thơ") {
		t.Fatalf("/admin = %d", home.status)
	}
	var stored int
	_ = st.DB().Get(&stored, `SELECT count(*) FROM sessions WHERE token_hash = $1`, store.TokenHash(b.cookies["hoptac_session"]))
	var raw int
	_ = st.DB().Get(&raw, `SELECT count(*) FROM sessions WHERE encode(token_hash, 'escape') = $1`, b.cookies["hoptac_session"])
	if stored != 1 || raw != 0 {
		t.Errorf("sessions store %d hashed, %d raw tokens; want the hash only", stored, raw)
	}

	// Logout ends the session on the server: the old cookie is worthless.
	old := b.cookies["hoptac_session"]
	if r := b.do(http.MethodPost, "/admin/dang-xuat", url.Values{"_csrf": {csrfOf(t, home.body)}}); r.status != http.StatusSeeOther {
		t.Fatalf("logout = %d", r.status)
	}
	replay := newBrowser(t, app)
	replay.cookies["hoptac_session"] = old
	if r := replay.do(http.MethodGet, "/admin", nil); r.status != http.StatusSeeOther {
		t.Errorf("old cookie after logout = %d, want a redirect to login", r.status)
	}

	// Disabling the account ends its sessions.
	b2, _ := signedIn(t, app, "an@cantho.gov.vn")
	if err := st.DisableUser(ctx, "an@cantho.gov.vn"); err != nil {
		t.Fatal(err)
	}
	if r := b2.do(http.MethodGet, "/admin", nil); r.status != http.StatusSeeOther {
		t.Errorf("cookie of a disabled account = %d, want a redirect to login", r.status)
	}
	if r := newBrowser(t, app).login("an@cantho.gov.vn", testPassword); r.status != http.StatusUnauthorized {
		t.Errorf("login of a disabled account = %d, want 401", r.status)
	}
}

func TestSessionCookieOverTLSFromTrustedProxy(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	app := newApp(t, st, withProxies("0.0.0.0")) // httptest requests come from 0.0.0.0
	newUser(t, st, "binh@hcm.gov.vn", auth.RoleAdmin, "")
	b := newBrowser(t, app)
	b.headers["X-Forwarded-Proto"] = "https"
	r := b.login("binh@hcm.gov.vn", testPassword)
	var cookie string
	for _, c := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(c, "__Host-hoptac_session=") {
			cookie = c
		}
	}
	if lc := strings.ToLower(cookie); !strings.Contains(lc, "; secure") || !strings.Contains(lc, "httponly") || strings.Contains(lc, "domain=") {
		t.Errorf("over TLS the cookie = %q, want __Host-, Secure, HttpOnly, no Domain", cookie)
	}
	if hsts := r.header.Get("Strict-Transport-Security"); hsts == "" {
		t.Error("no HSTS over TLS")
	}
}

func TestLoginThrottling(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "chi@cantho.gov.vn", auth.RoleEditor, "cantho")
	b := newBrowser(t, app)
	for i := 0; i < auth.MaxAccountFailures; i++ {
		// An untrusted client rotating X-Forwarded-For changes nothing.
		b.headers["X-Forwarded-For"] = fmt.Sprintf("10.0.0.%d", i)
		b.headers["X-Real-IP"] = fmt.Sprintf("10.0.1.%d", i)
		if r := b.login("chi@cantho.gov.vn", "mật khẩu sai số "+fmt.Sprint(i)); r.status != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d", i, r.status)
		}
	}
	b.headers["X-Forwarded-For"] = "203.0.113.9"
	r := b.login("chi@cantho.gov.vn", testPassword)
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "tạm thời bị khóa") {
		t.Fatalf("right password after %d failures = %d, want 429 with the lock message", auth.MaxAccountFailures, r.status)
	}
	// The same answer for an account that does not exist and is locked.
	for i := 0; i < auth.MaxAccountFailures; i++ {
		newBrowser(t, app).login("khongco@cantho.gov.vn", "mật khẩu sai số "+fmt.Sprint(i))
	}
	if r := newBrowser(t, app).login("khongco@cantho.gov.vn", testPassword); r.status != http.StatusTooManyRequests {
		t.Errorf("locked unknown account = %d, want the same 429", r.status)
	}
	// The window passes.
	st.DB().MustExec(`UPDATE login_failures SET failed_at = failed_at - make_interval(secs => $1)`, auth.ThrottleWindow.Seconds()+1)
	if r := newBrowser(t, app).login("chi@cantho.gov.vn", testPassword); r.status != http.StatusSeeOther {
		t.Errorf("login after the window = %d, want success", r.status)
	}
}

func TestFormsNeedTheSessionsCSRFToken(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "dung@cantho.gov.vn", auth.RoleEditor, "cantho")
	newUser(t, st, "em@cantho.gov.vn", auth.RoleEditor, "cantho")
	school := testenv.NewSchool(t, st, "CT01", "cantho")
	if _, err := st.SetStatus(ctx, store.Schools, school.ID, school.Version, domain.StatusDraft, ""); err != nil {
		t.Fatal(err)
	}
	school, _ = st.School(ctx, school.ID)
	b, _ := signedIn(t, app, "dung@cantho.gov.vn")
	_, otherToken := signedIn(t, app, "em@cantho.gov.vn")
	audit := count(t, st, "audit_log")
	for name, form := range map[string]url.Values{
		"no token":                {"version": {fmt.Sprint(school.Version)}},
		"another session's token": {"version": {fmt.Sprint(school.Version)}, "_csrf": {otherToken}},
	} {
		r := b.do(http.MethodPost, fmt.Sprintf("/admin/schools/%d/cong-bo", school.ID), form)
		if r.status != http.StatusForbidden {
			t.Errorf("%s: publish = %d, want 403", name, r.status)
		}
	}
	if got, _ := st.School(ctx, school.ID); got.Status != domain.StatusDraft || count(t, st, "audit_log") != audit {
		t.Error("a refused post changed something")
	}
}

func count(t *testing.T, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAccessMatrix checks every role × city × action × entry city: a
// denied request answers 403 and changes nothing in the entry, the audit
// log or the search outbox. Each official gets a database of their own.
func TestAccessMatrix(t *testing.T) {
	t.Parallel()
	type official struct {
		email, role, city string
	}
	// Who may act on an entry of which city: every action (view, preview,
	// publish, archive, restore) alike. Written out by hand: an editor acts
	// on their own city only, never on an entry of both cities.
	matrix := []struct {
		official
		allowed map[string]bool // entry city → allowed
	}{
		{official{"admin@hoptac.gov.vn", auth.RoleAdmin, ""}, map[string]bool{"hcm": true, "cantho": true, domain.Both: true}},
		{official{"hcm@hcm.gov.vn", auth.RoleEditor, "hcm"}, map[string]bool{"hcm": true, "cantho": false, domain.Both: false}},
		{official{"ct@cantho.gov.vn", auth.RoleEditor, "cantho"}, map[string]bool{"hcm": false, "cantho": true, domain.Both: false}},
	}
	for _, row := range matrix {
		t.Run(row.email, func(t *testing.T) {
			t.Parallel()
			st, app := emptyApp(t)
			newUser(t, st, row.email, row.role, row.city)
			b, token := signedIn(t, app, row.email)
			for _, city := range []string{"hcm", "cantho", domain.Both} {
				checkAccess(t, st, b, token, city, row.allowed[city])
			}
		})
	}
}

// checkAccess has the signed-in browser b try every action on a new draft
// entry of city; want tells whether it may.
func checkAccess(t *testing.T, st *store.Store, b *browser, token, city string, want bool) {
	t.Helper()
	type entry struct {
		kind string
		id   int64
	}
	var e entry
	if city == domain.Both {
		p := domain.Policy{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "hcm-sonv"}, Title: "Chính sách chung", Kind: "policy", Field: "labour", City: domain.Both}
		must(t, st.Create(ctx, &p))
		e = entry{"policies", p.ID}
	} else {
		p := domain.Project{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: city + "-sonv"}, Title: "Dự án " + city, Kind: "training", City: city, Stage: "proposed"}
		must(t, st.Create(ctx, &p))
		e = entry{"projects", p.ID}
	}
	version := func() (int, domain.Status) {
		var row struct {
			V int           `db:"version"`
			S domain.Status `db:"status"`
		}
		q := `SELECT version, status FROM projects WHERE id = $1`
		if e.kind == "policies" {
			q = `SELECT version, status FROM policies WHERE id = $1`
		}
		must(t, st.DB().Get(&row, q, e.id))
		return row.V, row.S
	}
	actions := []struct {
		name, method, suffix string
		form                 url.Values
	}{
		{"view", http.MethodGet, "", nil},
		{"preview", http.MethodGet, "/xem-truoc", nil},
		{"publish", http.MethodPost, "/cong-bo", url.Values{}},
		{"archive", http.MethodPost, "/luu-tru", url.Values{"reason": {"Thử quyền"}}},
		{"restore", http.MethodPost, "/khoi-phuc", url.Values{}},
	}
	for _, a := range actions {
		v, status := version()
		audit, outbox := count(t, st, "audit_log"), count(t, st, "search_outbox")
		var form url.Values
		if a.form != nil {
			form = url.Values{"_csrf": {token}, "version": {fmt.Sprint(v)}}
			for k, vals := range a.form {
				form[k] = vals
			}
		}
		r := b.do(a.method, fmt.Sprintf("/admin/%s/%d%s", e.kind, e.id, a.suffix), form)
		name := fmt.Sprintf("%s a %s entry", a.name, city)
		if !want {
			if r.status != http.StatusForbidden {
				t.Errorf("%s = %d, want 403", name, r.status)
			}
			v2, s2 := version()
			if v2 != v || s2 != status || count(t, st, "audit_log") != audit || count(t, st, "search_outbox") != outbox {
				t.Errorf("%s was refused but changed something", name)
			}
			continue
		}
		if r.status != http.StatusOK && r.status != http.StatusSeeOther {
			t.Errorf("%s = %d, want it allowed", name, r.status)
		}
	}
}
