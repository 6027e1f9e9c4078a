package web_test

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/indexer"
	"hoptac/internal/kind"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/testenv"

	"github.com/gofiber/fiber/v2"
)

// TestEveryKindHasEverySurface walks the registry: every kind imports
// (its example row, parents first), has a back-office form and list, a
// public page and a search document that the search finds; archived, it
// leaves the public page and the index. A kind added to kind.All without
// one of these fails here.
func TestEveryKindHasEverySurface(t *testing.T) {
	st := testenv.Store(t)
	m := testenv.Meilisearch(t)
	engine := search.New(m.URL, m.MasterKey).WithIndex("t_web_kinds")
	t.Cleanup(func() { _ = engine.DeleteIndex(ctx, "t_web_kinds") })
	must(t, engine.EnsureIndex(ctx))
	app := newApp(t, st, withEngine(engine))
	newUser(t, st, "quantri@example.vn", "admin", "")
	admin, _ := signedIn(t, app, "quantri@example.vn")

	var rows bytes.Buffer
	for _, k := range kind.All {
		row := map[string]string{"type": k.Type().Name}
		for col, v := range k.Example() {
			row[col] = v
		}
		must(t, json.NewEncoder(&rows).Encode(row))
	}
	ids := map[string]int64{}
	rep, err := importer.Import(ctx, st, &rows, importer.JSONL, importer.Options{
		Publish: true, OnRow: func(r importer.RowResult) { ids[r.Type] = r.ID },
	})
	if err != nil || rep.Created != len(kind.All) || len(rep.Rejected) > 0 {
		t.Fatalf("import of the examples = %+v, %v; want %d created", rep, err, len(kind.All))
	}
	names, err := search.LoadNames(ctx, st)
	must(t, err)
	worker := indexer.NewWorker(st, engine, names, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if _, err := worker.Drain(ctx); err != nil {
		t.Fatal(err)
	}

	heads := map[string]kind.Head{}
	for _, k := range kind.All {
		typ := k.Type()
		t.Run(typ.Name, func(t *testing.T) {
			checkColumns(t, k)
			heads[typ.Name] = checkSurfaces(t, app, admin, st, names, k, ids[typ.Name])
		})
	}

	// Each published example is in its kind's sitemap and feed.
	for _, k := range kind.All {
		if head, ok := heads[k.Type().Name]; ok {
			path := domain.EntryPath(k.Type().Name, head.Meta.ID, head.Meta.Slug)
			if inSitemap, inFeed := inCrawls(t, app, k, path); !inSitemap || !inFeed {
				t.Errorf("%s %s: in its sitemap %v, in its feed %v; want both", k.Type().Name, path, inSitemap, inFeed)
			}
		}
	}

	// Archive children before parents: a job is public only while its
	// company is.
	for i := len(kind.All) - 1; i >= 0; i-- {
		k := kind.All[i]
		head, ok := heads[k.Type().Name]
		if !ok {
			continue
		}
		if _, err := st.SetStatus(ctx, k.Table(), head.Meta.ID, head.Meta.Version, domain.StatusArchived, "Hết hiệu lực"); err != nil {
			t.Fatalf("archive %s: %v", k.Type().Name, err)
		}
	}
	if _, err := worker.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	for _, k := range kind.All {
		head, ok := heads[k.Type().Name]
		if !ok {
			continue
		}
		path := domain.EntryPath(k.Type().Name, head.Meta.ID, head.Meta.Slug)
		if page := get(t, app, path); page.status != http.StatusGone || !strings.Contains(page.body, "Hết hiệu lực") {
			t.Errorf("archived %s at %s = %d, want 410 with its reason", k.Type().Name, path, page.status)
		}
		if inSitemap, inFeed := inCrawls(t, app, k, path); inSitemap || inFeed {
			t.Errorf("archived %s %s: in its sitemap %v, in its feed %v; want neither", k.Type().Name, path, inSitemap, inFeed)
		}
		if found(t, app, k.Type().Name, head) {
			t.Errorf("archived %s %d is still found by search", k.Type().Name, head.Meta.ID)
		}
	}
}

// inCrawls tells whether an entry's path is in its kind's first sitemap
// and in its kind's feed.
func inCrawls(t *testing.T, app *fiber.App, k kind.Entry, path string) (sitemap, feed bool) {
	t.Helper()
	sm := get(t, app, "/sitemaps/"+k.Type().Plural+"-1.xml")
	fd := get(t, app, "/feeds/"+k.Type().Plural+".atom")
	return strings.Contains(sm.body, path+"</loc>"), strings.Contains(fd.body, path+"</id>")
}

// found tells whether a search for an entry's title lists the entry.
func found(t *testing.T, app interface {
	Test(*http.Request, ...int) (*http.Response, error)
}, typ string, head kind.Head) bool {
	t.Helper()
	status, r := apiGet(t, app, "/api/v1/search?q="+url.QueryEscape(head.Title)+"&type="+typ+"&per_page=50")
	if status != http.StatusOK || r.Degraded {
		t.Fatalf("search %q = %d degraded=%v, want an answer from Meilisearch", head.Title, status, r.Degraded)
	}
	for _, h := range r.Hits {
		if h.ID == head.Meta.ID && h.Type == typ {
			return true
		}
	}
	return false
}

// checkColumns: the example row and every form field are import columns,
// so a form reads as one row of a spreadsheet.
func checkColumns(t *testing.T, k kind.Entry) {
	t.Helper()
	name := k.Type().Name
	cols := importer.Columns(name)
	for col := range k.Example() {
		if !slices.Contains(cols, col) {
			t.Errorf("import columns of %s lack the example's %q", name, col)
		}
	}
	if len(k.Fields()) == 0 {
		t.Errorf("kind %s has no form fields", name)
	}
	for _, f := range k.Fields() {
		if !slices.Contains(cols, f.Name) {
			t.Errorf("form field %s.%s is not an import column: a form must read as one row of a spreadsheet", name, f.Name)
		}
	}
}

// checkSurfaces: the published entry id of kind k has its back-office form
// and list, its public page and search document, and search finds it.
func checkSurfaces(t *testing.T, app *fiber.App, admin *browser, st *store.Store, names *search.Names, k kind.Entry, id int64) kind.Head {
	t.Helper()
	typ := k.Type()
	head, err := k.Head(ctx, st, id)
	if err != nil || head.Meta.Status != domain.StatusPublished || head.Title == "" {
		t.Fatalf("Head(%s %d) = %+v, %v; want the published example", typ.Name, id, head, err)
	}
	escaped := html.EscapeString(head.Title)

	if form := admin.do(http.MethodGet, "/admin/"+typ.Plural+"/moi", nil); form.status != http.StatusOK || !strings.Contains(form.body, "<form") {
		t.Errorf("GET /admin/%s/moi = %d, want a form", typ.Plural, form.status)
	}
	if list := admin.do(http.MethodGet, "/admin/"+typ.Plural+"?status=published", nil); list.status != http.StatusOK || !strings.Contains(list.body, escaped) {
		t.Errorf("admin list of %s = %d, want it to list %q", typ.Plural, list.status, head.Title)
	}
	path := domain.EntryPath(typ.Name, head.Meta.ID, head.Meta.Slug)
	if page := get(t, app, path); page.status != http.StatusOK || !strings.Contains(page.body, escaped) {
		t.Errorf("GET %s = %d, want the public page with %q", path, page.status, head.Title)
	}
	docs, err := k.Documents(ctx, st, names, store.PublicSelection{IDs: []int64{head.Meta.ID}})
	if err != nil || len(docs) != 1 || docs[0].Type != typ.Name {
		t.Errorf("Documents(%s) = %d docs, %v; want its one document", typ.Name, len(docs), err)
	}
	if !found(t, app, typ.Name, head) {
		t.Errorf("search for %q (type %s) does not find entry %d", head.Title, typ.Name, head.Meta.ID)
	}
	return head
}
