package bench_test

// BenchmarkSearchStack builds one generated data set (BENCH_SIZE entries,
// default 100 000) in a fresh database, indexes it into a private
// Meilisearch, and measures side by side:
//
//   - the same queries through raw Meilisearch HTTP (the very /multi-search
//     requests the engine sends), through GET /api/v1/search on a real HTTP
//     server, and through the PostgreSQL fallback (the API with Meilisearch
//     unreachable), each at a fixed concurrency;
//   - a full reindex against a raw bulk upload of the same documents;
//   - the time from publishing a job until search finds it.
//
// Run it with `make bench`; BENCH_WRITE_DOC=1 also writes the figures into
// docs/performance.md. Settings (environment): BENCH_SIZE, BENCH_CONCURRENCY
// (8), BENCH_ROUNDS (10 passes over the queries per worker), BENCH_PG_ROUNDS
// (1), BENCH_PUBLISHES (100), BENCH_POLL_MS (5).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"hoptac/internal/domain"
	"hoptac/internal/indexer"
	"hoptac/internal/kind"
	"hoptac/internal/search"
	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
	"hoptac/internal/web"
	staticfiles "hoptac/static"
	templatefiles "hoptac/templates"
)

// ---- settings ----

type settings struct {
	size, concurrency, rounds, pgRounds, publishes int
	writeDoc                                       bool
}

func envInt(name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v, "_", ""))
	if err != nil || n <= 0 {
		panic(fmt.Sprintf("%s=%q: want a positive whole number", name, v))
	}
	return n
}

func readSettings() settings {
	return settings{
		size:        envInt("BENCH_SIZE", 100_000),
		concurrency: envInt("BENCH_CONCURRENCY", 8),
		rounds:      envInt("BENCH_ROUNDS", 10),
		pgRounds:    envInt("BENCH_PG_ROUNDS", 1),
		publishes:   envInt("BENCH_PUBLISHES", 100),
		writeDoc:    os.Getenv("BENCH_WRITE_DOC") == "1",
	}
}

// ---- the queries ----

// benchQuery is one search as a visitor sends it to /api/v1/search.
type benchQuery struct {
	label  string
	params url.Values
}

func bq(label string, kv ...string) benchQuery {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return benchQuery{label, v}
}

// queries mix plain and accented words, typos, abbreviations, filters,
// facets and sorts, as people search a job portal.
var queries = []benchQuery{
	bq("plain words", "q", "cong nhan may"),
	bq("diacritics", "q", "công nhân may"),
	bq("typo, jobs", "q", "nhan vein ban hang", "type", "job"),
	bq("diacritics, jobs in HCMC", "q", "kế toán", "type", "job", "city", "hcm"),
	bq("all types in Cần Thơ", "q", "ke toan", "city", "cantho"),
	bq("jobs paying ≥ 10 M", "q", "tho han", "type", "job", "wage_min", "10000000"),
	bq("wage typed in words", "q", "viec lam luong 12 trieu"),
	bq("diacritics, programs", "q", "điện công nghiệp", "type", "program"),
	bq("synonym, schools in Cần Thơ", "q", "cd nghe", "type", "school", "city", "cantho"),
	bq("education filter", "q", "bao ve", "type", "job", "education", "lower_secondary"),
	bq("jobs in Cần Thơ", "q", "che bien thuy san", "type", "job", "city", "cantho"),
	bq("sorted by wage", "q", "tai xe", "type", "job", "sort", "wage"),
	bq("diacritics, newest first", "q", "nhân viên kho", "sort", "newest"),
	bq("typo, engineers", "q", "ky su tu dong hao", "type", "job"),
	bq("a place", "q", "Thủ Đức"),
	bq("former province", "q", "soc trang", "type", "job"),
	bq("projects seeking partners", "q", "dự án đào tạo nghề", "type", "project", "stage", "seeking_partners"),
	bq("policies", "q", "ho tro hoc nghe", "type", "policy"),
	bq("companies by industry", "q", "logistics", "type", "company", "industry", "H"),
	bq("browse, no words", "type", "job", "city", "hcm", "occupation", "8"),
	bq("abbreviation", "q", "CNTT", "city", "hcm"),
	bq("programs by level", "q", "cong nghe o to", "type", "program", "level", "cao_dang"),
}

// searchQuery is the search.Query the API builds from the parameters
// (web.searchQuery), so raw Meilisearch gets the very same request.
func searchQuery(p url.Values) search.Query {
	q := search.Query{
		Q: strings.Join(strings.Fields(p.Get("q")), " "), Type: p.Get("type"), City: p.Get("city"),
		Industry: p.Get("industry"), Occupation: p.Get("occupation"), Education: p.Get("education"),
		Level: p.Get("level"), Stage: p.Get("stage"), Sort: p.Get("sort"), Page: 1,
	}
	if v := p.Get("wage_min"); v != "" {
		q.WageMin, _ = strconv.ParseInt(v, 10, 64)
	}
	q.ApplyIntent()
	q.Normalize()
	return q
}

// ---- raw Meilisearch: the engine's requests, sent with net/http ----

// These mirror internal/search/query.go (unexported there).
var (
	retrieved       = []string{"type", "entity_id", "title", "subtitle", "url", "cities", "wage_min", "wage_max", "deadline_ts"}
	telexAttributes = []string{"title_telex", "subtitle_telex"}
)

