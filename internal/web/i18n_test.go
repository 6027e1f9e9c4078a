package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/kind"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Every message the pages and handlers ask for exists in both languages,
// and the Vietnamese labels of the code lists are the domain's own.
func TestEveryMessageUsedHasBothLanguages(t *testing.T) {
	used := messageIDs{} // id → where
	used.inTemplates(t)
	used.inGoFiles(t)
	used.ofRegistry()
	used.ofCodeLists(t)
	used.ofStatsAndSearch(t)
	if len(used) < 100 {
		t.Fatalf("found only %d message ids in use", len(used))
	}
	for id, where := range used {
		for _, l := range i18n.Langs {
			if !i18n.Has(l, id) {
				t.Errorf("%s asks for %q, which has no %s text", where, id, l)
			}
		}
	}
}

// messageIDs are the message ids in use and where each is asked for.
type messageIDs map[string]string

func (used messageIDs) inTemplates(t *testing.T) {
	t.Helper()
	tmplID := regexp.MustCompile(`(?:\.T|\bt \$?\.Lang) "([a-z0-9_.]+)"`)
	err := fs.WalkDir(templateFiles, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFiles, p)
		if err != nil {
			return err
		}
		for _, m := range tmplID.FindAllSubmatch(b, -1) {
			used[string(m[1])] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// inGoFiles: literals with a message prefix (labels of filters, item
// builders' l.T calls).
func (used messageIDs) inGoFiles(t *testing.T) {
	t.Helper()
	goID := regexp.MustCompile(`"((?:audit|list|filter|sort|job|company|school|program|policy|project|commitment|detail|home|layout|page|problem|fee|wage|city|form|support|pathway|opendata|stats|coop|search|gone|history|feed|evidence)\.[a-z0-9_.]+)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goID.FindAllSubmatch(b, -1) {
			if strings.HasSuffix(string(m[1]), ".") {
				continue // a prefix the code completes: listed below
			}
			used[string(m[1])] = f
		}
	}
}

// ofRegistry: ids built from the registry of entry types and kinds.
func (used messageIDs) ofRegistry() {
	for _, typ := range domain.EntryTypes {
		used["menu."+typ.Name] = "menuIn"
		if typ.Name != "commitment" {
			used["list."+typ.Name+".title"] = "lists.go"
			used["list."+typ.Name+".lead"] = "list.html"
		}
	}
	for _, k := range kind.All {
		for _, c := range k.Columns() {
			used["opendata.type."+c.Type] = "opendata.html"
		}
	}
	used["opendata.type.url"] = "datasets"
	for code := range errorMessages {
		used["error."+strconv.Itoa(code)+".title"] = "errors.go"
	}
}

// ofCodeLists: ids of the code lists, whose Vietnamese text must be the
// label the domain and the back office give.
func (used messageIDs) ofCodeLists(t *testing.T) {
	t.Helper()
	for set, opts := range optionSets {
		for _, o := range opts {
			id := "opt." + set + "." + o.Code
			used[id] = "optionSets"
			if vi := i18n.T(i18n.VI, id); vi != o.Label {
				t.Errorf("%s: vi text %q, the domain says %q", id, vi, o.Label)
			}
		}
	}
	for action, vi := range auditActions {
		used["audit."+action] = "auditActions"
		if got := i18n.T(i18n.VI, "audit."+action); got != vi {
			t.Errorf("audit.%s: vi text %q, the back office says %q", action, got, vi)
		}
	}
}

// ofStatsAndSearch: ids the statistics and search pages build from codes.
func (used messageIDs) ofStatsAndSearch(t *testing.T) {
	t.Helper()
	for _, sp := range append(chartSpecs, chartSpec{id: "ledger"}) {
		used["stats."+sp.id+".title"], used["stats."+sp.id+".caption"] = "chartSpecs", "chartSpecs"
		for _, m := range []*measure{sp.n, sp.v} {
			if m != nil {
				used["stats.measure."+m.ID] = "chartSpecs"
			}
		}
	}
	for _, m := range []string{"tasks", "share"} {
		used["stats.measure."+m] = "ledgerChart"
	}
	for _, b := range wageBands {
		used["stats.wage."+b.Code] = "wageBands"
	}
	for _, b := range search.WageBands {
		used["search.wage."+b.Code] = "search.WageBands"
	}
	for _, rule := range []string{"wage", "job", "learn", "experience", "part_time", "seasonal", "disabled", "veteran"} {
		if rule != "wage" && rule != "job" && rule != "learn" && !search.IsIntentRule(rule) {
			t.Errorf("search has no intent rule %q any more", rule)
		}
		used["search.intent."+rule] = "searchIn"
	}
	for _, param := range []string{"city", "occupation", "education", "wage_band", "industry", "level", "stage"} {
		used["search.facet."+param] = "facetGroups"
	}
}

// The list filters reach the store filter by their db tags.
func TestFilterFromFillsTheStoreFilter(t *testing.T) {
	vals := filterValues{"q": "may", "city": "hcm", "wage_min": "8000000", "expired": "1", "occupation": "", "sort": "wage"}
	got := filterFrom[store.JobFilter](vals, jobList.fields, 3)
	want := store.JobFilter{Paging: store.Paging{Page: 3}, Q: "may", City: "hcm", WageMin: 8_000_000, IncludeExpired: true, Sort: "wage"}
	if got != want {
		t.Errorf("filterFrom = %+v, want %+v", got, want)
	}
	for _, f := range jobList.fields {
		col := f.Column
		if col == "" {
			col = f.Name
		}
		if _, ok := reflect.TypeOf(store.JobFilter{}).FieldByNameFunc(func(n string) bool {
			sf, _ := reflect.TypeOf(store.JobFilter{}).FieldByName(n)
			return sf.Tag.Get("db") == col
		}); !ok {
			t.Errorf("job filter %s has no store field tagged %s", f.Name, col)
		}
	}
}
