package search

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/meilisearch/meilisearch-go"

	"hoptac/internal/vn"
)

// IndexName is the one index that holds every entry type: one query gives
// results and type counts together.
const IndexName = "entries"

//go:embed synonyms.json
var synonymsJSON []byte

// SynonymTable is the reviewed synonym data, kept as a file under version control.
type SynonymTable struct {
	Groups [][]string          `json:"groups"`
	OneWay map[string][]string `json:"one_way"`
}

// LoadSynonyms parses the embedded synonym table.
func LoadSynonyms() (SynonymTable, error) {
	var t SynonymTable
	if err := json.Unmarshal(synonymsJSON, &t); err != nil {
		return t, fmt.Errorf("synonyms.json: %w", err)
	}
	return t, nil
}

// Map turns the table into Meilisearch's form: every word of a group maps
// to every other word of it; one-way keys map to their expansions.
func (t SynonymTable) Map() map[string][]string {
	out := map[string][]string{}
	for _, g := range t.Groups {
		for _, key := range g {
			for _, other := range g {
				if other != key {
					out[key] = append(out[key], other)
				}
			}
		}
	}
	for key, exp := range t.OneWay {
		out[key] = append(out[key], exp...)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// Collisions lists folded keys defined in more than one place: Meilisearch
// folds synonym keys, so such keys would silently merge unrelated groups.
func (t SynonymTable) Collisions() []string {
	where := map[string]int{}
	var out []string
	add := func(key string, group int) {
		k := vn.Fold(key)
		if g, ok := where[k]; ok && g != group {
			out = append(out, key)
			return
		}
		where[k] = group
	}
	for i, g := range t.Groups {
		for _, key := range g {
			add(key, i)
		}
	}
	i := len(t.Groups)
	for _, k := range slices.Sorted(maps.Keys(t.OneWay)) {
		add(k, i)
		i++
	}
	return out
}

// Searchable attributes, most telling first (the ordinary, accent-folded
// query searches them all).
var foldedAttributes = []string{"title", "subtitle", "occupation_name", "industry_name", "labels", "labels_en", "place", "former_units", "text"}

// Attributes searched by the diacritic-aware query.
var telexAttributes = []string{"title_telex", "subtitle_telex"}

// FacetAttributes are the facets pages and the API show.
var FacetAttributes = []string{"type", "cities", "industry", "occupation", "education", "level", "stage", "wage_band"}

// MaxTotalHits bounds what Meilisearch counts exactly: far above the
// entries the portal holds, so totals are exact; a total at the bound is
// shown as "more than".
const MaxTotalHits = 1_000_000

// Settings is the index configuration, applied idempotently at start-up
// and by reindex.
func Settings() (*meilisearch.Settings, error) {
	syn, err := LoadSynonyms()
	if err != nil {
		return nil, err
	}
	return &meilisearch.Settings{
		SearchableAttributes: append(append([]string{}, foldedAttributes...), telexAttributes...),
		// Only what Query.Filter and the facets use: every filterable
		// attribute is indexed again with each document.
		FilterableAttributes: []string{"type", "cities", "industry", "occupation", "education", "education_rank",
			"level", "stage", "employment_type", "experience_years", "priority_groups", "wage_band",
			"wage_sort", "deadline_ts"},
		SortableAttributes: []string{"published_ts", "wage_sort", "deadline_ts"},
		// Freshness breaks ties after relevance.
		RankingRules: []string{"words", "typo", "proximity", "attribute", "sort", "exactness", "published_ts:desc"},
		// Vietnamese syllables are 2–5 letters: allow one typo from 4 letters
		// (nhan vein → nhân viên), two from 8. Typos on the Telex shadow
		// would blur exactly the tone difference it is there to keep.
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true, // the client sends false unless told
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 4, TwoTypos: 8},
			DisableOnAttributes: telexAttributes,
			DisableOnNumbers:    true,
			DisableOnWords:      []string{},
		},
		Synonyms:   syn.Map(),
		Pagination: &meilisearch.Pagination{MaxTotalHits: MaxTotalHits},
		Faceting:   &meilisearch.Faceting{MaxValuesPerFacet: 100, SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": "count"}},
	}, nil
}
