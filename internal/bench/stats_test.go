package bench_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// BenchmarkStatsFigures measures what /thong-ke costs when its one-minute
// cache is cold: the single statement over the public views
// (store.Figures) and the ledger read, on BENCH_SIZE generated entries.
// A warm page reads neither.
func BenchmarkStatsFigures(b *testing.B) {
	ctx := context.Background()
	size := envInt("BENCH_SIZE", 100_000)
	st, err := store.Open(ctx, testenv.DatabaseURL(b), store.Options{MaxOpenConns: 4, StatementTimeout: 30 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := seed.Generate(ctx, st, size, time.Now()); err != nil {
		b.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("figures-%d", size), func(b *testing.B) {
		for b.Loop() {
			if _, err := st.Figures(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(fmt.Sprintf("ledger-%d", size), func(b *testing.B) {
		for b.Loop() {
			if _, err := st.PublicLedger(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
