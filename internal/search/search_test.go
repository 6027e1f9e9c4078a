package search_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"hoptac/internal/search"
	"hoptac/internal/testenv"
)

// indexedEngine is an engine of m with the portal's index set up, closed
// when the test ends.
func indexedEngine(t *testing.T, m *testenv.Meili) *search.Engine {
	t.Helper()
	e := search.New(m.URL, m.MasterKey)
	t.Cleanup(e.Close)
	if err := e.EnsureIndex(context.Background()); err != nil {
		t.Fatalf("EnsureIndex = %v", err)
	}
	return e
}

func TestHealthFollowsTheRealServer(t *testing.T) {
	t.Parallel()
	meili := testenv.PrivateMeilisearch(t) // it kills it
	engine := search.New(meili.URL, meili.MasterKey)
	defer engine.Close()
	ctx := context.Background()

	if !engine.Healthy(ctx) {
		t.Fatal("Healthy() = false with Meilisearch running, want true")
	}
	meili.Kill()
	short, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	if engine.Healthy(short) {
		t.Error("Healthy() = true with Meilisearch killed, want false")
	}
	if err := meili.Start(); err != nil {
		t.Fatal(err)
	}
	if !engine.Healthy(ctx) {
		t.Error("Healthy() = false after restarting Meilisearch, want true")
	}
}

func TestQueriesUseAKeyThatCanOnlySearch(t *testing.T) {
	t.Parallel()
	meili := testenv.Meilisearch(t)
	ctx := context.Background()
	engine := indexedEngine(t, meili)
	t.Cleanup(func() { _ = engine.DeleteIndex(ctx, search.IndexName) })
	if err := engine.UseSearchKey(ctx); err != nil {
		t.Fatalf("UseSearchKey = %v", err)
	}
	if err := engine.UseSearchKey(ctx); err != nil { // finds the same key again
		t.Fatalf("second UseSearchKey = %v", err)
	}
	if _, err := engine.Search(ctx, search.Query{Q: "cong nhan"}); err != nil {
		t.Fatalf("Search with the search key = %v", err)
	}
	key := searchKey(t, meili)
	for _, tt := range []struct {
		method, path, body string
	}{
		{http.MethodPost, "/indexes/entries/documents", `[{"id":"x"}]`},
		{http.MethodGet, "/keys", ""},
		{http.MethodPatch, "/indexes/entries/settings", `{}`},
	} {
		req, _ := http.NewRequest(tt.method, meili.URL+tt.path, strings.NewReader(tt.body))
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s with the search key = %d, want 403", tt.method, tt.path, resp.StatusCode)
		}
	}
}

// searchKey reads the portal's search key from Meilisearch, as an operator would.
func searchKey(t *testing.T, m *testenv.Meili) string {
	t.Helper()
	var keys struct {
		Results []struct {
			Name    string   `json:"name"`
			Key     string   `json:"key"`
			Actions []string `json:"actions"`
		} `json:"results"`
	}
	if err := m.Get(context.Background(), "/keys?limit=100", &keys); err != nil {
		t.Fatal(err)
	}
	found := ""
	for _, k := range keys.Results {
		if k.Name == "hoptac-portal-search" {
			if found != "" {
				t.Error("two portal search keys; UseSearchKey must reuse the first")
			}
			found = k.Key
			if len(k.Actions) != 1 || k.Actions[0] != "search" {
				t.Errorf("search key actions = %v, want [search]", k.Actions)
			}
		}
	}
	if found == "" {
		t.Fatal("no portal search key in Meilisearch")
	}
	return found
}
