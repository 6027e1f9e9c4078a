package search_test

import (
	"testing"

	"hoptac/internal/search"
)

// TestTSQueryAllButOne: the fallback's second try asks for every word but
// one, any one; a phrase (a synonym's key) is asked as its word pairs; the
// last plain word stays a prefix; with fewer than three words there is no
// such try (one of two words is any word).
func TestTSQueryAllButOne(t *testing.T) {
	for q, want := range map[string]string{
		"xqa xqb xqc":       "(xqb & xqc:*) | (xqa & xqc:*) | (xqa & xqb)",
		"xqa xqb":           "",
		"xqa":               "",
		"":                  "",
		"Xqá, xqb! xqc xqd": "(xqb & xqc & xqd:*) | (xqa & xqc & xqd:*) | (xqa & xqb & xqd:*) | (xqa & xqb & xqc)",
	} {
		if got := search.TSQueryAllButOne(q); got != want {
			t.Errorf("TSQueryAllButOne(%q) = %q, want %q", q, got, want)
		}
	}
	if got, want := search.TSQuery("ke toan xqa", true), "(keztoan | accountant | accounting) & xqa:*"; got != want {
		t.Errorf("TSQuery(ke toan xqa) = %q, want %q (the phrase as its pair)", got, want)
	}
	if got, want := search.RankTSQuery("ke toan xqa"), "ke | toan | accountant | accounting | xqa:*"; got != want {
		t.Errorf("RankTSQuery(ke toan xqa) = %q, want %q", got, want)
	}
}

// TestTSQueryLeavesTypeNamesOut: search_docs holds no type labels, so a
// word that only names an entry type ("jobs", "việc làm", "employers") is
// not required, as it matches every entry of the type on Meilisearch.
func TestTSQueryLeavesTypeNamesOut(t *testing.T) {
	for q, want := range map[string]string{
		"xqa jobs":          "xqa",
		"việc làm xqa":      "xqa:*",
		"xqa employers xqb": "xqa & xqb:*",
		"jobs":              "",
	} {
		if got := search.TSQuery(q, true); got != want {
			t.Errorf("TSQuery(%q) = %q, want %q", q, got, want)
		}
	}
}
