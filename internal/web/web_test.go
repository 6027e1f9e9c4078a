package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
	staticfiles "hoptac/static"
	templatefiles "hoptac/templates"
)

var ctx = context.Background()

// healthStub stands in for Meilisearch only where its state is the point.
type healthStub bool

func (h healthStub) Healthy(context.Context) bool { return bool(h) }

// unreachableMeili is an address where no Meilisearch listens: searches
// through it fall back to PostgreSQL, as they do during an outage.
const unreachableMeili = "http://127.0.0.1:1"

// appOption changes one thing about the app newApp builds.
type appOption interface{ apply(*appConfig) }

type appConfig struct {
	health  web.SearchHealth
	engine  search.Searcher
	proxies []string
	deps    web.Deps // settings a test sets itself (limits, hasher, public URL)
}

type optionFunc func(*appConfig)

func (f optionFunc) apply(c *appConfig) { f(c) }

// A healthStub is also an option: newApp(t, st, healthStub(false)).
func (h healthStub) apply(c *appConfig) { c.health = h }

// withEngine searches through e instead of the unreachable Meilisearch.
func withEngine(e search.Searcher) appOption {
	return optionFunc(func(c *appConfig) { c.engine = e })
}

// withProxies trusts X-Forwarded-* headers from these addresses.
func withProxies(proxies ...string) appOption {
	return optionFunc(func(c *appConfig) { c.proxies = proxies })
}

// withDeps starts from d's settings (import limits, login hasher, public
// URL…); newApp fills in the store, logger, files and search.
func withDeps(d web.Deps) appOption {
	return optionFunc(func(c *appConfig) { c.deps = d })
}

// newApp builds the portal on st. By default search is healthy and its
// engine unreachable, so searches fall back to PostgreSQL.
func newApp(t testing.TB, st *store.Store, opts ...appOption) *fiber.App {
	t.Helper()
	cfg := appConfig{health: healthStub(true), engine: search.New(unreachableMeili, "")}
	for _, o := range opts {
		o.apply(&cfg)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	d := cfg.deps
	d.Store, d.Logger, d.Templates, d.Static = st, log, templatefiles.FS, staticfiles.FS
	d.Search, d.SearchHealth = search.NewService(cfg.engine, st, log), cfg.health
	if cfg.proxies != nil {
		d.TrustedProxies = cfg.proxies
	}
	app, err := web.New(ctx, d)
	if err != nil {
		t.Fatalf("web.New = %v", err)
	}
	return app
}

// emptyApp is the app over a fresh, empty database.
func emptyApp(t testing.TB, opts ...appOption) (*store.Store, *fiber.App) {
	t.Helper()
	st := testenv.Store(t)
	return st, newApp(t, st, opts...)
}

type response struct {
	status   int
	body     string
	location string
	header   http.Header
	cookies  []*http.Cookie
}

func get(t *testing.T, app *fiber.App, path string) response {
	t.Helper()
	resp, err := app.Test(httptest.NewRequest(http.MethodGet, path, nil), -1)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: string(b), location: resp.Header.Get("Location"), header: resp.Header}
}

// world is a small published data set with one of every type, plus a
// draft and an archived entry of each kind that must never show.
type world struct {
	company, draftCompany           domain.Company
	job, draftJob, archivedJob, old domain.Job
	school, draftSchool             domain.School
	program, draftProgram           domain.Program
	policy, program2024             domain.Policy
	commitment                      domain.Commitment
	project, archivedProject        domain.Project
}

// publicWorld is the world, built once in a database that the read-only
// tests share.
// publicApp is the app over the shared world, which no test changes.
func publicApp(t *testing.T, opts ...appOption) (*fiber.App, world) {
	t.Helper()
	st, w := publicWorld(t)
	return newApp(t, st, opts...), w
}

// getOK is get, failing the test unless the answer is 200.
func getOK(t *testing.T, app *fiber.App, path string) response {
	t.Helper()
	r := get(t, app, path)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s = %d, want 200", path, r.status)
	}
	return r
}

func publicWorld(t *testing.T) (*store.Store, world) {
	t.Helper()
	type built struct {
		st *store.Store
		w  world
	}
	b := testenv.Shared(t, "world", func(t testing.TB) built {
		st := testenv.SharedStore(t, "world", func(testing.TB, *store.Store) {})
		return built{st, build(t, st)}
	})
	return b.st, b.w
}

