package bench_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"hoptac/internal/search"
	"hoptac/internal/store"
)

// BenchmarkFallbackSearch measures the PostgreSQL fallback alone (no HTTP,
// Meilisearch unreachable) on BENCH_SIZE generated entries: the bench
// queries one at a time and at BENCH_CONCURRENCY workers, with the
// portal's pool and 5 s statement timeout. It prints p50/p95/p99 and the
// failures (a statement timeout is one).
//
// BENCH_FALLBACK_URL names a database already holding the entries (e.g.
// one a previous run generated): generating 100,000 entries takes most of
// an hour on a shared two-core machine.
func BenchmarkFallbackSearch(b *testing.B) {
	set := readSettings()
	ctx := context.Background()
	t0 := time.Now()
	st, _, _ := generatedStore(b, ctx, os.Getenv("BENCH_FALLBACK_URL"), set.size, store.Options{MaxOpenConns: 10, StatementTimeout: 5 * time.Second})
	if err := st.AnalyzeEntries(ctx); err != nil {
		b.Fatal(err)
	}
	var docs int
	if err := st.DB().GetContext(ctx, &docs, `SELECT count(*) FROM search_docs`); err != nil {
		b.Fatal(err)
	}
	fmt.Printf("fallback: %d search_docs rows, ready in %v\n", docs, time.Since(t0).Round(time.Second))
	down := search.New("http://127.0.0.1:1", "")
	svc := search.NewService(down, st, quietLog())
	run := func(ctx context.Context, q benchQuery) (outcome, error) {
		res, err := svc.Search(ctx, searchQuery(q.params))
		return outcome{total: res.Total, degraded: res.Degraded}, err
	}
	b.ResetTimer()
	for _, workers := range []int{1, set.concurrency} {
		rounds := set.pgRounds * 3
		l := runLoad(ctx, run, workers, rounds)
		s := summarize(l, nil)
		first := ""
		if len(l.errs) > 0 {
			first = l.errs[0].Error()
		}
		fmt.Printf("fallback at %d rows, %d worker(s): n=%d p50=%s ms p95=%s ms p99=%s ms %.0f req/s, %d errors %s\n",
			docs, workers, s.n, ms(s.p50), ms(s.p95), ms(s.p99), s.rps, s.errors, first)
		if workers == 1 {
			for qi, q := range queries {
				var worst time.Duration
				for _, x := range l.samples {
					if x.query == qi && x.d > worst {
						worst = x.d
					}
				}
				fmt.Printf("  %-32s worst %s ms\n", q.label, ms(worst))
			}
		}
	}
}
