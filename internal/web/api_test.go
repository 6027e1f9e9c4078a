package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
)

// apiList is a list answer of /api/v1/{plural}.
type apiList struct {
	Total   int              `json:"total"`
	Page    int              `json:"page"`
	PerPage int              `json:"per_page"`
	Pages   int              `json:"pages"`
	Items   []map[string]any `json:"items"`
}

func getJSON(t *testing.T, app *fiber.App, path string, out any) response {
	t.Helper()
	r := get(t, app, path)
	if out != nil && r.status == http.StatusOK {
		if err := json.Unmarshal([]byte(r.body), out); err != nil {
			t.Fatalf("GET %s: %v in %.200s", path, err, r.body)
		}
	}
	return r
}

// TestAPIEntriesAreThePublicOnes reads each kind's list and entries: every
// published entry with its codes labelled and its parent linked; drafts
// and archived entries in no list; an archived entry says gone, with its
// public reason.
func TestAPIEntriesAreThePublicOnes(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t, withDeps(web.Deps{PublicURL: "https://hoptac.example.vn"}))
	checkAPIJobList(t, app, w)
	checkAPIJob(t, app, w)
	checkAPINonPublic(t, app, w)
	var wards struct {
		Items []kind.Code `json:"items"`
	}
	if r := getJSON(t, app, "/api/v1/codes/wards", &wards); r.status != http.StatusOK || len(wards.Items) < 100 {
		t.Errorf("GET /api/v1/codes/wards = %d with %d wards", r.status, len(wards.Items))
	}
}

// checkAPIJobList: the published job and the expired one, no other.
func checkAPIJobList(t *testing.T, app *fiber.App, w world) {
	t.Helper()
	var jobs apiList
	if r := getJSON(t, app, "/api/v1/jobs?expired=1", &jobs); r.status != http.StatusOK {
		t.Fatalf("GET /api/v1/jobs = %d %s", r.status, r.body)
	}
	ids := map[float64]bool{}
	for _, it := range jobs.Items {
		ids[it["id"].(float64)] = true
	}
	if jobs.Total != 2 || !ids[float64(w.job.ID)] || !ids[float64(w.old.ID)] || ids[float64(w.draftJob.ID)] || ids[float64(w.archivedJob.ID)] {
		t.Errorf("jobs list = total %d ids %v; want the published job and the expired one", jobs.Total, ids)
	}
}

// checkAPIJob: a job with its codes labelled and its company linked.
func checkAPIJob(t *testing.T, app *fiber.App, w world) {
	t.Helper()
	var job map[string]any
	if r := getJSON(t, app, "/api/v1/jobs/"+itoa(w.job.ID), &job); r.status != http.StatusOK {
		t.Fatalf("GET job = %d %s", r.status, r.body)
	}
	city, _ := job["city"].(map[string]any)
	if job["title"] != w.job.Title || city["code"] != "hcm" || city["en"] == "" || city["vi"] == "" {
		t.Errorf("job = title %v city %v; want its title and city with vi and en labels", job["title"], job["city"])
	}
	if job["company_id"] != float64(w.company.ID) || job["company_url"] != "https://hoptac.example.vn/api/v1/companies/"+itoa(w.company.ID) {
		t.Errorf("job's company = %v %v; want its id and absolute API URL", job["company_id"], job["company_url"])
	}
	if u, _ := job["url"].(string); !strings.HasPrefix(u, "https://hoptac.example.vn/viec-lam/"+itoa(w.job.ID)+"-") {
		t.Errorf("job url = %q; want its absolute page URL", u)
	}
}

