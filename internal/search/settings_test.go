package search_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"hoptac/internal/search"
	"hoptac/internal/testenv"
)

// TestEnsureIndexTurnsFacetSearchOff: the portal never searches facet
// values, so EnsureIndex leaves Meilisearch's facet-search index unbuilt
// (the settings object cannot say false; it is its own call), and the
// proximity stays by word (by attribute cost relevance: 98.4 → 96.8 %).
func TestEnsureIndexTurnsFacetSearchOff(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := testenv.Meilisearch(t)
	e := search.New(m.URL, m.MasterKey).WithIndex("settings_check")
	t.Cleanup(func() { _ = e.DeleteIndex(context.Background(), e.Index()); e.Close() })
	if err := e.EnsureIndex(ctx); err != nil {
		t.Fatal(err)
	}
	get := func(setting string, into any) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, m.URL+"/indexes/"+e.Index()+"/settings/"+setting, nil)
		req.Header.Set("Authorization", "Bearer "+m.MasterKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
			t.Fatalf("%s: %v", setting, err)
		}
	}
	facetSearch, proximity := true, ""
	get("facet-search", &facetSearch)
	get("proximity-precision", &proximity)
	if facetSearch || proximity != "byWord" {
		t.Errorf("facet search %v, proximity %q; want false, byWord", facetSearch, proximity)
	}
}