func build(t testing.TB, st *store.Store) world {
	t.Helper()
	var w world
	w.company = testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	w.draftCompany = testenv.NewCompany(t, st, 2, "cantho", domain.StatusDraft)
	w.job = testenv.NewJob(t, st, w.company, testenv.JobSpec{Title: "Công nhân may công nghiệp", WageMin: testenv.Ptr(int64(8_000_000)), WageMax: testenv.Ptr(int64(12_500_000))})
	w.draftJob = testenv.NewJob(t, st, w.company, testenv.JobSpec{Title: "Tin nháp bí mật", Status: domain.StatusDraft})
	w.archivedJob = testenv.NewJob(t, st, w.company, testenv.JobSpec{Title: "Tin đã lưu trữ bí mật"})
	if _, err := st.SetStatus(ctx, store.Jobs, w.archivedJob.ID, w.archivedJob.Version, domain.StatusArchived, "Đã tuyển đủ"); err != nil {
		t.Fatal(err)
	}
	w.old = testenv.NewJob(t, st, w.company, testenv.JobSpec{Title: "Thợ hàn hết hạn", Deadline: testenv.DaysFromNow(-5)})

	w.school = testenv.NewSchool(t, st, "CDKT", "cantho")
	w.draftSchool = domain.School{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "cantho-sogddt"}, Code: "NHAP", Name: "Trường nháp bí mật", Kind: "other", Ownership: "private", City: "cantho"}
	must(t, st.Create(ctx, &w.draftSchool))
	w.program = domain.Program{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sogddt"}, SchoolID: w.school.ID, Name: "Công nghệ ô tô", Level: "cao_dang", Mode: "full_time", TuitionVND: testenv.Ptr(int64(9_000_000)), Support: "Miễn học phí cho bộ đội xuất ngũ"}
	must(t, st.Create(ctx, &w.program))
	w.draftProgram = domain.Program{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sogddt"}, SchoolID: w.draftSchool.ID, Name: "Ngành của trường nháp", Level: "so_cap", Mode: "full_time"}
	must(t, st.Create(ctx, &w.draftProgram))

	w.program2024 = testenv.NewPolicy(t, st, "program")
	w.policy = domain.Policy{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sonv"}, Title: "Hỗ trợ người lao động mất việc", Kind: "policy", Field: "employment", City: "cantho", DocNumber: "15/2025/NQ-HĐND", Body: "## Đối tượng\n\nNgười lao động"}
	must(t, st.Create(ctx, &w.policy))
	w.commitment = domain.Commitment{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-soldtbxh"}, PolicyID: w.program2024.ID, Title: "Sơ kết, tổng kết định kỳ", Lead: "both", Progress: "done",
		Updates: []domain.LedgerUpdate{{Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC), Kind: "so_ket", Text: "Sơ kết 6 tháng"}}}
	must(t, st.Create(ctx, &w.commitment))
	w.project = domain.Project{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sonv"}, Title: "Trung tâm nghề thủy sản", Organization: "Hiệp hội", Kind: "training", City: "cantho", Stage: "seeking_partners", BudgetVND: testenv.Ptr(int64(5_000_000_000))}
	must(t, st.Create(ctx, &w.project))
	w.archivedProject = domain.Project{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sonv"}, Title: "Dự án lưu trữ bí mật", Kind: "ngo", City: "cantho", Stage: "completed"}
	must(t, st.Create(ctx, &w.archivedProject))
	if _, err := st.SetStatus(ctx, store.Projects, w.archivedProject.ID, w.archivedProject.Version, domain.StatusArchived, "Trùng lặp"); err != nil {
		t.Fatal(err)
	}
	return w
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestPublicPagesShowPublishedEntries(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)

	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{"Số liệu hai thành phố", w.company.Name, w.job.Title, "TP. Cần Thơ"}},
		{"/viec-lam", []string{w.job.Title, "8.000.000 – 12.500.000 đ", w.company.Name}},
		{"/viec-lam?expired=1", []string{w.old.Title, "Đã hết hạn"}},
		{"/viec-lam/" + ref(w.job.Meta), []string{w.job.Title, "8.000.000 – 12.500.000 đ", w.company.Name, "Nguồn và lịch sử"}},
		{"/viec-lam/" + ref(w.old.Meta), []string{w.old.Title, "Đã hết hạn"}},
		{"/doanh-nghiep", []string{w.company.Name, "vị trí đang tuyển"}},
		{"/doanh-nghiep/" + ref(w.company.Meta), []string{w.company.Name, w.company.TaxCode, w.job.Title}},
		{"/truong-nghe", []string{w.school.Name}},
		{"/truong-nghe/" + ref(w.school.Meta), []string{w.school.Name, w.program.Name, "9.000.000 đ"}},
		{"/dao-tao", []string{w.program.Name, w.school.Name}},
		{"/dao-tao/" + ref(w.program.Meta), []string{w.program.Name, "Miễn học phí cho bộ đội xuất ngũ"}},
		{"/chinh-sach", []string{w.policy.Title, w.program2024.Title}},
		{"/chinh-sach/" + ref(w.policy.Meta), []string{w.policy.Title, "15/2025/NQ-HĐND", "<h2>Đối tượng</h2>"}},
		{"/chinh-sach/" + ref(w.program2024.Meta), []string{w.commitment.Title}},
		{"/du-an", []string{w.project.Title, "Đang tìm đối tác"}},
		{"/du-an/" + ref(w.project.Meta), []string{w.project.Title, "5 tỷ đồng"}},
		{"/hop-tac", []string{w.program2024.Title, w.commitment.Title, "Đã hoàn thành", "Sơ kết"}},
		{"/hop-tac/" + ref(w.commitment.Meta), []string{w.commitment.Title, "Sơ kết 6 tháng", "20/01/2025"}},
		{"/tim-kiem?q=cong+nhan+may", []string{w.job.Title}},
		{"/tim-kiem?q=o+to", []string{w.program.Name}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, app, tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("GET %s = %d, want 200; body:\n%s", tt.path, r.status, r.body)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("GET %s: body does not contain %q", tt.path, w)
				}
			}
			if strings.Contains(r.body, "<no value>") {
				t.Errorf("GET %s: body contains <no value>", tt.path)
			}
		})
	}
}

