package bench_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// BenchmarkIndexing measures what decides how soon a published entry can
// be found, on BENCH_SIZE generated entries (or the database
// BENCH_DATABASE_URL names, filled before with `hoptac seed --size N`):
//   - publish → searchable (BENCH_PUBLISHES jobs, as BenchmarkSearchStack
//     measures it) against a Meilisearch indexing on one thread (as tests
//     run it) and one on every core (its default, as production runs it);
//   - the outbox worker's claim of one pending row while the outbox holds
//     every generated entry's row done (about BENCH_SIZE of them), and a
//     claim that finds nothing, which is what the worker does on each wake.
//
// It prints a Markdown table; docs/performance.md has the figures.
func BenchmarkIndexing(b *testing.B) {
	ctx := context.Background()
	set := readSettings()
	st, _, _ := generatedStore(b, ctx, os.Getenv("BENCH_DATABASE_URL"), set.size, store.Options{MaxOpenConns: 10, StatementTimeout: 5 * time.Second})
	// Every generated row counts as delivered: the reindex below indexes
	// them, as after `hoptac seed` + `hoptac reindex`.
	for _, q := range []string{
		`UPDATE search_outbox SET done_at = now() WHERE done_at IS NULL`,
		`DELETE FROM search_deliveries`,
		`DELETE FROM jobs WHERE external_id LIKE 'bench-publish-%'`,
		`VACUUM (ANALYZE)`,
	} {
		if _, err := st.DB().ExecContext(ctx, q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	names, err := search.LoadNames(ctx, st)
	if err != nil {
		b.Fatal(err)
	}

	var out strings.Builder
	var replica string // the last engine's: the claims are its worker's
	fmt.Fprintf(&out, "| Meilisearch | reindex | publish → searchable p50 | p95 | max | missed | of which indexing p50 / p95 |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, mode := range []struct {
		label string
		start func(testing.TB) *testenv.Meili
	}{
		{"`--max-indexing-threads 1`", testenv.PrivateMeilisearch},
		{"default (every core)", testenv.PrivateMeilisearchAllThreads},
	} {
		m := mode.start(b)
		engine := search.New(m.URL, m.MasterKey)
		replica = engine.Replica()
		t0 := time.Now()
		if _, err := indexer.Reindex(ctx, st, engine, names, io.Discard); err != nil {
			b.Fatalf("Reindex = %v", err)
		}
		reindex := time.Since(t0)
		run := publishToSearchable(b, ctx, &stack{set: set, st: st, meili: m, engine: engine, names: names}, set.publishes)
		engine.Close()
		if _, err := st.DB().ExecContext(ctx, `DELETE FROM jobs WHERE external_id LIKE 'bench-publish-%'`); err != nil {
			b.Fatal(err)
		}
		found := slices.Sorted(slices.Values(run.found))
		indexing := slices.Sorted(slices.Values(run.indexing))
		var worst time.Duration
		if len(found) > 0 {
			worst = found[len(found)-1]
		}
		fmt.Fprintf(&out, "| %s | %s | %s ms | %s ms | %s ms | %d | %s / %s ms |\n", mode.label, reindex.Round(100*time.Millisecond),
			ms(percentile(found, 0.5)), ms(percentile(found, 0.95)), ms(worst), run.missed,
			ms(percentile(indexing, 0.5)), ms(percentile(indexing, 0.95)))
	}

	claims, empty, done := outboxClaims(b, ctx, st, replica, 200)
	fmt.Fprintf(&out, "\nOutbox claim with %d done rows in `search_outbox` (one pending row, claimed and marked delivered in its transaction; %d times): p50 %s ms, p95 %s ms. A claim that finds nothing: p50 %s ms, p95 %s ms.\n",
		done, len(claims), ms(percentile(claims, 0.5)), ms(percentile(claims, 0.95)), ms(percentile(empty, 0.5)), ms(percentile(empty, 0.95)))
	fmt.Println()
	fmt.Println(out.String())
}

// outboxClaims times n claims of one pending outbox row each (inserted as a
// write would, so the delivery trigger makes its delivery) and n claims
// that find nothing, as replica's worker makes them.
func outboxClaims(b *testing.B, ctx context.Context, st *store.Store, replica string, n int) (claims, empty []time.Duration, done int) {
	b.Helper()
	var jobID int64
	if err := st.DB().GetContext(ctx, &jobID, `SELECT min(id) FROM jobs`); err != nil {
		b.Fatal(err)
	}
	noop := func(context.Context, []store.OutboxRow) (map[int64]error, error) { return nil, nil }
	// The publish run's deletions are still queued: deliver them first.
	for {
		got, err := st.ProcessOutbox(ctx, replica, 1000, noop)
		if err != nil {
			b.Fatal(err)
		}
		if got == 0 {
			break
		}
	}
	for range n {
		if _, err := st.DB().ExecContext(ctx, `INSERT INTO search_outbox (entity_type, entity_id, op) VALUES ('job', $1, 'upsert')`, jobID); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		got, err := st.ProcessOutbox(ctx, replica, 200, noop)
		if err != nil || got != 1 {
			b.Fatalf("ProcessOutbox = %d, %v; want 1 row", got, err)
		}
		claims = append(claims, time.Since(t0))
		t0 = time.Now()
		if got, err := st.ProcessOutbox(ctx, replica, 200, noop); err != nil || got != 0 {
			b.Fatalf("ProcessOutbox again = %d, %v; want nothing", got, err)
		}
		empty = append(empty, time.Since(t0))
	}
	if err := st.DB().GetContext(ctx, &done, `SELECT count(*) FROM search_outbox WHERE done_at IS NOT NULL`); err != nil {
		b.Fatal(err)
	}
	slices.Sort(claims)
	slices.Sort(empty)
	return claims, empty, done
}
