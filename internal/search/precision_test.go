package search_test

import (
	"context"
	"testing"

	"hoptac/internal/search"
)

// TestEveryWordFirst: results and counts are what matches every word; the
// type tabs add up to the total; paging through all pages yields exactly
// Total distinct hits; only a query nothing matches in full falls back to
// partial matches, and says so.
func TestEveryWordFirst(t *testing.T) {
	t.Parallel()
	f := loadRelevanceFixture(t)
	docs, _ := relevanceDocuments(t, f)
	e := relevanceIndex(t, "t_every_word", docs)
	ctx := context.Background()

	jobs := 0
	for _, d := range docs {
		if d.Type == "job" {
			jobs++
		}
	}
	for _, text := range []string{"cong nhan may", "công nhân may", "ke toan tong hop", "quan 7"} {
		checkEveryWord(t, e, text, len(docs))
	}
	if jobs == 0 {
		t.Fatal("fixture has no jobs")
	}

	res, err := e.Search(ctx, search.Query{Q: "cong nhan may zqxwv", Now: relevanceNow})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Partial || res.Total == 0 {
		t.Errorf("no entry has every word: total %d partial %v, want partial matches", res.Total, res.Partial)
	}
	res, err = e.Search(ctx, search.Query{Q: "zqxwv", Now: relevanceNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Partial || res.Total != 0 {
		t.Errorf("one unknown word: total %d partial %v, want nothing", res.Total, res.Partial)
	}
}

// checkEveryWord: text matches in full, fewer than a third of the n
// entries, with type tabs that add up and pages that hold Total distinct
// hits.
func checkEveryWord(t *testing.T, e *search.Engine, text string, n int) {
	t.Helper()
	ctx := context.Background()
	res, err := e.Search(ctx, search.Query{Q: text, PerPage: 50, Now: relevanceNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Partial || res.Total == 0 {
		t.Errorf("%q: total %d partial %v, want full matches", text, res.Total, res.Partial)
	}
	if res.Total*3 > n {
		t.Errorf("%q: %d of %d entries: every word must match, not any", text, res.Total, n)
	}
	sum := 0
	for _, n := range res.Facets["type"] {
		sum += n
	}
	if sum != res.Total {
		t.Errorf("%q: type tabs add up to %d, total says %d", text, sum, res.Total)
	}
	if seen := distinctHits(t, e, text); seen != res.Total {
		t.Errorf("%q: pages hold %d distinct hits, total says %d", text, seen, res.Total)
	}
	typed, err := e.Search(ctx, search.Query{Q: text, Type: "job", Now: relevanceNow})
	if err != nil {
		t.Fatal(err)
	}
	if typed.Total != res.Facets["type"]["job"] {
		t.Errorf("%q: job tab says %d, the job results %d", text, res.Facets["type"]["job"], typed.Total)
	}
}

// distinctHits pages through text's results, ten a page (fifty pages at
// most), and counts the distinct hits.
func distinctHits(t *testing.T, e *search.Engine, text string) int {
	t.Helper()
	seen := map[string]bool{}
	for page := 1; ; page++ {
		p, err := e.Search(context.Background(), search.Query{Q: text, PerPage: 10, Page: page, Now: relevanceNow})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p.Hits {
			seen[search.DocumentID(h.Type, h.ID)] = true
		}
		if len(p.Hits) < 10 || page > 50 {
			return len(seen)
		}
	}
}