func hitsRequest(q search.Query, index string, filter []string, strategy meilisearch.MatchingStrategy) *meilisearch.SearchRequest {
	r := &meilisearch.SearchRequest{
		Query: q.Q, IndexUID: index, Filter: filter,
		AttributesToRetrieve: retrieved, AttributesToHighlight: []string{"title", "subtitle"},
		AttributesToCrop: []string{"text"}, CropLength: 24,
		HighlightPreTag: "\uE000", HighlightPostTag: "\uE001", MatchingStrategy: strategy,
	}
	switch q.Sort {
	case "newest":
		r.Sort = []string{"published_ts:desc"}
	case "wage":
		r.Sort = []string{"wage_sort:desc"}
	}
	return r
}

func countRequest(q search.Query, index string, filter, facets []string, strategy meilisearch.MatchingStrategy) *meilisearch.SearchRequest {
	zero := int64(0)
	return &meilisearch.SearchRequest{Query: q.Q, IndexUID: index, Filter: filter,
		MatchingStrategy: strategy, HitsPerPage: &zero, Page: 1, Facets: facets}
}

// rawBodies are the /multi-search bodies Engine.Search sends for q with a
// matching strategy: one, or two sent in parallel for a query with
// diacritics (the second is the federated, diacritic-aware hits request).
func rawBodies(q search.Query, index string, strategy meilisearch.MatchingStrategy) ([][]byte, error) {
	filter, err := q.Filter(true)
	if err != nil {
		return nil, err
	}
	allTypes, _ := q.Filter(false)
	other := search.FacetAttributes[1:]
	accented := q.Q != "" && q.Sort == "" && vn.HasDiacritics(q.Q)
	perPage := int64(q.PerPage)
	var page *meilisearch.SearchRequest
	if accented {
		page = countRequest(q, index, filter, other, strategy)
	} else {
		page = hitsRequest(q, index, filter, strategy)
		page.HitsPerPage, page.Page, page.Facets = &perPage, int64(q.Page), other
	}
	types := countRequest(q, index, allTypes, []string{"type"}, strategy)
	main, err := json.Marshal(&meilisearch.MultiSearchRequest{Queries: []*meilisearch.SearchRequest{page, types}})
	if err != nil {
		return nil, err
	}
	bodies := [][]byte{main}
	if accented {
		folded := hitsRequest(q, index, filter, strategy)
		folded.FederationOptions = &meilisearch.SearchFederationOptions{Weight: 1}
		exact := hitsRequest(q, index, filter, meilisearch.All)
		exact.Query = vn.Telex(q.Q)
		exact.AttributesToSearchOn = telexAttributes
		exact.MatchingStrategy = meilisearch.All
		exact.FederationOptions = &meilisearch.SearchFederationOptions{Weight: 1.5}
		fed, err := json.Marshal(&meilisearch.MultiSearchRequest{
			Federation: &meilisearch.MultiSearchFederation{Offset: int64((q.Page - 1) * q.PerPage), Limit: perPage},
			Queries:    []*meilisearch.SearchRequest{folded, exact},
		})
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, fed)
	}
	return bodies, nil
}

type rawHit struct {
	Type      string `json:"type"`
	EntityID  int64  `json:"entity_id"`
	Title     string `json:"title"`
	Formatted struct {
		Title, Subtitle, Text string
	} `json:"_formatted"`
}

type rawMulti struct {
	Results []struct {
		Hits              []rawHit                  `json:"hits"`
		TotalHits         int                       `json:"totalHits"`
		FacetDistribution map[string]map[string]int `json:"facetDistribution"`
	} `json:"results"`
	Hits []rawHit `json:"hits"` // federated
}

// outcome is what a search returned, to compare the three paths.
type outcome struct {
	total    int
	ids      []string
	degraded bool
}

// rawSearcher posts the engine's bodies straight to Meilisearch.
type rawSearcher struct {
	client *http.Client
	url    string
	key    string
	index  string
}

func (r rawSearcher) post(ctx context.Context, body []byte) (rawMulti, error) {
	var out rawMulti
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url+"/multi-search", bytes.NewReader(body))
	if err != nil {
		return out, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+r.key)
	resp, err := r.client.Do(req)
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return out, fmt.Errorf("meilisearch: %s: %s", resp.Status, b)
	}
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

// search asks as Engine.Search does: every word first, and only when
// nothing of any type has them all (and there are two words or more),
// again letting Meilisearch drop words from the end.
func (r rawSearcher) search(ctx context.Context, bqy benchQuery) (outcome, error) {
	q := searchQuery(bqy.params)
	q.Normalize()
	o, all, err := r.searchWith(ctx, q, meilisearch.All)
	if err != nil || all > 0 || len(strings.Fields(q.Q)) < 2 {
		return o, err
	}
	o, _, err = r.searchWith(ctx, q, meilisearch.Last)
	return o, err
}

func (r rawSearcher) searchWith(ctx context.Context, q search.Query, strategy meilisearch.MatchingStrategy) (outcome, int, error) {
	bodies, err := rawBodies(q, r.index, strategy)
	if err != nil {
		return outcome{}, 0, err
	}
	type fedResult struct {
		m   rawMulti
		err error
	}
	fedc := make(chan fedResult, 1)
	if len(bodies) == 2 {
		go func() {
			m, err := r.post(ctx, bodies[1])
			fedc <- fedResult{m, err}
		}()
	}
	main, err := r.post(ctx, bodies[0])
	if err != nil {
		return outcome{}, 0, err
	}
	if len(main.Results) != 2 {
		return outcome{}, 0, fmt.Errorf("meilisearch: %d results for 2 queries", len(main.Results))
	}
	hits := main.Results[0].Hits
	if len(bodies) == 2 {
		fed := <-fedc
		if fed.err != nil {
			return outcome{}, 0, fed.err
		}
		hits = fed.m.Hits
	}
	o := outcome{total: main.Results[0].TotalHits}
	for _, h := range hits {
		o.ids = append(o.ids, search.DocumentID(h.Type, h.EntityID))
	}
	return o, main.Results[1].TotalHits, nil
}

