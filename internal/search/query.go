package search

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"hoptac/internal/vn"
)

// Query is one search over every entry type. Codes are checked by the
// caller against the code tables; Search refuses any that is not a plain code.
type Query struct {
	Q          string `json:"q"`
	Type       string `json:"type,omitempty"`
	City       string `json:"city,omitempty"`
	Industry   string `json:"industry,omitempty"`
	Occupation string `json:"occupation,omitempty"`
	// Education is the seeker's own level: jobs asking at most this.
	Education string `json:"education,omitempty"`
	Level     string `json:"level,omitempty"`
	Stage     string `json:"stage,omitempty"`
	WageMin   int64  `json:"wage_min,omitempty"`
	// WageBand is a band of the wage facet (WageBands).
	WageBand string `json:"wage_band,omitempty"`
	// Employment (an employment type), Priority (a priority group) and
	// NoExperience narrow jobs only; other types still show.
	Employment   string `json:"employment,omitempty"`
	Priority     string `json:"priority,omitempty"`
	NoExperience bool   `json:"no_experience,omitempty"`
	// Skip names intent rules not to apply (the page's undo).
	Skip []string `json:"-"`
	// Understood is the intent ApplyIntent read from the words.
	Understood []Understood `json:"understood,omitempty"`
	// Sort is "" (relevance), "newest" or "wage".
	Sort    string `json:"sort,omitempty"`
	Page    int    `json:"page"`
	PerPage int    `json:"per_page"`
	// Now decides which job deadlines have passed (zero: time.Now()).
	Now time.Time `json:"-"`
}

// Hit is one result. Highlight values are HTML: escaped text with <mark>
// around the matched words, safe to insert as is.
type Hit struct {
	Type      string            `json:"type"`
	ID        int64             `json:"id"`
	Title     string            `json:"title"`
	Subtitle  string            `json:"subtitle,omitempty"`
	URL       string            `json:"url"`
	Cities    []string          `json:"cities"`
	Highlight map[string]string `json:"highlight,omitempty"`
	WageMin   *int64            `json:"wage_min,omitempty"`
	WageMax   *int64            `json:"wage_max,omitempty"`
	Deadline  int64             `json:"deadline_ts,omitempty"`
}

// HighlightHTML returns a highlighted field for templates, or the escaped
// plain value when there is no highlight.
func (h Hit) HighlightHTML(field, plain string) template.HTML {
	if v, ok := h.Highlight[field]; ok && v != "" {
		return template.HTML(v)
	}
	return template.HTML(html.EscapeString(plain))
}

// Result is one page of results with facet counts over all matches.
type Result struct {
	Hits    []Hit                     `json:"hits"`
	Total   int                       `json:"total"`
	Page    int                       `json:"page"`
	PerPage int                       `json:"per_page"`
	Facets  map[string]map[string]int `json:"facets"`
	// Degraded is true when the answer came from PostgreSQL because
	// Meilisearch was unreachable or slow.
	Degraded bool `json:"degraded"`
	// Partial is true when no entry matched every word, so these results
	// match only some of them (the page says so).
	Partial bool `json:"partial"`
	// TotalAtLeast is true when Total is the engine's counting bound, not
	// the exact count: the page says "hơn …".
	TotalAtLeast bool `json:"total_at_least,omitempty"`
}

// Pages is the number of pages the total fills.
func (r Result) Pages() int {
	if r.PerPage == 0 {
		return 0
	}
	return (r.Total + r.PerPage - 1) / r.PerPage
}

// Highlight markers: private-use characters no entry contains, turned into
// <mark> only after the text around them is escaped.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

var codePattern = regexp.MustCompile(`^[a-zA-Z0-9_]+$`)

// Normalize fills defaults and bounds.
func (q *Query) Normalize() {
	q.Q = strings.Join(strings.Fields(q.Q), " ")
	if q.Page < 1 {
		q.Page = 1
	}
	if q.PerPage < 1 {
		q.PerPage = 20
	}
	if q.PerPage > 50 {
		q.PerPage = 50
	}
	if q.Now.IsZero() {
		q.Now = time.Now()
	}
}

