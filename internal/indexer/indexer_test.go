package indexer_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

var ctx = context.Background()

func names(t *testing.T, st *store.Store) *search.Names {
	t.Helper()
	n, err := search.LoadNames(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func engine(t *testing.T, index string) *search.Engine {
	t.Helper()
	m := testenv.Meilisearch(t)
	e := search.New(m.URL, m.MasterKey).WithIndex(index)
	t.Cleanup(func() { _ = e.DeleteIndex(context.Background(), index) })
	return e
}

// indexedEngine is engine with its index created and set up.
func indexedEngine(t *testing.T, index string) *search.Engine {
	t.Helper()
	e := engine(t, index)
	if err := e.EnsureIndex(ctx); err != nil {
		t.Fatal(err)
	}
	return e
}

// privateEngine is an engine on index of a Meilisearch of the test's own,
// which the test may kill and restart.
func privateEngine(t *testing.T, index string) (*search.Engine, *testenv.Meili) {
	t.Helper()
	m := testenv.PrivateMeilisearch(t)
	return search.New(m.URL, m.MasterKey).WithIndex(index), m
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestReindexThenCheckFindsNoDifference(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	if _, err := seed.Demo(ctx, st, time.Now()); err != nil {
		t.Fatal(err)
	}
	e := engine(t, "t_reindex")
	var progress strings.Builder
	rep, err := indexer.Reindex(ctx, st, e, names(t, st), &progress)
	if err != nil {
		t.Fatalf("Reindex = %v", err)
	}
	for _, typ := range indexer.Types {
		if rep.Indexed[typ] != rep.Database[typ] || rep.Indexed[typ] == 0 {
			t.Errorf("%s: indexed %d, database %d", typ, rep.Indexed[typ], rep.Database[typ])
		}
	}
	diffs, err := indexer.Check(ctx, st, e)
	if err != nil || len(diffs) != 0 {
		t.Fatalf("Check = %v, %v; want no difference", diffs, err)
	}
	res, err := e.Search(ctx, search.Query{Q: "cong nhan may", Type: "job"})
	if err != nil {
		t.Fatalf("Search = %v", err)
	}
	if res.Total == 0 || !strings.Contains(strings.ToLower(res.Hits[0].Title), "may") {
		t.Errorf("Search(cong nhan may) = %d hits, first %+v", res.Total, res.Hits)
	}
	if res.Facets["type"]["job"] != res.Total {
		t.Errorf("type facet = %v, total %d", res.Facets["type"], res.Total)
	}
}