func ref(m domain.Meta) string { return web.EntryRef(m.ID, m.Slug) }

func TestNonPublicEntriesNeverShow(t *testing.T) {
	t.Parallel()
	st, w := publicWorld(t)
	app := newApp(t, st)

	for _, path := range []string{
		"/viec-lam/" + ref(w.draftJob.Meta),
		"/doanh-nghiep/" + ref(w.draftCompany.Meta),
		"/truong-nghe/" + ref(w.draftSchool.Meta),
		"/dao-tao/" + ref(w.draftProgram.Meta), // published, but its school is not
	} {
		if r := get(t, app, path); r.status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, r.status)
		}
	}
	// An archived entry is gone, not unknown (TestArchivedEntryIsGone).
	for _, path := range []string{"/viec-lam/" + ref(w.archivedJob.Meta), "/du-an/" + ref(w.archivedProject.Meta)} {
		if r := get(t, app, path); r.status != http.StatusGone {
			t.Errorf("GET %s = %d, want 410", path, r.status)
		}
	}
	secrets := []string{"bí mật", w.draftCompany.Name, "Ngành của trường nháp"}
	for _, path := range []string{"/", "/viec-lam", "/viec-lam?expired=1", "/doanh-nghiep", "/truong-nghe", "/dao-tao", "/du-an", "/tim-kiem?q=bi+mat", "/tim-kiem?q=truong+nhap"} {
		r := get(t, app, path)
		if r.status != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", path, r.status)
		}
		for _, s := range secrets {
			if strings.Contains(r.body, s) {
				t.Errorf("GET %s shows %q, which is not public", path, s)
			}
		}
	}
	// Counts on the home page include only public entries: one open job
	// (the other published one has expired) in HCMC, one school in Cần Thơ.
	glance, err := st.CitiesAtAGlance(ctx)
	must(t, err)
	for _, g := range glance {
		switch g.Code {
		case "hcm":
			if g.OpenJobs != 1 || g.Companies != 1 {
				t.Errorf("hcm glance = %d jobs, %d companies; want 1, 1", g.OpenJobs, g.Companies)
			}
		case "cantho":
			if g.Schools != 1 || g.Programs != 1 || g.Companies != 0 || g.Projects != 1 {
				t.Errorf("cantho glance = %+v; want 1 school, 1 program, 0 companies, 1 project", g)
			}
		}
	}
}