// Filter builds the Meilisearch filter expression from codes; withType
// false leaves the type out (for the counts of every type).
func (q Query) Filter(withType bool) ([]string, error) {
	var f []string
	add := func(attr, value string) error {
		if value == "" {
			return nil
		}
		if !codePattern.MatchString(value) {
			return fmt.Errorf("%s: %q is not a code", attr, value)
		}
		f = append(f, attr+" = "+strconv.Quote(value))
		return nil
	}
	pairs := [][2]string{{"cities", q.City}, {"industry", q.Industry},
		{"occupation", q.Occupation}, {"level", q.Level}, {"stage", q.Stage}, {"wage_band", q.WageBand}}
	for _, kv := range [][2]string{{"employment_type", q.Employment}, {"priority_groups", q.Priority}} {
		if kv[1] == "" {
			continue
		}
		if !codePattern.MatchString(kv[1]) {
			return nil, fmt.Errorf("%s: %q is not a code", kv[0], kv[1])
		}
		f = append(f, "(type != \"job\" OR "+kv[0]+" = "+strconv.Quote(kv[1])+")")
	}
	if q.NoExperience {
		f = append(f, "(type != \"job\" OR experience_years = 0)")
	}
	if withType {
		pairs = append(pairs, [2]string{"type", q.Type})
	}
	for _, kv := range pairs {
		if err := add(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	if q.Education != "" {
		rank, ok := EducationRanks[q.Education]
		if !ok {
			return nil, fmt.Errorf("education: %q is not a level", q.Education)
		}
		f = append(f, "(type != \"job\" OR education_rank <= "+strconv.Itoa(rank)+")")
	}
	if q.WageMin > 0 {
		f = append(f, "wage_sort >= "+strconv.FormatInt(q.WageMin, 10))
	}
	// Jobs whose deadline has passed are not offered to job seekers.
	f = append(f, "(deadline_ts = 0 OR deadline_ts >= "+strconv.FormatInt(q.Now.Unix(), 10)+")")
	return f, nil
}

func (q Query) sort() []string {
	switch q.Sort {
	case "newest":
		return []string{"published_ts:desc"}
	case "wage":
		return []string{"wage_sort:desc"}
	}
	return nil
}

var retrieved = []string{"type", "entity_id", "title", "subtitle", "url", "cities", "wage_min", "wage_max", "deadline_ts"}

// hitsRequest asks for one page of hits with highlights and snippets.
func (q Query) hitsRequest(filter []string, strategy meilisearch.MatchingStrategy) *meilisearch.SearchRequest {
	return &meilisearch.SearchRequest{
		Query:                 q.Q,
		IndexUID:              IndexName,
		Filter:                filter,
		Sort:                  q.sort(),
		AttributesToRetrieve:  retrieved,
		AttributesToHighlight: []string{"title", "subtitle"},
		AttributesToCrop:      []string{"text"},
		CropLength:            24,
		HighlightPreTag:       markOpen,
		HighlightPostTag:      markClose,
		MatchingStrategy:      strategy,
	}
}

// countRequest asks for no hits, only the total and facet counts.
func (q Query) countRequest(index string, filter []string, facets []string, strategy meilisearch.MatchingStrategy) *meilisearch.SearchRequest {
	zero := int64(0)
	return &meilisearch.SearchRequest{
		Query:            q.Q,
		IndexUID:         index,
		Filter:           filter,
		MatchingStrategy: strategy,
		HitsPerPage:      &zero,
		Page:             1,
		Facets:           facets,
	}
}

// Search runs q on Meilisearch, every word first: hits, total and counts
// are what matches all the words (after synonyms, typos and folding). Only
// when nothing of any type does, it asks again letting Meilisearch drop
// words from the end, and says so (Result.Partial).
func (e *Engine) Search(ctx context.Context, q Query) (Result, error) {
	q.Normalize()
	res, all, err := e.search(ctx, q, meilisearch.All)
	if err != nil || all > 0 || len(strings.Fields(q.Q)) < 2 {
		return res, err
	}
	res, _, err = e.search(ctx, q, meilisearch.Last)
	res.Partial = true
	return res, err
}

// search is one answer with one matching strategy; all is the number of
// matches over every type (the "Tất cả" tab).
//
// Hits and the facets of the chosen type come from one request, the count
// of every type (the tabs) from another without the type filter; both go
// in one multi-search call, with the same strategy, so tabs and the result
// count agree.
//
// A query with diacritics also asks the Telex shadow attributes, weighted
// higher, in a federated request, so entries with exactly those accented
// words come first; a query without diacritics, or one sorted by date or
// wage, is plain Meilisearch.
func (e *Engine) search(ctx context.Context, q Query, strategy meilisearch.MatchingStrategy) (Result, int, error) {
	filter, err := q.Filter(true)
	if err != nil {
		return Result{}, 0, err
	}
	allTypes, _ := q.Filter(false)
	res := Result{Page: q.Page, PerPage: q.PerPage}
	otherFacets := FacetAttributes[1:] // all but "type"

	accented := q.Q != "" && q.Sort == "" && vn.HasDiacritics(q.Q)
	page := q.hitsRequest(filter, strategy)
	page.IndexUID = e.index
	perPage := int64(q.PerPage)
	if accented {
		page = q.countRequest(e.index, filter, otherFacets, strategy)
	} else {
		page.HitsPerPage, page.Page = &perPage, int64(q.Page)
		page.Facets = otherFacets
	}
	types := q.countRequest(e.index, allTypes, []string{"type"}, strategy)

	type fedResult struct {
		resp *meilisearch.MultiSearchResponse
		err  error
	}
	fedc := make(chan fedResult, 1)
	if accented {
		go func() {
			folded := q.hitsRequest(filter, strategy)
			folded.IndexUID = e.index
			folded.FederationOptions = &meilisearch.SearchFederationOptions{Weight: 1}
			exact := q.hitsRequest(filter, meilisearch.All)
			exact.IndexUID = e.index
			exact.Query = vn.Telex(q.Q)
			exact.AttributesToSearchOn = telexAttributes
			exact.FederationOptions = &meilisearch.SearchFederationOptions{Weight: 1.5}
			resp, err := e.searcher.Load().MultiSearch(ctx, &meilisearch.MultiSearchRequest{
				Federation: &meilisearch.MultiSearchFederation{Offset: int64((q.Page - 1) * q.PerPage), Limit: perPage},
				Queries:    []*meilisearch.SearchRequest{folded, exact},
			})
			fedc <- fedResult{resp, err}
		}()
	}

	multi, err := e.searcher.Load().MultiSearch(ctx, &meilisearch.MultiSearchRequest{Queries: []*meilisearch.SearchRequest{page, types}})
	if err != nil {
		return Result{}, 0, fmt.Errorf("search: %w", err)
	}
	if len(multi.Results) != 2 {
		return Result{}, 0, fmt.Errorf("search: %d results for 2 queries", len(multi.Results))
	}
	main, counts := multi.Results[0], multi.Results[1]
	res.Total = int(main.TotalHits)
	res.TotalAtLeast = main.TotalHits >= MaxTotalHits
	if res.Facets, err = decodeFacets(main.FacetDistribution); err != nil {
		return Result{}, 0, err
	}
	typeFacets, err := decodeFacets(counts.FacetDistribution)
	if err != nil {
		return Result{}, 0, err
	}
	res.Facets["type"] = typeFacets["type"]

	hits := main.Hits
	if accented {
		fed := <-fedc
		if fed.err != nil {
			return Result{}, 0, fmt.Errorf("federated search: %w", fed.err)
		}
		hits = fed.resp.Hits
	}
	res.Hits, err = decodeHits(hits)
	return res, int(counts.TotalHits), err
}

type rawHit struct {
	Type       string   `json:"type"`
	EntityID   int64    `json:"entity_id"`
	Title      string   `json:"title"`
	Subtitle   string   `json:"subtitle"`
	URL        string   `json:"url"`
	Cities     []string `json:"cities"`
	WageMin    *int64   `json:"wage_min"`
	WageMax    *int64   `json:"wage_max"`
	DeadlineTS int64    `json:"deadline_ts"`
	Formatted  struct {
		Title    string `json:"title"`
		Subtitle string `json:"subtitle"`
		Text     string `json:"text"`
	} `json:"_formatted"`
}

func decodeHits(hits meilisearch.Hits) ([]Hit, error) {
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		// Each field is still the raw JSON of Meilisearch's answer: decode
		// it straight into the struct, without re-encoding the hit.
		var r rawHit
		if err := h.DecodeInto(&r); err != nil {
			return nil, fmt.Errorf("decode hit: %w", err)
		}
		hit := Hit{Type: r.Type, ID: r.EntityID, Title: r.Title, Subtitle: r.Subtitle, URL: r.URL, Cities: r.Cities,
			WageMin: r.WageMin, WageMax: r.WageMax, Deadline: r.DeadlineTS, Highlight: map[string]string{}}
		for field, v := range map[string]string{"title": r.Formatted.Title, "subtitle": r.Formatted.Subtitle, "text": r.Formatted.Text} {
			if v != "" {
				hit.Highlight[field] = markHTML(v)
			}
		}
		out = append(out, hit)
	}
	return out, nil
}

// markHTML escapes text and turns the highlight markers into <mark>.
func markHTML(s string) string {
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, markOpen, "<mark>")
	return strings.ReplaceAll(s, markClose, "</mark>")
}

func decodeFacets(raw json.RawMessage) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	if len(raw) == 0 {
		return out, nil
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("decode facets: %w", err)
	}
	return out, nil
}
