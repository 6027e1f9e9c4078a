package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// demo is the demo data set, loaded and indexed into an index of the
// package's real Meilisearch once, in a database that the read-only tests
// share.
type demo struct {
	st     *store.Store
	engine *search.Engine
}

func sharedDemo(t *testing.T) demo {
	t.Helper()
	return testenv.Shared(t, "demo", func(t testing.TB) demo {
		var d demo
		d.st = testenv.SharedStore(t, "demo", func(t testing.TB, st *store.Store) {
			if _, err := seed.Demo(ctx, st, time.Now()); err != nil {
				t.Fatalf("seed.Demo = %v", err)
			}
			m := testenv.Meilisearch(t)
			d.engine = search.New(m.URL, m.MasterKey).WithIndex("t_demo")
			names, err := search.LoadNames(ctx, st)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := indexer.Reindex(ctx, st, d.engine, names, io.Discard); err != nil {
				t.Fatalf("Reindex = %v", err)
			}
		})
		return d
	})
}

// demoStore is the shared demo data set.
func demoStore(t *testing.T) *store.Store { return sharedDemo(t).st }

// indexedDemo is the shared demo data set and its search engine.
func indexedDemo(t *testing.T) (*store.Store, *search.Engine) {
	d := sharedDemo(t)
	return d.st, d.engine
}

type apiResult struct {
	Hits []struct {
		Type      string            `json:"type"`
		ID        int64             `json:"id"`
		Title     string            `json:"title"`
		URL       string            `json:"url"`
		Cities    []string          `json:"cities"`
		Highlight map[string]string `json:"highlight"`
		WageMin   *int64            `json:"wage_min"`
		WageMax   *int64            `json:"wage_max"`
	} `json:"hits"`
	Facets   map[string]map[string]int `json:"facets"`
	Total    int                       `json:"total"`
	Page     int                       `json:"page"`
	Degraded bool                      `json:"degraded"`
	Error    string                    `json:"error"`
}

func apiGet(t *testing.T, app interface {
	Test(*http.Request, ...int) (*http.Response, error)
}, path string) (int, apiResult) {
	t.Helper()
	resp, err := app.Test(httpRequest(path), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r apiResult
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("GET %s: not JSON: %v", path, err)
	}
	return resp.StatusCode, r
}

func TestSearchOnMeilisearch(t *testing.T) {
	t.Parallel()
	st, e := indexedDemo(t)
	app := newApp(t, st, withEngine(e))
	checkTypoSearch(t, app)
	checkSearchFilters(t, app)
	checkSearchPages(t, app)
}

// checkTypoSearch: a query with a typo finds, highlights and counts.
func checkTypoSearch(t *testing.T, app *fiber.App) {
	t.Helper()
	status, r := apiGet(t, app, "/api/v1/search?q=nhan+vein+ban+hang&type=job&per_page=5")
	if status != http.StatusOK || r.Degraded || r.Total == 0 {
		t.Fatalf("typo search = %d degraded=%v total=%d", status, r.Degraded, r.Total)
	}
	if !strings.Contains(r.Hits[0].Title, "Nhân viên bán hàng") || !strings.Contains(r.Hits[0].Highlight["title"], "<mark>") {
		t.Errorf("first hit = %+v, want a highlighted Nhân viên bán hàng", r.Hits[0])
	}
	if r.Facets["type"]["job"] != r.Total {
		t.Errorf("type facets = %v; want counts of every type, jobs = total %d", r.Facets["type"], r.Total)
	}
	// The tabs count every type, whatever type is chosen.
	if _, all := apiGet(t, app, "/api/v1/search?q=cong+ty&type=job"); all.Facets["type"]["company"] == 0 {
		t.Errorf("type facets with type=job = %v, want the companies counted too", all.Facets["type"])
	}
	if r.Page != 1 || len(r.Hits) != 5 || !strings.HasPrefix(r.Hits[0].URL, "/viec-lam/") {
		t.Errorf("page %d, %d hits, url %q", r.Page, len(r.Hits), r.Hits[0].URL)
	}
}

