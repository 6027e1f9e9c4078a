package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
)

const hardenedPassword = "mưa dầm thấm lâu 2025"

// hardenedUser is a Cần Thơ editor whose password is hardenedPassword,
// hashed at today's parameters unless hash is given: these tests count
// and time real argon2 checks.
func hardenedUser(t testing.TB, st *store.Store, email, hash string) store.User {
	t.Helper()
	if hash == "" {
		var err error
		if hash, err = auth.HashPassword(hardenedPassword); err != nil {
			t.Fatal(err)
		}
	}
	return createUser(t, st, email, auth.RoleEditor, "cantho", hash)
}

func TestLoginDoesOneHashForEveryKindOfAccount(t *testing.T) {
	hasher := auth.NewHasher(4, time.Second)
	st, app := emptyApp(t, withDeps(web.Deps{Hasher: hasher}))
	hardenedUser(t, st, "co@cantho.gov.vn", "")
	hardenedUser(t, st, "nghi@cantho.gov.vn", "")
	if err := st.DisableUser(ctx, "nghi@cantho.gov.vn"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, email, password string
		want                  int
	}{
		{"unknown account", "khongco@cantho.gov.vn", hardenedPassword, http.StatusUnauthorized},
		{"disabled account, right password", "nghi@cantho.gov.vn", hardenedPassword, http.StatusUnauthorized},
		{"existing account, wrong password", "co@cantho.gov.vn", "sai mật khẩu mất rồi", http.StatusUnauthorized},
		{"existing account, right password", "co@cantho.gov.vn", hardenedPassword, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newBrowser(t, app)
			token := v.loginToken()
			before := hasher.Checks()
			r := v.send(http.MethodPost, "/admin/dang-nhap", url.Values{"_csrf": {token}, "email": {tt.email}, "password": {tt.password}}, nil)
			if r.status != tt.want {
				t.Errorf("login(%s) = %d, want %d", tt.email, r.status, tt.want)
			}
			if n := hasher.Checks() - before; n != 1 {
				t.Errorf("login(%s) ran %d argon2 computations, want exactly 1", tt.email, n)
			}
		})
	}
}

func TestLockedClientCostsNoHash(t *testing.T) {
	hasher := auth.NewHasher(4, time.Second)
	st, app := emptyApp(t, withDeps(web.Deps{Hasher: hasher}))
	hardenedUser(t, st, "khoa@cantho.gov.vn", "")
	v := newBrowser(t, app)
	for i := range auth.MaxAccountFailures {
		if r := v.login("khoa@cantho.gov.vn", fmt.Sprintf("đoán bừa lần %d", i)); r.status != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d, want 401", i, r.status)
		}
	}
	token := v.loginToken()
	before := hasher.Checks()
	r := v.send(http.MethodPost, "/admin/dang-nhap", url.Values{"_csrf": {token}, "email": {"khoa@cantho.gov.vn"}, "password": {hardenedPassword}}, nil)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "tạm thời bị khóa") {
		t.Errorf("locked login = %d, Retry-After %q; want 429 with Retry-After and the Vietnamese message", r.status, r.header.Get("Retry-After"))
	}
	if n := hasher.Checks() - before; n != 0 {
		t.Errorf("a locked login ran %d argon2 computations, want none", n)
	}
}