// ---- the API over HTTP ----

type apiSearcher struct {
	client *http.Client
	base   string
}

func (a apiSearcher) search(ctx context.Context, bqy benchQuery) (outcome, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/api/v1/search?"+bqy.params.Encode(), nil)
	if err != nil {
		return outcome{}, err
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return outcome{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return outcome{}, fmt.Errorf("api: %s: %s", resp.Status, b)
	}
	var r struct {
		Hits []struct {
			Type      string            `json:"type"`
			ID        int64             `json:"id"`
			Title     string            `json:"title"`
			Highlight map[string]string `json:"highlight"`
		} `json:"hits"`
		Total    int                       `json:"total"`
		Facets   map[string]map[string]int `json:"facets"`
		Degraded bool                      `json:"degraded"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return outcome{}, err
	}
	o := outcome{total: r.Total, degraded: r.Degraded}
	for _, h := range r.Hits {
		o.ids = append(o.ids, search.DocumentID(h.Type, h.ID))
	}
	return o, nil
}

// ---- load and statistics ----

type sample struct {
	query    int
	d        time.Duration
	failed   bool
	degraded bool
}

type load struct {
	samples []sample
	wall    time.Duration
	errs    []error
}

// runLoad has workers each go rounds times through the queries, starting
// at different places in the list, and records every request.
func runLoad(ctx context.Context, search func(context.Context, benchQuery) (outcome, error), workers, rounds int) load {
	var mu sync.Mutex
	var out load
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			local := make([]sample, 0, rounds*len(queries))
			var errs []error
			offset := w * len(queries) / workers
			for i := range rounds * len(queries) {
				qi := (offset + i) % len(queries)
				t0 := time.Now()
				o, err := search(ctx, queries[qi])
				local = append(local, sample{query: qi, d: time.Since(t0), failed: err != nil, degraded: o.degraded})
				if err != nil && len(errs) < 3 {
					errs = append(errs, err)
				}
			}
			mu.Lock()
			out.samples = append(out.samples, local...)
			out.errs = append(out.errs, errs...)
			mu.Unlock()
		})
	}
	wg.Wait()
	out.wall = time.Since(start)
	return out
}

// merge adds the samples of o, its errors and its wall time.
func (l load) merge(o load) load {
	l.samples = append(l.samples, o.samples...)
	l.errs = append(l.errs, o.errs...)
	l.wall += o.wall
	return l
}

type stats struct {
	n, errors, degraded int
	p50, p95, p99       time.Duration
	rps                 float64
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func summarize(l load, keep func(sample) bool) stats {
	var ds []time.Duration
	var s stats
	for _, x := range l.samples {
		if keep != nil && !keep(x) {
			continue
		}
		ds = append(ds, x.d)
		if x.failed {
			s.errors++
		}
		if x.degraded {
			s.degraded++
		}
	}
	slices.Sort(ds)
	s.n = len(ds)
	s.p50, s.p95, s.p99 = percentile(ds, 0.50), percentile(ds, 0.95), percentile(ds, 0.99)
	if l.wall > 0 {
		s.rps = float64(s.n) / l.wall.Seconds()
	}
	return s
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}

// ---- the stack under test ----

type stack struct {
	set       settings
	st        *store.Store
	meili     *testenv.Meili
	engine    *search.Engine
	names     *search.Names
	searchKey string
	counts    seed.Counts
	generate  time.Duration
	reindex   time.Duration // the first one, into an empty engine
	raw, api  func(context.Context, benchQuery) (outcome, error)
	rawGzip   func(context.Context, benchQuery) (outcome, error)
	fallback  func(context.Context, benchQuery) (outcome, error)
	versions  struct{ meili, postgres string }
}

// generatedStore opens the database at dbURL, closed when the benchmark
// ends. With no dbURL it opens a fresh test database and fills it with
// size generated entries (seed.Generate), saying how long that took; it
// returns the database's URL and what it generated.
func generatedStore(b *testing.B, ctx context.Context, dbURL string, size int, opts store.Options) (*store.Store, string, seed.Counts) {
	b.Helper()
	generate := dbURL == ""
	if generate {
		dbURL = testenv.DatabaseURL(b)
	}
	st, err := store.Open(ctx, dbURL, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	var counts seed.Counts
	if generate {
		t0 := time.Now()
		if counts, err = seed.Generate(ctx, st, size, time.Now()); err != nil {
			b.Fatalf("Generate = %v", err)
		}
		fmt.Printf("generated %s in %s\n", counts, time.Since(t0).Round(time.Millisecond))
	}
	return st, dbURL, counts
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// httpClient keeps enough connections open for the load generator never to
// be the bottleneck. gzip asks for compressed responses, as Go's default
// transport does unless told otherwise.
func httpClient(gzip bool) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, 256
	t.DisableCompression = !gzip
	return &http.Client{Transport: t, Timeout: 60 * time.Second}
}

// serveApp starts the portal on a loopback port with the given search
// service and returns its base URL.
func serveApp(b *testing.B, ctx context.Context, st *store.Store, service web.Searcher, health web.SearchHealth) string {
	b.Helper()
	app, err := web.New(ctx, web.Deps{Store: st, Logger: quietLog(), Templates: templatefiles.FS, Static: staticfiles.FS,
		Search: service, SearchHealth: health,
		ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second})
	if err != nil {
		b.Fatalf("web.New = %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = app.Listener(ln) }()
	b.Cleanup(func() { _ = app.ShutdownWithTimeout(5 * time.Second) })
	return "http://" + ln.Addr().String()
}

func setUp(b *testing.B, ctx context.Context, set settings) *stack {
	b.Helper()
	s := &stack{set: set}
	var err error
	// The portal's production pool and statement timeout (config defaults).
	s.st, err = store.Open(ctx, testenv.DatabaseURL(b), store.Options{MaxOpenConns: 10, StatementTimeout: 5 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.st.Close() })
	if err := s.st.DB().GetContext(ctx, &s.versions.postgres, `SHOW server_version`); err != nil {
		b.Fatal(err)
	}

	fmt.Printf("generating %d entries…\n", set.size)
	t0 := time.Now()
	s.counts, err = seed.Generate(ctx, s.st, set.size, time.Now())
	if err != nil {
		b.Fatalf("Generate = %v", err)
	}
	s.generate = time.Since(t0)
	fmt.Printf("generated %v in %v\n", s.counts, s.generate.Round(time.Millisecond))
	// Generating wrote one outbox row per entry; the reindex below is what
	// indexes them (as after `hoptac seed --size N` + `hoptac reindex`), so
	// the worker measured later starts from an empty outbox.
	if _, err := s.st.DB().ExecContext(ctx, `UPDATE search_outbox SET done_at = now() WHERE done_at IS NULL`); err != nil {
		b.Fatal(err)
	}
	s.names, err = search.LoadNames(ctx, s.st)
	if err != nil {
		b.Fatal(err)
	}

	// The CI cluster runs without autovacuum; do what it would have done by
	// now, so the outbox claim and the reads plan on fresh statistics.
	if _, err := s.st.DB().ExecContext(ctx, `VACUUM (ANALYZE)`); err != nil {
		b.Fatal(err)
	}

	s.meili = testenv.Meilisearch(b)
	var version struct {
		PkgVersion string `json:"pkgVersion"`
	}
	if err := s.meili.Get(ctx, "/version", &version); err != nil {
		b.Fatal(err)
	}
	s.versions.meili = version.PkgVersion
	s.engine = search.New(s.meili.URL, s.meili.MasterKey)
	b.Cleanup(s.engine.Close)
	fmt.Println("indexing…")
	t0 = time.Now()
	rep, err := indexer.Reindex(ctx, s.st, s.engine, s.names, io.Discard)
	if err != nil {
		b.Fatalf("Reindex = %v", err)
	}
	s.reindex = time.Since(t0)
	fmt.Printf("indexed %v in %v\n", rep.Indexed, s.reindex.Round(time.Millisecond))

	// As `hoptac serve` does: searches use the search-only key.
	if err := s.engine.UseSearchKey(ctx); err != nil {
		b.Fatal(err)
	}
	var keys struct {
		Results []struct{ Name, Key string }
	}
	if err := s.meili.Get(ctx, "/keys?limit=1000", &keys); err != nil {
		b.Fatal(err)
	}
	for _, k := range keys.Results {
		if k.Name == "hoptac-portal-search" {
			s.searchKey = k.Key
		}
	}
	if s.searchKey == "" {
		b.Fatal("no search key")
	}

	raw := rawSearcher{client: httpClient(false), url: s.meili.URL, key: s.searchKey, index: search.IndexName}
	s.raw = raw.search
	rawGzip := raw
	rawGzip.client = httpClient(true)
	s.rawGzip = rawGzip.search
	api := apiSearcher{client: httpClient(false), base: serveApp(b, ctx, s.st, search.NewService(s.engine, s.st, quietLog()), s.engine)}
	s.api = api.search
	// The fallback: the same portal with Meilisearch unreachable.
	down := search.New("http://127.0.0.1:1", "")
	fb := apiSearcher{client: httpClient(false), base: serveApp(b, ctx, s.st, search.NewService(down, s.st, quietLog()), down)}
	s.fallback = fb.search
	return s
}

// ---- the report ----

type report struct {
	load     []float64 // 1-minute load averages sampled during the run
	set      settings
	stack    *stack
	loads    map[string]load // by target key, and "<key>/c1" one request at a time
	parity   []string
	rawUp    time.Duration
	reindex2 time.Duration
	docs     int
	publish  *publishRun
}

type publishRun struct {
	found  []time.Duration
	missed int
	// Where the time went, per publish found: commit → the worker calls
	// Upsert (wake-up, claim, read, build the document), → Meilisearch
	// enqueues the task (HTTP), → starts it (its queue), → finishes it
	// (indexing), → search finds the job (polls, search).
	toUpsert, toEnqueued, queued, indexing, toFound []time.Duration
}

// timedIndex notes when the worker first hands each job to the engine.
type timedIndex struct {
	*search.Engine
	mu       sync.Mutex
	upsertAt map[int64]time.Time
}

func (t *timedIndex) Upsert(ctx context.Context, docs []search.Document) error {
	now := time.Now()
	t.mu.Lock()
	for _, d := range docs {
		if _, seen := t.upsertAt[d.EntityID]; d.Type == "job" && !seen {
			t.upsertAt[d.EntityID] = now
		}
	}
	t.mu.Unlock()
	return t.Engine.Upsert(ctx, docs)
}

func (t *timedIndex) at(id int64) (time.Time, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	at, ok := t.upsertAt[id]
	return at, ok
}

var targets = []struct{ key, label string }{
	{"meilisearch", "Meilisearch, raw HTTP `POST /multi-search`"},
	{"meilisearch-gzip", "Meilisearch, raw HTTP, asking for gzip"},
	{"api", "**API `GET /api/v1/search`**"},
	{"postgres", "PostgreSQL fallback (API, Meilisearch down)"},
}

// c1Rounds is how many times the one-at-a-time measure goes through the queries.
const c1Rounds = 3

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func (r *report) markdown() string {
	var b strings.Builder
	r.writeSetting(&b)
	r.writeSearch(&b)
	r.writePerQuery(&b)
	r.writeIndexing(&b)
	r.writePublish(&b)
	r.writeGoals(&b)
	return b.String()
}

// cpuModel is the model name of the first CPU /proc/cpuinfo lists.
func cpuModel() string {
	info, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(info), "\n") {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
		}
	}
	return "unknown CPU"
}

// writeSetting: the machine, its load, the command and the data set.
func (r *report) writeSetting(b *strings.Builder) {
	s := r.stack
	fmt.Fprintf(b, "Measured %s on %s, %d cores (GOMAXPROCS %d), %s, PostgreSQL %s, Meilisearch %s (`--max-indexing-threads 1`, as `testenv` starts it); load generator, portal, PostgreSQL and Meilisearch on the same machine.\n\n",
		time.Now().Format("2006-01-02"), cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), s.versions.postgres, s.versions.meili)
	if len(r.load) > 0 {
		sum := 0.0
		for _, l := range r.load {
			sum += l
		}
		fmt.Fprintf(b, "1-minute load average while measuring: min %.1f, mean %.1f, max %.1f (%d samples); the machine was shared with other work.\n\n",
			slices.Min(r.load), sum/float64(len(r.load)), slices.Max(r.load), len(r.load))
	}
	fmt.Fprintf(b, "Command: `BENCH_SIZE=%d BENCH_CONCURRENCY=%d BENCH_ROUNDS=%d BENCH_PG_ROUNDS=%d BENCH_PUBLISHES=%d make bench`.\n\n",
		r.set.size, r.set.concurrency, r.set.rounds, r.set.pgRounds, r.set.publishes)
	fmt.Fprintf(b, "Data set: `seed.Generate` of %d entries — %s; generated in %s.\n\n",
		r.set.size, s.counts, s.generate.Round(100*time.Millisecond))
}

// writeSearch: every path under load, then one request at a time.
func (r *report) writeSearch(b *strings.Builder) {
	fmt.Fprintf(b, "### Search: the same %d queries, side by side\n\n", len(queries))
	fmt.Fprintf(b, "%d workers, each going %d times through the queries (PostgreSQL: %d times); latency per request, measured by the client, over loopback HTTP.\n\n",
		r.set.concurrency, r.set.rounds, r.set.pgRounds)
	b.WriteString("| path | requests | p50 ms | p95 ms | p99 ms | req/s | errors | degraded |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, t := range targets {
		l, ok := r.loads[t.key]
		if !ok {
			continue
		}
		st := summarize(l, nil)
		fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %.1f | %d | %d |\n", t.label, st.n, ms(st.p50), ms(st.p95), ms(st.p99), st.rps, st.errors, st.degraded)
	}
	fmt.Fprintf(b, "\nOne request at a time (no contention), %d passes over the queries:\n\n", c1Rounds)
	b.WriteString("| path | requests | p50 ms | p95 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|\n")
	for _, t := range targets {
		if l, ok := r.loads[t.key+"/c1"]; ok {
			st := summarize(l, nil)
			fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %d |\n", t.label, st.n, ms(st.p50), ms(st.p95), ms(st.p99), st.errors)
		}
	}
}

// queryRatio is the API's p50 over raw Meilisearch's for one query.
func queryRatio(raw, api load, query int) float64 {
	one := func(x sample) bool { return x.query == query }
	return float64(summarize(api, one).p50) / float64(max(summarize(raw, one).p50, 1))
}

// writePerQuery: p50 per query and path, and whether raw and API agreed.
func (r *report) writePerQuery(b *strings.Builder) {
	fmt.Fprintf(b, "\nPer query, p50 ms at %d workers:\n\n| query | parameters |", r.set.concurrency)
	var cols []string
	for _, t := range targets {
		if _, ok := r.loads[t.key]; ok {
			cols = append(cols, t.key)
			fmt.Fprintf(b, " %s |", t.key)
		}
	}
	b.WriteString(" API ÷ raw |\n|---|---|" + strings.Repeat("---:|", len(cols)+1) + "\n")
	raw, okRaw := r.loads["meilisearch"]
	api, okAPI := r.loads["api"]
	for i, q := range queries {
		one := func(x sample) bool { return x.query == i }
		fmt.Fprintf(b, "| %s | `%s` |", q.label, q.params.Encode())
		for _, key := range cols {
			fmt.Fprintf(b, " %s |", ms(summarize(r.loads[key], one).p50))
		}
		if okRaw && okAPI {
			fmt.Fprintf(b, " %.2f |\n", queryRatio(raw, api, i))
		} else {
			b.WriteString(" |\n")
		}
	}
	if len(r.parity) > 0 {
		b.WriteString("\n**Raw and API answers differed** on: " + strings.Join(r.parity, "; ") + ".\n")
	} else {
		b.WriteString("\nFor every query, raw Meilisearch and the API returned the same total and the same first page (checked before measuring).\n")
	}
}

func (r *report) writeIndexing(b *strings.Builder) {
	b.WriteString("\n### Indexing\n\n| what | documents | seconds |\n|---|---:|---:|\n")
	fmt.Fprintf(b, "| first `indexer.Reindex`, into an empty engine | %d | %.1f |\n", r.stack.counts.Total(), r.stack.reindex.Seconds())
	if r.rawUp > 0 {
		fmt.Fprintf(b, "| raw bulk upload of the same documents (create the index with its settings, `Engine.Enqueue` batches of 5 000, `Engine.WaitTask`) | %d | %.1f |\n", r.docs, r.rawUp.Seconds())
		fmt.Fprintf(b, "| `indexer.Reindex` beside the live index (read PostgreSQL, build documents, upload, swap, drop the old index) | %d | %.1f |\n", r.docs, r.reindex2.Seconds())
	}
}

func (r *report) writePublish(b *strings.Builder) {
	run := r.publish
	if run == nil || len(run.found) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### Publish to searchable\n\n%d jobs published one after another (`Store.Create` of a published job) while the outbox worker runs (`Worker.Run` woken by `LISTEN search_outbox`); time from the call until `Engine.Search` finds the job by a made-up word of its title, polled every 5 ms.\n\n", r.set.publishes)
	p := slices.Sorted(slices.Values(run.found))
	b.WriteString("| p50 ms | p95 ms | max ms | not found within 10 s |\n|---:|---:|---:|---:|\n")
	fmt.Fprintf(b, "| %s | %s | %s | %d |\n", ms(percentile(p, 0.5)), ms(percentile(p, 0.95)), ms(p[len(p)-1]), run.missed)
	if len(run.toUpsert) == 0 {
		return
	}
	cell := func(d []time.Duration) string {
		p := slices.Sorted(slices.Values(d))
		return ms(percentile(p, 0.5)) + " / " + ms(percentile(p, 0.95))
	}
	b.WriteString("\nWhere the time goes, from the worker's calls and Meilisearch's record of each task (p50 / p95 ms):\n\n")
	b.WriteString("| commit → worker uploads (wake-up, claim, read, build) | upload → task enqueued | in Meilisearch's queue | indexing the document | task done → found (polls, search) |\n|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", cell(run.toUpsert), cell(run.toEnqueued), cell(run.queued), cell(run.indexing), cell(run.toFound))
}

func (r *report) writeGoals(b *strings.Builder) {
	b.WriteString("\n### Goals\n\n| goal | measured | met |\n|---|---|---|\n")
	r.writeLatencyGoals(b)
	if r.rawUp > 0 {
		ratio := r.reindex2.Seconds() / r.rawUp.Seconds()
		fmt.Fprintf(b, "| reindex ≤ 1.3 × raw upload | %.1f s vs %.1f s: %.2f × | %s |\n", r.reindex2.Seconds(), r.rawUp.Seconds(), ratio, yes(ratio <= 1.3))
	}
	if run := r.publish; run != nil && len(run.found) > 0 {
		p95 := percentile(slices.Sorted(slices.Values(run.found)), 0.95)
		fmt.Fprintf(b, "| publish-to-searchable p95 < 1 s | %s ms | %s |\n", ms(p95), yes(p95 < time.Second && run.missed == 0))
	}
}

// writeLatencyGoals: the API's p50 against raw Meilisearch's, under load
// and one request at a time.
func (r *report) writeLatencyGoals(b *strings.Builder) {
	raw, okRaw := r.loads["meilisearch"]
	api, okAPI := r.loads["api"]
	if !okRaw || !okAPI {
		return
	}
	rs, as := summarize(raw, nil), summarize(api, nil)
	ratio := float64(as.p50) / float64(max(rs.p50, 1))
	worst, worstLabel := 0.0, ""
	for i, q := range queries {
		if v := queryRatio(raw, api, i); v > worst {
			worst, worstLabel = v, q.label
		}
	}
	note := ""
	if as.degraded > 0 {
		meili := summarize(api, func(x sample) bool { return !x.degraded })
		note = fmt.Sprintf("; %d of %d requests fell back to PostgreSQL, p50 of the others %s ms", as.degraded, as.n, ms(meili.p50))
	}
	fmt.Fprintf(b, "| API p50 ≤ 1.3 × raw Meilisearch p50 (%d workers) | %s ms vs %s ms: %.2f × (worst single query %.2f ×, “%s”%s) | %s |\n",
		r.set.concurrency, ms(as.p50), ms(rs.p50), ratio, worst, worstLabel, note, yes(ratio <= 1.3))
	c1r, ok1 := r.loads["meilisearch/c1"]
	c1a, ok2 := r.loads["api/c1"]
	if ok1 && ok2 {
		rs1, as1 := summarize(c1r, nil), summarize(c1a, nil)
		ratio1 := float64(as1.p50) / float64(max(rs1.p50, 1))
		fmt.Fprintf(b, "| … one request at a time | %s ms vs %s ms: %.2f × | %s |\n", ms(as1.p50), ms(rs1.p50), ratio1, yes(ratio1 <= 1.3))
	}
}

const (
	docPath  = "../../docs/performance.md"
	docBegin = "<!-- bench:begin -->"
	docEnd   = "<!-- bench:end -->"
)

// writeDoc replaces the figures between the markers of docs/performance.md.
func writeDoc(figures string) error {
	old, err := os.ReadFile(docPath)
	if err != nil {
		return err
	}
	before, rest, ok1 := strings.Cut(string(old), docBegin)
	_, after, ok2 := strings.Cut(rest, docEnd)
	if !ok1 || !ok2 {
		return fmt.Errorf("%s: markers %s … %s not found", docPath, docBegin, docEnd)
	}
	doc := before + docBegin + "\n" + figures + "\n" + docEnd + after
	return os.WriteFile(filepath.Clean(docPath), []byte(doc), 0o644)
}

// ---- the benchmark ----

// sampleLoad reads the 1-minute load average every 10 s until ctx ends.
func sampleLoad(ctx context.Context) []float64 {
	var out []float64
	for {
		if b, err := os.ReadFile("/proc/loadavg"); err == nil {
			if f := strings.Fields(string(b)); len(f) > 0 {
				if v, err := strconv.ParseFloat(f[0], 64); err == nil {
					out = append(out, v)
				}
			}
		}
		select {
		case <-ctx.Done():
			return out
		case <-time.After(10 * time.Second):
		}
	}
}

func BenchmarkSearchStack(b *testing.B) {
	ctx := context.Background()
	set := readSettings()
	s := setUp(b, ctx, set)
	r := &report{set: set, stack: s, loads: map[string]load{}}
	sampling, stopSampling := context.WithCancel(ctx)
	var sampled sync.WaitGroup
	sampled.Go(func() { r.load = sampleLoad(sampling) })

	r.checkParity(b, ctx)
	r.measure(b, ctx, "search", []searchPath{{"meilisearch", s.raw}, {"meilisearch-gzip", s.rawGzip}, {"api", s.api}}, set.rounds)
	r.measure(b, ctx, "fallback", []searchPath{{"postgres", s.fallback}}, set.pgRounds)
	b.Run("reindex", func(b *testing.B) { r.measureReindex(b, ctx) })
	b.Run("publish", func(b *testing.B) {
		run := publishToSearchable(b, ctx, s, set.publishes)
		r.publish = &run
		if len(run.found) > 0 {
			p := slices.Sorted(slices.Values(run.found))
			b.ReportMetric(float64(percentile(p, 0.5).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(p, 0.95).Microseconds())/1000, "p95-ms")
		}
		b.ReportMetric(float64(run.missed), "missed")
	})

	stopSampling()
	sampled.Wait()
	figures := r.markdown()
	fmt.Println()
	fmt.Println(figures)
	if set.writeDoc {
		if err := writeDoc(figures); err != nil {
			b.Errorf("write %s: %v", docPath, err)
		} else {
			fmt.Println("wrote", docPath)
		}
	}
}

// checkParity: the raw requests must be the API's: same totals, same
// first page.
func (r *report) checkParity(b *testing.B, ctx context.Context) {
	b.Helper()
	for _, q := range queries {
		ro, err1 := r.stack.raw(ctx, q)
		ao, err2 := r.stack.api(ctx, q)
		if err := errors.Join(err1, err2); err != nil {
			b.Fatalf("%s: %v", q.label, err)
		}
		if ao.degraded || ro.total != ao.total || !slices.Equal(ro.ids, ao.ids) {
			r.parity = append(r.parity, fmt.Sprintf("“%s” (raw %d hits, API %d, degraded %v)", q.label, ro.total, ao.total, ao.degraded))
			b.Errorf("%s: raw %d %v, API %d %v degraded %v", q.label, ro.total, ro.ids, ao.total, ao.ids, ao.degraded)
		}
		if ro.total == 0 {
			b.Logf("%s: no hit", q.label)
		}
	}
}

// searchPath is one way of asking the queries, by its target key.
type searchPath struct {
	key string
	do  func(context.Context, benchQuery) (outcome, error)
}

// measure runs the paths one request at a time, then under load. The
// paths take turns, one pass over the queries each, so that other work on
// the machine weighs on all of them alike.
func (r *report) measure(b *testing.B, ctx context.Context, name string, paths []searchPath, rounds int) {
	b.Run(name, func(b *testing.B) {
		for _, p := range paths {
			runLoad(ctx, p.do, 1, 1) // warm caches and connections up
		}
		for range c1Rounds {
			for _, p := range paths {
				r.loads[p.key+"/c1"] = r.loads[p.key+"/c1"].merge(runLoad(ctx, p.do, 1, 1))
			}
		}
		for range rounds {
			for _, p := range paths {
				r.loads[p.key] = r.loads[p.key].merge(runLoad(ctx, p.do, r.set.concurrency, 1))
			}
		}
		for _, p := range paths {
			r.reportMetrics(b, p.key)
		}
	})
}

func (r *report) reportMetrics(b *testing.B, key string) {
	st := summarize(r.loads[key], nil)
	errs := r.loads[key].errs
	for _, err := range errs[:min(len(errs), 5)] {
		b.Logf("%s: error: %v", key, err)
	}
	b.ReportMetric(float64(st.p50.Microseconds())/1000, key+"-p50-ms")
	b.ReportMetric(float64(st.p95.Microseconds())/1000, key+"-p95-ms")
	b.ReportMetric(st.rps, key+"-req/s")
	b.ReportMetric(float64(st.errors), key+"-errors")
	b.ReportMetric(float64(st.degraded), key+"-degraded")
}

// measureReindex times a raw bulk upload of every document into a scratch
// index, then indexer.Reindex beside the live index.
func (r *report) measureReindex(b *testing.B, ctx context.Context) {
	s := r.stack
	docs, err := allDocuments(ctx, s.st, s.names)
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range docs {
		r.docs += len(batch)
	}
	r.rawUp = rawUpload(b, ctx, s.engine.WithIndex("bench_raw_upload"), docs)
	t0 := time.Now()
	if _, err := indexer.Reindex(ctx, s.st, s.engine, s.names, io.Discard); err != nil {
		b.Fatal(err)
	}
	r.reindex2 = time.Since(t0)
	b.ReportMetric(r.rawUp.Seconds(), "raw-upload-s")
	b.ReportMetric(r.reindex2.Seconds(), "reindex-s")
	b.ReportMetric(r.reindex2.Seconds()/r.rawUp.Seconds(), "ratio")
}

// rawUpload creates scratch with its settings, uploads docs and waits for
// every task; it drops scratch before and after.
func rawUpload(b *testing.B, ctx context.Context, scratch *search.Engine, docs [][]search.Document) time.Duration {
	if err := scratch.DeleteIndex(ctx, scratch.Index()); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	if err := scratch.EnsureIndex(ctx); err != nil {
		b.Fatal(err)
	}
	var tasks []int64
	for _, batch := range docs {
		uid, err := scratch.Enqueue(ctx, batch)
		if err != nil {
			b.Fatal(err)
		}
		tasks = append(tasks, uid)
	}
	for _, uid := range tasks {
		if err := scratch.WaitTask(ctx, uid); err != nil {
			b.Fatal(err)
		}
	}
	took := time.Since(t0)
	if err := scratch.DeleteIndex(ctx, scratch.Index()); err != nil {
		b.Fatal(err)
	}
	return took
}

// allDocuments reads every public entry as search documents, in batches
// of 5 000, as the reindex does.
func allDocuments(ctx context.Context, st *store.Store, n *search.Names) ([][]search.Document, error) {
	const page = 5000
	var out [][]search.Document
	for _, k := range kind.All {
		var after int64
		for {
			batch, err := k.Documents(ctx, st, n, store.PublicSelection{After: after, Limit: page})
			if err != nil {
				return nil, err
			}
			if len(batch) == 0 {
				break
			}
			out = append(out, batch)
			after = batch[len(batch)-1].EntityID
		}
	}
	return out, nil
}

// publishToSearchable publishes n jobs one after another while the outbox
// worker runs, and times each from the call until search finds it.
func publishToSearchable(b *testing.B, ctx context.Context, s *stack, n int) publishRun {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wake, err := s.st.ListenOutbox(ctx)
	if err != nil {
		b.Fatal(err)
	}
	index := &timedIndex{Engine: s.engine, upsertAt: map[int64]time.Time{}}
	worker := indexer.NewWorker(s.st, index, s.names, quietLog())
	var done sync.WaitGroup
	done.Go(func() { worker.Run(ctx, wake) })
	defer done.Wait()
	defer cancel()

	companies, err := store.Public[domain.Company](ctx, s.st, store.PublicSelection{Limit: 1})
	if err != nil || len(companies) == 0 {
		b.Fatalf("no company: %v", err)
	}
	company := companies[0]
	pollEvery := time.Duration(envInt("BENCH_POLL_MS", 5)) * time.Millisecond
	r := rand.New(rand.NewPCG(7, 7))
	var out publishRun
	type window struct {
		job         int64
		call, found time.Time
	}
	var windows []window
	for i := range n {
		// A made-up word far (more than two typos) from every other.
		letters := make([]byte, 12)
		for k := range letters {
			letters[k] = byte('a' + r.IntN(26))
		}
		word := string(letters)
		deadline := time.Now().AddDate(0, 1, 0)
		j := domain.Job{
			Meta:           domain.Meta{Status: domain.StatusPublished, DepartmentCode: company.City + "-sonv", ExternalID: fmt.Sprintf("bench-publish-%03d", i+1)},
			CompanyID:      company.ID,
			Title:          "Nhân viên kiểm thử " + word,
			OccupationCode: "2", Positions: 1, EmploymentType: "full_time", Education: "university",
			WorkAddress: company.Address, WardCode: company.WardCode, City: company.City,
			Description: "Tin tuyển dụng của phép đo thời gian từ lúc công bố đến lúc tìm thấy.",
			Deadline:    &deadline,
		}
		if fe := j.Validate(); fe.Err() != nil {
			b.Fatal(fe)
		}
		t0 := time.Now()
		if err := s.st.Create(ctx, &j); err != nil {
			b.Fatal(err)
		}
		want := search.DocumentID("job", j.ID)
		found := false
		for time.Since(t0) < 10*time.Second {
			res, err := s.engine.Search(ctx, search.Query{Q: word, PerPage: 5})
			if err == nil && slices.ContainsFunc(res.Hits, func(h search.Hit) bool { return search.DocumentID(h.Type, h.ID) == want }) {
				found = true
				break
			}
			time.Sleep(pollEvery)
		}
		if found {
			out.found = append(out.found, time.Since(t0))
			windows = append(windows, window{j.ID, t0, time.Now()})
		} else {
			out.missed++
		}
		time.Sleep(time.Duration(20+r.IntN(60)) * time.Millisecond)
	}

	// Meilisearch's record of the upsert tasks, matched to the publishes
	// by time: one publish at a time, so each task lies in one window.
	var tasks struct {
		Results []struct {
			EnqueuedAt time.Time `json:"enqueuedAt"`
			StartedAt  time.Time `json:"startedAt"`
			FinishedAt time.Time `json:"finishedAt"`
		} `json:"results"`
	}
	path := fmt.Sprintf("/tasks?indexUids=%s&types=documentAdditionOrUpdate&statuses=succeeded&limit=%d", search.IndexName, 2*n+20)
	if err := s.meili.Get(ctx, path, &tasks); err != nil {
		b.Fatal(err)
	}
	for _, w := range windows {
		upsert, ok := index.at(w.job)
		if !ok {
			continue
		}
		for _, t := range tasks.Results {
			if !t.EnqueuedAt.Before(w.call) && !t.EnqueuedAt.After(w.found) {
				out.toUpsert = append(out.toUpsert, upsert.Sub(w.call))
				out.toEnqueued = append(out.toEnqueued, t.EnqueuedAt.Sub(upsert))
				out.queued = append(out.queued, t.StartedAt.Sub(t.EnqueuedAt))
				out.indexing = append(out.indexing, t.FinishedAt.Sub(t.StartedAt))
				out.toFound = append(out.toFound, w.found.Sub(t.FinishedAt))
				break
			}
		}
	}
	return out
}