// checkAPINonPublic: an archived entry says gone, with its public reason;
// drafts and unknown ids are 404; archived entries are in no list.
func checkAPINonPublic(t *testing.T, app *fiber.App, w world) {
	t.Helper()
	gone := get(t, app, "/api/v1/jobs/"+itoa(w.archivedJob.ID))
	var g struct {
		Gone   bool   `json:"gone"`
		Reason string `json:"reason"`
	}
	_ = json.Unmarshal([]byte(gone.body), &g)
	if gone.status != http.StatusGone || !g.Gone || g.Reason != "Đã tuyển đủ" {
		t.Errorf("archived job = %d %s; want 410 gone with its reason", gone.status, gone.body)
	}
	for _, path := range []string{"/api/v1/jobs/" + itoa(w.draftJob.ID), "/api/v1/programs/" + itoa(w.draftProgram.ID), "/api/v1/jobs/999999999", "/api/v1/codes/nope"} {
		if r := get(t, app, path); r.status != http.StatusNotFound || !strings.Contains(r.body, `"error"`) {
			t.Errorf("GET %s = %d %s; want 404 {\"error\"}", path, r.status, r.body)
		}
	}
	var projects apiList
	getJSON(t, app, "/api/v1/projects", &projects)
	for _, it := range projects.Items {
		if it["id"] == float64(w.archivedProject.ID) {
			t.Errorf("the archived project is listed")
		}
	}
}

// TestAPIRefusesBadParameters answers 400 {"error": …} for what it cannot
// read, and changes nothing.
func TestAPIRefusesBadParameters(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	for _, path := range []string{
		"/api/v1/jobs?city=atlantis", "/api/v1/jobs?per_page=0", "/api/v1/jobs?per_page=101",
		"/api/v1/companies?updated_since=yesterday", "/api/v1/schools?page=-1", "/api/v1/programs?tuition_max=abc",
		"/api/v1/commitments?policy_id=x", "/api/v1/policies/abc", "/api/v1/jobs?q=%ff",
	} {
		r := get(t, app, path)
		var e struct {
			Error string `json:"error"`
		}
		if err := json.Unmarshal([]byte(r.body), &e); r.status != http.StatusBadRequest || err != nil || e.Error == "" {
			t.Errorf("GET %s = %d %s; want 400 {\"error\": …}", path, r.status, r.body)
		}
	}
}

// TestAPIRevalidatesAndAllowsOtherOrigins: an unchanged answer is a 304
// for If-None-Match, and any site may read the API from a browser.
func TestAPIRevalidatesAndAllowsOtherOrigins(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	for _, path := range []string{"/api/v1/jobs", "/api/v1/schools/" + itoa(w.school.ID), "/api/v1/codes/cities", "/api/openapi.json"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Origin", "https://bao.example.com")
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		tag := resp.Header.Get("ETag")
		if resp.StatusCode != http.StatusOK || tag == "" || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("GET %s = %d, ETag %q, Access-Control-Allow-Origin %q; want 200, an ETag and *", path, resp.StatusCode, tag, resp.Header.Get("Access-Control-Allow-Origin"))
			continue
		}
		again := httptest.NewRequest(http.MethodGet, path, nil)
		again.Header.Set("If-None-Match", tag)
		resp, err = app.Test(again, -1)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s with If-None-Match %s = %d, want 304", path, tag, resp.StatusCode)
		}
	}
	if r := get(t, app, "/viec-lam"); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("GET /viec-lam has CORS headers; they are for the API only")
	}
}

// TestAPIHarvestsIncrementally: updated_since gives what changed since a
// harvester's last visit, and no more.
func TestAPIHarvestsIncrementally(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	co := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	a := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Thợ điện"})
	b := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Thợ hàn"})

	var all apiList
	getJSON(t, app, "/api/v1/jobs", &all)
	if all.Total != 2 {
		t.Fatalf("first harvest total = %d, want 2", all.Total)
	}
	last := time.Time{}
	for _, it := range all.Items {
		u, _ := time.Parse(time.RFC3339Nano, it["updated_at"].(string))
		if u.After(last) {
			last = u
		}
	}
	a.Title = "Thợ điện công nghiệp"
	must(t, st.Update(ctx, &a))
	since := last.Add(time.Microsecond).Format(time.RFC3339Nano)
	var changed apiList
	if r := getJSON(t, app, "/api/v1/jobs?updated_since="+since, &changed); r.status != http.StatusOK {
		t.Fatalf("GET updated_since = %d %s", r.status, r.body)
	}
	if changed.Total != 1 || changed.Items[0]["id"] != float64(a.ID) || changed.Items[0]["title"] != "Thợ điện công nghiệp" {
		t.Errorf("harvest since %s = %+v; want only the job changed since (%d, not %d)", since, changed, a.ID, b.ID)
	}
}

