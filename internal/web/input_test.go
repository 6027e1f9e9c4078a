package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestQueryStringPolicy: every page and the API answer a query value that
// is not text (a lone %ff, a cut-off %c3, a NUL) or is over-long with a
// Vietnamese 400 — the audit saw 500s from the list pages — and the
// database is never asked.
func TestQueryStringPolicy(t *testing.T) {
	st := testenv.Store(t)
	checkQueryStringPolicy(t, newApp(t, st, healthStub(true)))
}

// TestQueryStringPolicyWithMeilisearch: the same answers while Meilisearch
// is up, so no bad byte reaches either search path.
func TestQueryStringPolicyWithMeilisearch(t *testing.T) {
	st, engine := indexedDemo(t)
	checkQueryStringPolicy(t, newApp(t, st, withEngine(engine)))
}

// listPages are every page that reads a query string.
var listPages = []string{"/viec-lam", "/doanh-nghiep", "/truong-nghe", "/dao-tao", "/chinh-sach", "/du-an", "/tim-kiem", "/hop-tac", "/"}

func checkQueryStringPolicy(t *testing.T, app *fiber.App) {
	t.Helper()
	bad := map[string]string{
		"q=%ff":                                "không phải UTF-8",
		"q=%c3":                                "không phải UTF-8",
		"q=%00":                                "NUL",
		"q=c%C3%B4ng%00":                       "NUL",
		"city=%ff":                             "không phải UTF-8",
		"wage_min=%c3":                         "không phải UTF-8",
		"page=%00":                             "NUL",
		"%ff=1":                                "không phải UTF-8",
		"page=1&q=" + strings.Repeat("a", 501): "quá dài",
	}
	for _, path := range listPages {
		for query, want := range bad {
			r := get(t, app, path+"?"+query)
			if r.status != http.StatusBadRequest || !strings.Contains(r.body, want) || !strings.Contains(r.body, "Yêu cầu không hợp lệ") {
				t.Errorf("GET %s?%.40s = %d, want 400 saying %q", path, query, r.status, want)
			}
		}
	}
	for query, want := range bad {
		r := get(t, app, "/api/v1/search?"+query)
		var body map[string]string
		if err := json.Unmarshal([]byte(r.body), &body); err != nil || r.status != http.StatusBadRequest || !strings.Contains(body["error"], want) {
			t.Errorf("GET /api/v1/search?%.40s = %d %.200s, want 400 JSON error saying %q", query, r.status, r.body, want)
		}
	}
	// Text within the bounds still works, diacritics and all.
	for _, path := range []string{"/viec-lam?q=c%C3%B4ng+nh%C3%A2n", "/tim-kiem?q=" + strings.Repeat("%C6%B0", 500), "/api/v1/search?q=may"} {
		if r := get(t, app, path); r.status != http.StatusOK {
			t.Errorf("GET %.60s = %d, want 200", path, r.status)
		}
	}
}

// TestDatabaseOutagePages: with PostgreSQL stopped, pages answer 503 with
// a Vietnamese page and Retry-After, never 500; /healthz stays 200,
// /readyz says 503; once PostgreSQL is back, the same app serves again.
func TestDatabaseOutagePages(t *testing.T) {
	pg := testenv.PostgresCluster(t)
	st, _ := pg.MigratedStore(t, "hoptac", store.Options{MaxOpenConns: 4})
	w := build(t, st)
	app := newApp(t, st, healthStub(true))
	pages := []string{"/", "/viec-lam", "/doanh-nghiep", "/truong-nghe", "/dao-tao", "/chinh-sach", "/du-an", "/hop-tac",
		"/viec-lam/" + ref(w.job.Meta), "/tim-kiem?q=may"}
	for _, p := range pages {
		if r := get(t, app, p); r.status != http.StatusOK {
			t.Fatalf("GET %s before the outage = %d", p, r.status)
		}
	}
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		r := get(t, app, p)
		if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "Hệ thống đang tạm gián đoạn") {
			t.Errorf("GET %s with PostgreSQL stopped = %d (Retry-After %q), want 503 with Retry-After and “Hệ thống đang tạm gián đoạn”: %.300s",
				p, r.status, r.header.Get("Retry-After"), r.body)
		}
	}
	// Search falls back to PostgreSQL here (no Meilisearch): a JSON 503.
	r := get(t, app, "/api/v1/search?q=may")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, `"error"`) || r.header.Get("Retry-After") == "" {
		t.Errorf("GET /api/v1/search with PostgreSQL stopped = %d %.200s, want 503 JSON with Retry-After", r.status, r.body)
	}
	if r := get(t, app, "/healthz"); r.status != http.StatusOK {
		t.Errorf("/healthz with PostgreSQL stopped = %d, want 200", r.status)
	}
	if r := get(t, app, "/readyz"); r.status != http.StatusServiceUnavailable {
		t.Errorf("/readyz with PostgreSQL stopped = %d, want 503", r.status)
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	for _, p := range append(pages, "/readyz") {
		if r := get(t, app, p); r.status != http.StatusOK {
			t.Errorf("GET %s after PostgreSQL is back = %d, want 200", p, r.status)
		}
	}
}

// TestFormsRefuseBadText: the back-office form refuses a 3 MB title, a NUL
// and a javascript: link with a message on the field, and writes nothing.
func TestFormsRefuseBadText(t *testing.T) {
	st, app := emptyApp(t, healthStub(true))
	newUser(t, st, "an@cantho.gov.vn", auth.RoleEditor, "cantho")
	company := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	b, token := signedIn(t, app, "an@cantho.gov.vn")
	job := func(title string) url.Values {
		return url.Values{"_csrf": {token}, "title": {title}, "company_tax_code": {company.TaxCode}, "occupation": {"8"},
			"positions": {"3"}, "employment_type": {"full_time"}, "education": {"none"}}
	}
	tests := []struct {
		name string
		form url.Values
		want string
	}{
		{"3 MB title", job(strings.Repeat("a", 3<<20)), "Nội dung quá dài: tối đa 300 ký tự."},
		{"NUL in the title", job("Thợ\x00hàn"), "ký tự NUL hoặc không phải UTF-8"},
		{"invalid UTF-8 in the title", job("Th\xffợ hàn"), "không phải UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.do(http.MethodPost, "/admin/jobs/moi", tt.form)
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, tt.want) || !strings.Contains(r.body, `href="#f-title"`) {
				t.Errorf("POST a job with %s = %d, want 422 with %q on the title", tt.name, r.status, tt.want)
			}
		})
	}
	r := b.do(http.MethodPost, "/admin/companies/"+strconv.FormatInt(company.ID, 10)+"/sua", url.Values{"_csrf": {token},
		"version": {strconv.Itoa(company.Version)}, "tax_code": {company.TaxCode}, "name": {company.Name}, "industry": {"C"},
		"website": {"javascript:alert(1)"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "http:// hoặc https://") {
		t.Errorf("POST a company with a javascript: website = %d, want 422", r.status)
	}
	if n := count(t, st, "jobs"); n != 0 {
		t.Errorf("refused forms wrote %d jobs", n)
	}
}