// A login that finds every hash slot taken answers at once with 503 and
// Retry-After instead of queueing: here one slot, held by an account whose
// older hash takes long to check.
func TestLoginPastTheHashBudgetIsTurnedAwayQuickly(t *testing.T) {
	hasher := auth.NewHasher(1, 20*time.Millisecond)
	st, app := emptyApp(t, withDeps(web.Deps{Hasher: hasher}))
	slow, err := argon2id.CreateHash(hardenedPassword, &argon2id.Params{Memory: 8 * 1024, Iterations: 60, Parallelism: 1, SaltLength: 16, KeyLength: 32})
	if err != nil {
		t.Fatal(err)
	}
	hardenedUser(t, st, "cham@cantho.gov.vn", slow)
	hardenedUser(t, st, "nhanh@cantho.gov.vn", "")

	slowLogin, fast := newBrowser(t, app), newBrowser(t, app)
	slowToken, fastToken := slowLogin.loginToken(), fast.loginToken()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		slowLogin.send(http.MethodPost, "/admin/dang-nhap", url.Values{"_csrf": {slowToken}, "email": {"cham@cantho.gov.vn"}, "password": {"sai rồi nhé bạn ơi"}}, nil)
	}()
	for deadline := time.Now().Add(10 * time.Second); hasher.Checks() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the slow login never started hashing")
		}
	}
	r := fast.send(http.MethodPost, "/admin/dang-nhap", url.Values{"_csrf": {fastToken}, "email": {"nhanh@cantho.gov.vn"}, "password": {hardenedPassword}}, nil)
	wg.Wait()
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "Vui lòng thử lại sau ít giây") {
		t.Errorf("login with no free slot = %d, Retry-After %q; want 503, Retry-After and the Vietnamese message", r.status, r.header.Get("Retry-After"))
	}
	if r := fast.login("nhanh@cantho.gov.vn", hardenedPassword); r.status != http.StatusSeeOther {
		t.Errorf("login once the slot is free = %d, want 303", r.status)
	}
}

func TestOlderHashIsUpgradedAtLogin(t *testing.T) {
	st, app := emptyApp(t)
	old, err := argon2id.CreateHash(hardenedPassword, &argon2id.Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32})
	if err != nil {
		t.Fatal(err)
	}
	hardenedUser(t, st, "cu@cantho.gov.vn", old)
	stored := func() string {
		u, err := st.UserByEmail(ctx, "cu@cantho.gov.vn")
		if err != nil {
			t.Fatal(err)
		}
		return u.PasswordHash
	}
	if r := newBrowser(t, app).login("cu@cantho.gov.vn", "không phải mật khẩu"); r.status != http.StatusUnauthorized || stored() != old {
		t.Fatalf("a wrong password = %d and changed the hash: %v", r.status, stored() != old)
	}
	if r := newBrowser(t, app).login("cu@cantho.gov.vn", hardenedPassword); r.status != http.StatusSeeOther {
		t.Fatalf("login with an older hash = %d, want 303", r.status)
	}
	if h := stored(); h == old || !strings.Contains(h, "$m=19456,t=2,p=1$") {
		t.Errorf("hash after login = %q, want today's parameters", h)
	}
	if r := newBrowser(t, app).login("cu@cantho.gov.vn", hardenedPassword); r.status != http.StatusSeeOther {
		t.Errorf("login with the upgraded hash = %d, want 303", r.status)
	}
}