// checkSearchFilters: a city filter never leaks the other city, old
// district names still find the wards formed from them, and an unknown
// city is a 400.
func checkSearchFilters(t *testing.T, app *fiber.App) {
	t.Helper()
	_, ct := apiGet(t, app, "/api/v1/search?q=cong+nhan&city=cantho&per_page=50")
	for _, h := range ct.Hits {
		if len(h.Cities) == 1 && h.Cities[0] != "cantho" {
			t.Errorf("city=cantho returned %+v", h)
		}
	}
	_, old := apiGet(t, app, "/api/v1/search?q=thu+dau+mot&type=job")
	if old.Total == 0 {
		t.Error("Search(thu dau mot) found no job in the wards formed from Thủ Dầu Một")
	}
	status, bad := apiGet(t, app, "/api/v1/search?q=x&city=hanoi")
	if status != http.StatusBadRequest || bad.Error == "" {
		t.Errorf("bad city = %d %q, want 400 with an error", status, bad.Error)
	}
}

// checkSearchPages: /tim-kiem highlights, has its facets and tabs, answers
// a fragment when asked, and offers the other city when one has nothing.
func checkSearchPages(t *testing.T, app *fiber.App) {
	t.Helper()
	page := get(t, app, "/tim-kiem?q=cao+dang+o+to+can+tho&type=program")
	if page.status != http.StatusOK || !strings.Contains(page.body, "<mark>") || strings.Contains(page.body, "có thể kém chính xác hơn") {
		t.Errorf("/tim-kiem = %d, want highlighted results without the fallback notice", page.status)
	}
	for _, want := range []string{"Học nghề", "Trình độ đào tạo", `aria-current="page"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("/tim-kiem lacks %q", want)
		}
	}
	partial := get(t, app, "/tim-kiem?q=o+to&partial=1")
	if partial.status != http.StatusOK || strings.Contains(partial.body, "<html") || !strings.Contains(partial.body, "Tìm thấy") {
		t.Errorf("partial results = %d, want a fragment with results", partial.status)
	}
	zero := get(t, app, "/tim-kiem?q=nuoi+trong+thuy+san&city=hcm&type=program")
	if !strings.Contains(zero.body, "kết quả tại TP. Cần Thơ") && !strings.Contains(zero.body, "Tìm thấy") {
		t.Errorf("zero results in hcm should offer Cần Thơ")
	}
}

func TestSearchFallsBackToPostgreSQL(t *testing.T) {
	t.Parallel()
	st := demoStore(t)
	app := newApp(t, st, healthStub(false)) // Meilisearch unreachable
	page := get(t, app, "/tim-kiem?q=lao+dong")
	if page.status != http.StatusOK || !strings.Contains(page.body, "có thể kém chính xác hơn") {
		t.Fatalf("/tim-kiem during an outage = %d, want results with the notice", page.status)
	}
	if !strings.Contains(page.body, "Lao động") {
		t.Error("fallback found nothing for lao dong")
	}
	status, r := apiGet(t, app, "/api/v1/search?q=cong+nhan+may&type=job")
	if status != http.StatusOK || !r.Degraded || r.Total == 0 {
		t.Fatalf("API during an outage = %d degraded=%v total=%d", status, r.Degraded, r.Total)
	}
	for _, h := range r.Hits {
		if h.Type != "job" {
			t.Errorf("type=job returned a %s", h.Type)
		}
	}
	if r.Facets["type"]["program"] == 0 && r.Facets["type"]["job"] == 0 {
		t.Errorf("fallback facets = %v", r.Facets)
	}
	ready := get(t, app, "/readyz")
	if ready.status != http.StatusOK || !strings.Contains(ready.body, `"search":"degraded"`) {
		t.Errorf("/readyz during an outage = %d %s; want ready with search degraded", ready.status, ready.body)
	}
}