// TestPublicURLIsTheBaseOfAbsoluteURLs runs the real binary: PUBLIC_URL
// is the base of every absolute URL the API, the OpenAPI document and the
// open-data catalogue give, whatever Host the request named.
func TestPublicURLIsTheBaseOfAbsoluteURLs(t *testing.T) {
	t.Parallel()
	const public = "http://du-lieu.hoptac.example"
	srv := testenv.Serve(t, []string{"DATABASE_URL=" + testenv.DatabaseURL(t), "MEILI_URL=http://127.0.0.1:1", "LOG_LEVEL=error", "PUBLIC_URL=" + public})
	for _, path := range []string{"/api/v1/codes", "/api/openapi.json", "/du-lieu-mo/dcat.jsonld"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		_, _ = io.Copy(&b, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(b.String(), public) || strings.Contains(b.String(), srv.URL) {
			t.Errorf("GET %s = %d; want absolute URLs on %s, none on %s:\n%.300s", path, resp.StatusCode, public, srv.URL, b.String())
		}
	}
}

// TestAPIPagesAreStable: pages by number and pages by cursor (next) give
// every entry once, in id order, and the same ones.
func TestAPIPagesAreStable(t *testing.T) {
	t.Parallel()
	st := demoStore(t)
	app := newApp(t, st)
	var byPage, byCursor []float64
	total := 0
	for page := 1; ; page++ {
		var l apiList
		getJSON(t, app, "/api/v1/jobs?expired=1&per_page=7&page="+itoa(int64(page)), &l)
		total = l.Total
		for _, it := range l.Items {
			byPage = append(byPage, it["id"].(float64))
		}
		if page >= l.Pages {
			break
		}
	}
	next := "/api/v1/jobs?expired=1&per_page=7"
	for next != "" {
		var l struct {
			Total *int             `json:"total"`
			Items []map[string]any `json:"items"`
			Next  *string          `json:"next"`
		}
		first := len(byCursor) == 0
		if r := getJSON(t, app, next, &l); r.status != http.StatusOK || (first && (l.Total == nil || *l.Total != total)) || (!first && l.Total != nil) {
			t.Fatalf("GET %s = %d, total %v; want 200 and total %d on the first page, null on cursor pages", next, r.status, l.Total, total)
		}
		for _, it := range l.Items {
			byCursor = append(byCursor, it["id"].(float64))
		}
		next = ""
		if l.Next != nil {
			next = strings.TrimPrefix(*l.Next, "http://example.com")
		}
	}
	if len(byPage) != total || fmt.Sprint(byPage) != fmt.Sprint(byCursor) || !sort.Float64sAreSorted(byPage) {
		t.Errorf("pages: %d ids, cursor: %d ids, total %d; want every entry once, in id order, both ways", len(byPage), len(byCursor), total)
	}
	if total < 20 {
		t.Errorf("total %d: the demo data should fill several pages", total)
	}
}

// loadSpec reads /api/openapi.json and checks it is a valid OpenAPI 3.1
// document.
func loadSpec(t *testing.T, app *fiber.App) *openapi3.T {
	t.Helper()
	r := getOK(t, app, "/api/openapi.json")
	doc, err := openapi3.NewLoader().LoadFromData([]byte(r.body))
	if err != nil {
		t.Fatalf("load OpenAPI: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi = %q, want 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("OpenAPI document is invalid: %v", err)
	}
	return doc
}

// TestOpenAPIDescribesEveryRoute: the router's API routes and the
// document's paths are the same set.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	doc := loadSpec(t, app)

	routes := map[string]bool{}
	for _, r := range app.GetRoutes(true) {
		if r.Method != http.MethodGet || !strings.HasPrefix(r.Path, "/api") {
			continue
		}
		parts := strings.Split(r.Path, "/")
		for i, p := range parts {
			if strings.HasPrefix(p, ":") {
				parts[i] = "{" + p[1:] + "}"
			}
		}
		routes[strings.Join(parts, "/")] = true
	}
	var inRouter, inSpec []string
	for p := range routes {
		if doc.Paths.Value(p) == nil {
			inRouter = append(inRouter, p)
		}
	}
	for p := range doc.Paths.Map() {
		if !routes[p] {
			inSpec = append(inSpec, p)
		}
	}
	sort.Strings(inRouter)
	sort.Strings(inSpec)
	if len(inRouter) > 0 || len(inSpec) > 0 {
		t.Errorf("routes not in the OpenAPI document: %v; documented paths with no route: %v", inRouter, inSpec)
	}
	if len(routes) < 2*len(kind.All)+4 {
		t.Errorf("found %d API routes, want at least %d", len(routes), 2*len(kind.All)+4)
	}
}

// TestAPIResponsesMatchOpenAPI validates real answers of every route,
// errors included, against the document's schemas (kin-openapi).
func TestAPIResponsesMatchOpenAPI(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	doc := loadSpec(t, app)

	type call struct{ tmpl, path string }
	ids := map[string]int64{"job": w.job.ID, "company": w.company.ID, "school": w.school.ID, "program": w.program.ID,
		"policy": w.policy.ID, "project": w.project.ID, "commitment": w.commitment.ID}
	calls := []call{
		{"/api/openapi.json", "/api/openapi.json"},
		{"/api/v1/search", "/api/v1/search?q=cong+nhan"},
		{"/api/v1/search", "/api/v1/search?per_page=500"},
		{"/api/v1/codes", "/api/v1/codes"},
		{"/api/v1/codes/{list}", "/api/v1/codes/nope"},
		{"/api/v1/jobs/{id}", "/api/v1/jobs/" + itoa(w.archivedJob.ID)},
		{"/api/v1/projects/{id}", "/api/v1/projects/" + itoa(w.archivedProject.ID)},
	}
	for _, n := range kind.CodeListNames() {
		calls = append(calls, call{"/api/v1/codes/{list}", "/api/v1/codes/" + n})
	}
	for _, k := range kind.All {
		t := k.Type()
		list, item := "/api/v1/"+t.Plural, "/api/v1/"+t.Plural+"/{id}"
		calls = append(calls, call{list, list + "?expired=1&per_page=100"}, call{list, list + "?per_page=0"}, call{list, list + "?after=1&per_page=1"},
			call{item, list + "/" + itoa(ids[t.Name])}, call{item, list + "/999999999"}, call{item, list + "/x"})
	}
	statuses := map[int]bool{}
	for _, c := range calls {
		req := httptest.NewRequest(http.MethodGet, c.path, nil)
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		statuses[resp.StatusCode] = true
		item := doc.Paths.Value(c.tmpl)
		if item == nil || item.Get == nil {
			t.Errorf("%s: no GET %s in the document", c.path, c.tmpl)
			continue
		}
		input := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{
				Request: req, Route: &routers.Route{Spec: doc, Path: c.tmpl, PathItem: item, Method: http.MethodGet, Operation: item.Get},
				Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
			},
			Status: resp.StatusCode, Header: resp.Header, Body: io.NopCloser(bytes.NewReader(body)),
			Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		if err := openapi3filter.ValidateResponse(ctx, input); err != nil {
			t.Errorf("GET %s = %d does not match the document: %v\n%.300s", c.path, resp.StatusCode, err, body)
		}
	}
	for _, want := range []int{200, 400, 404, 410} {
		if !statuses[want] {
			t.Errorf("no call answered %d; the validation should cover it", want)
		}
	}
}