func TestDetailURLs(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)

	r := get(t, app, "/viec-lam/"+web.EntryRef(w.job.ID, "sai-ten"))
	if r.status != http.StatusMovedPermanently || r.location != "/viec-lam/"+ref(w.job.Meta) {
		t.Errorf("wrong slug = %d Location %q, want 301 to %q", r.status, r.location, "/viec-lam/"+ref(w.job.Meta))
	}
	r = get(t, app, "/truong-nghe/"+web.EntryRef(w.school.ID, ""))
	if r.status != http.StatusMovedPermanently {
		t.Errorf("id without slug = %d, want 301", r.status)
	}
	for _, path := range []string{"/viec-lam/999999-khong-co", "/viec-lam/abc", "/doanh-nghiep/0-x", "/khong-co-trang-nay"} {
		r := get(t, app, path)
		if r.status != http.StatusNotFound || !strings.Contains(r.body, "Không tìm thấy trang") || !strings.Contains(r.body, "Về trang chủ") {
			t.Errorf("GET %s = %d, want the Vietnamese 404 page", path, r.status)
		}
	}
	r = get(t, app, "/api/v1/khong-co")
	var body map[string]string
	if r.status != http.StatusNotFound || json.Unmarshal([]byte(r.body), &body) != nil || body["error"] == "" {
		t.Errorf("GET /api/v1/khong-co = %d %q, want 404 JSON with an error", r.status, r.body)
	}
}

func TestBadFiltersAreExplainedNotFatal(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	r := getOK(t, app, "/viec-lam?wage_min=nhieu&city=hanoi&page=-3&education=tien-si")
	for _, want := range []string{"“Lương từ (đồng/tháng)” phải là một số", "“Thành phố” không hợp lệ", "Số trang không hợp lệ", "“Trình độ của bạn” không hợp lệ"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("body lacks the note %q", want)
		}
	}
	r = get(t, app, "/viec-lam?page=50")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Trang này không có kết quả") {
		t.Errorf("page past the end = %d, want 200 with a way back", r.status)
	}
}

func TestUserTextIsEscapedEverywhere(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	const evil = `<script>alert("x")</script>`
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	company.Name = "Công ty " + evil
	company.Description = evil
	must(t, st.Update(ctx, &company))
	job := domain.Job{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, CompanyID: company.ID,
		Title: "Thợ " + evil, OccupationCode: "7", Positions: 3, EmploymentType: "full_time", Education: "none", City: "hcm",
		Requirements: evil, Benefits: evil, Contact: evil, WorkAddress: evil}
	must(t, st.Create(ctx, &job))
	policy := domain.Policy{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, Title: "Chính sách " + evil,
		Kind: "policy", Field: "labour", City: "hcm", Summary: evil, Body: "Nội dung " + evil}
	must(t, st.Create(ctx, &policy))
	app := newApp(t, st)

	for _, path := range []string{"/", "/viec-lam", "/viec-lam/" + ref(job.Meta), "/doanh-nghiep", "/doanh-nghiep/" + ref(company.Meta),
		"/chinh-sach", "/chinh-sach/" + ref(policy.Meta), "/tim-kiem?q=" + "script", "/viec-lam?q=%3Cscript%3E"} {
		r := get(t, app, path)
		if r.status != http.StatusOK {
			t.Errorf("GET %s = %d", path, r.status)
		}
		if strings.Contains(r.body, "<script>alert") {
			t.Errorf("GET %s: unescaped <script> in the page", path)
		}
	}
}

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t) // its own: the last case closes it
	tests := []struct {
		name   string
		health healthStub
		want   string
	}{
		{"search up", healthStub(true), "ok"},
		{"search down", healthStub(false), "degraded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := newApp(t, st, tt.health)
			if r := get(t, app, "/healthz"); r.status != http.StatusOK {
				t.Errorf("/healthz = %d", r.status)
			}
			r := get(t, app, "/readyz")
			var body map[string]string
			if err := json.Unmarshal([]byte(r.body), &body); err != nil || r.status != http.StatusOK {
				t.Fatalf("/readyz = %d %q", r.status, r.body)
			}
			if body["database"] != "ok" || body["search"] != tt.want {
				t.Errorf("/readyz = %v, want database ok, search %s", body, tt.want)
			}
		})
	}
	t.Run("database down", func(t *testing.T) {
		app := newApp(t, st)
		st.Close()
		if r := get(t, app, "/readyz"); r.status != http.StatusServiceUnavailable {
			t.Errorf("/readyz with the database closed = %d, want 503", r.status)
		}
	})
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	r := get(t, app, "/")
	if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "object-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP = %q", csp)
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", r.header.Get("X-Content-Type-Options"))
	}
	if r := get(t, app, "/static/css/site.css"); r.status != http.StatusOK || !strings.Contains(r.body, "--brand") {
		t.Errorf("/static/css/site.css = %d", r.status)
	}
}

func httpRequest(path string) *http.Request {
	return httptest.NewRequest(http.MethodGet, path, nil)
}
