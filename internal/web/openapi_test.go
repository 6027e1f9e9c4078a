package web_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/kind"
)

// loadSpec reads /api/openapi.json and checks it is a valid OpenAPI 3.1
// document.
func loadSpec(t *testing.T, app *fiber.App) *openapi3.T {
	t.Helper()
	r := get(t, app, "/api/openapi.json")
	if r.status != http.StatusOK {
		t.Fatalf("GET /api/openapi.json = %d", r.status)
	}
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
	st, _ := publicWorld(t)
	app := newApp(t, st)
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
	st, w := publicWorld(t)
	app := newApp(t, st)
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
