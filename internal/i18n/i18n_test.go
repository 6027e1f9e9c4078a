package i18n_test

import (
	"testing"

	"hoptac/internal/i18n"
)

// Every message has its text in every language: a key added to one file
// and not the other fails here.
func TestEveryMessageHasEveryLanguage(t *testing.T) {
	all := map[string]bool{}
	files := map[string]map[string]string{}
	for _, l := range i18n.Langs {
		m, err := i18n.Messages(l)
		if err != nil {
			t.Fatal(err)
		}
		files[l] = m
		for id := range m {
			all[id] = true
		}
	}
	if len(all) < 100 {
		t.Fatalf("only %d messages: the files did not load", len(all))
	}
	for id := range all {
		for _, l := range i18n.Langs {
			if files[l][id] == "" {
				t.Errorf("message %q has no %s text", id, l)
			}
		}
	}
}

func TestPlaceholdersAreFilled(t *testing.T) {
	if got := i18n.T(i18n.EN, "list.filters", "N", 2); got != "Filter (2)" {
		t.Errorf("en list.filters = %q", got)
	}
	if got := i18n.T(i18n.VI, "list.filters", "N", 2); got != "Lọc (2)" {
		t.Errorf("vi list.filters = %q", got)
	}
	if got := i18n.T("xx", "list.filters", "N", 0); got != "Lọc (0)" {
		t.Errorf("an unknown language = %q, want Vietnamese", got)
	}
}