func TestLoginCSRFIsBoundToAServerSidePreSession(t *testing.T) {
	hasher := auth.NewHasher(4, time.Second)
	st, app := emptyApp(t, withDeps(web.Deps{Hasher: hasher}))
	hardenedUser(t, st, "csrf@cantho.gov.vn", "")
	form := func(token string) url.Values {
		return url.Values{"_csrf": {token}, "email": {"csrf@cantho.gov.vn"}, "password": {hardenedPassword}}
	}

	t.Run("an equal cookie and field the server never issued", func(t *testing.T) {
		v := newBrowser(t, app)
		forged := strings.Repeat("A", 43)
		v.cookies["hoptac_login"], v.cookies["hoptac_login_csrf"] = forged, forged
		if r := v.send(http.MethodPost, "/admin/dang-nhap", form(forged), nil); r.status != http.StatusForbidden {
			t.Errorf("forged double submit = %d, want 403", r.status)
		}
	})
	t.Run("another visitor's token", func(t *testing.T) {
		other := newBrowser(t, app).loginToken()
		v := newBrowser(t, app)
		v.loginToken()
		if r := v.send(http.MethodPost, "/admin/dang-nhap", form(other), nil); r.status != http.StatusForbidden {
			t.Errorf("a token of another pre-session = %d, want 403", r.status)
		}
	})
	t.Run("the token in the query string", func(t *testing.T) {
		v := newBrowser(t, app)
		token := v.loginToken()
		body := form("")
		body.Del("_csrf")
		if r := v.send(http.MethodPost, "/admin/dang-nhap?_csrf="+url.QueryEscape(token), body, nil); r.status != http.StatusForbidden {
			t.Errorf("token only in the query = %d, want 403", r.status)
		}
	})
	t.Run("an expired pre-session", func(t *testing.T) {
		v := newBrowser(t, app)
		token := v.loginToken()
		st.DB().MustExec(`UPDATE login_presessions SET expires_at = now() - interval '1 second'`)
		r := v.send(http.MethodPost, "/admin/dang-nhap", form(token), nil)
		if r.status != http.StatusForbidden || !strings.Contains(r.body, "đã hết hạn") {
			t.Errorf("expired pre-session = %d, want 403 with the Vietnamese message", r.status)
		}
	})
	if n := hasher.Checks(); n != 0 {
		t.Errorf("refused CSRF tokens ran %d argon2 computations, want none", n)
	}
	t.Run("the issued token, in the body", func(t *testing.T) {
		v := newBrowser(t, app)
		token := v.loginToken()
		id := v.cookies["hoptac_login"]
		if r := v.send(http.MethodPost, "/admin/dang-nhap", form(token), nil); r.status != http.StatusSeeOther {
			t.Fatalf("login = %d, want 303", r.status)
		}
		if _, ok := v.cookies["hoptac_login"]; ok {
			t.Error("the pre-session cookie outlived the login")
		}
		var left int
		if err := st.DB().Get(&left, `SELECT count(*) FROM login_presessions WHERE id_hash = $1`, store.TokenHash(id)); err != nil {
			t.Fatal(err)
		}
		if left != 0 {
			t.Error("the pre-session is still stored after the login")
		}
	})
}

func TestSessionCSRFTokenNeverFromTheQueryString(t *testing.T) {
	st, app := emptyApp(t)
	hardenedUser(t, st, "query@cantho.gov.vn", "")
	v := newBrowser(t, app)
	if r := v.login("query@cantho.gov.vn", hardenedPassword); r.status != http.StatusSeeOther {
		t.Fatalf("login = %d", r.status)
	}
	home := v.send(http.MethodGet, "/admin", nil, nil)
	m := hiddenInput.FindStringSubmatch(home.body)
	if m == nil {
		t.Fatal("no CSRF token on /admin")
	}
	token := m[1]
	if r := v.send(http.MethodPost, "/admin/dang-xuat?_csrf="+url.QueryEscape(token), url.Values{}, nil); r.status != http.StatusForbidden {
		t.Errorf("logout with the token in the query = %d, want 403", r.status)
	}
	if r := v.send(http.MethodPost, "/admin/dang-xuat", url.Values{}, map[string]string{"X-CSRF-Token": token}); r.status != http.StatusSeeOther {
		t.Errorf("logout with the token in X-CSRF-Token = %d, want 303", r.status)
	}
}

func TestCookiesAndHSTSFollowPublicURL(t *testing.T) {
	st := testenv.Store(t)
	tests := []struct {
		publicURL, cookie string
		secure            bool
	}{
		{"", "hoptac_login", false},
		{"http://viec.hoptac.local", "hoptac_login", false},
		{"https://viec.hoptac.gov.vn", "__Host-hoptac_login", true},
	}
	for _, tt := range tests {
		r := newBrowser(t, newApp(t, st, withDeps(web.Deps{PublicURL: tt.publicURL}))).send(http.MethodGet, "/admin/dang-nhap", nil, nil)
		var got *http.Cookie
		for _, c := range r.cookies {
			if strings.HasSuffix(c.Name, "hoptac_login") {
				got = c
			}
		}
		if got == nil || got.Name != tt.cookie || got.Secure != tt.secure || !got.HttpOnly || got.SameSite != http.SameSiteStrictMode || got.Path != "/" {
			t.Errorf("PUBLIC_URL %q: pre-session cookie = %+v, want %s, Secure %v, HttpOnly, SameSite=Strict, Path /", tt.publicURL, got, tt.cookie, tt.secure)
		}
		if hsts := r.header.Get("Strict-Transport-Security"); (hsts != "") != tt.secure {
			t.Errorf("PUBLIC_URL %q: HSTS = %q, want it only over https", tt.publicURL, hsts)
		}
	}
}

func TestAFiveKilobyteCookieHeaderIsServed(t *testing.T) {
	_, app := emptyApp(t)
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	// Analytics and consent cookies of the city's other sites, as a real
	// browser sends them.
	for i := range 20 {
		req.AddCookie(&http.Cookie{Name: fmt.Sprintf("_site_cookie_%02d", i), Value: strings.Repeat("x", 240)})
	}
	if n := len(req.Header.Get("Cookie")); n < 5000 {
		t.Fatalf("Cookie header is %d bytes, want at least 5 KB", n)
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET / with a 5 KB Cookie header = %d, want 200", resp.StatusCode)
	}
}

func TestRequestIDsAreRandom(t *testing.T) {
	_, app := emptyApp(t)
	v := newBrowser(t, app)
	a := v.send(http.MethodGet, "/healthz", nil, nil).header.Get("X-Request-ID")
	b := v.send(http.MethodGet, "/healthz", nil, nil).header.Get("X-Request-ID")
	if len(a) != 36 || len(b) != 36 {
		t.Fatalf("request ids %q, %q: want UUIDs", a, b)
	}
	// A counter changes one or two hex digits from one id to the next; a
	// random UUID about 28 of its 30 random ones.
	differ := 0
	for i := range a {
		if a[i] != b[i] {
			differ++
		}
	}
	if differ < 12 {
		t.Errorf("request ids %s and %s differ in %d characters: sequential, want random", a, b, differ)
	}
}

// BenchmarkLoginOutcomes times a failed login of each kind: they should
// take the same time (one argon2 check each), so timing tells an attacker
// nothing about which accounts exist or are disabled.
func BenchmarkLoginOutcomes(b *testing.B) {
	st, app := emptyApp(b)
	hash, err := auth.HashPassword(hardenedPassword)
	if err != nil {
		b.Fatal(err)
	}
	for _, email := range []string{"co@cantho.gov.vn", "nghi@cantho.gov.vn"} {
		hardenedUser(b, st, email, hash)
	}
	if err := st.DisableUser(ctx, "nghi@cantho.gov.vn"); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, email, password string }{
		{"unknown", "khongco@cantho.gov.vn", hardenedPassword},
		{"disabled", "nghi@cantho.gov.vn", hardenedPassword},
		{"existing-wrong-password", "co@cantho.gov.vn", "sai mật khẩu mất rồi"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st.DB().MustExec(`DELETE FROM login_failures`)
				page, cookie := benchLoginPage(b, app)
				form := url.Values{"_csrf": {page}, "email": {bc.email}, "password": {bc.password}}
				req := httptest.NewRequest(http.MethodPost, "/admin/dang-nhap", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.AddCookie(cookie)
				b.StartTimer()
				resp, err := app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusUnauthorized {
					b.Fatalf("login(%s) = %v, %v; want 401", bc.email, resp, err)
				}
				resp.Body.Close()
			}
		})
	}
}

func benchLoginPage(b *testing.B, app *fiber.App) (string, *http.Cookie) {
	resp, err := app.Test(httptest.NewRequest(http.MethodGet, "/admin/dang-nhap", nil), -1)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	m := hiddenInput.FindSubmatch(body)
	if m == nil || len(resp.Cookies()) == 0 {
		b.Fatal("no login form")
	}
	return string(m[1]), resp.Cookies()[0]
}
