package bench_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"hoptac/internal/store"
)

// BenchmarkStatsFigures measures what /thong-ke costs when its one-minute
// cache is cold: the single statement over the public views
// (store.Figures) and the ledger read, on BENCH_SIZE generated entries.
// A warm page reads neither.
func BenchmarkStatsFigures(b *testing.B) {
	ctx := context.Background()
	size := envInt("BENCH_SIZE", 100_000)
	st, _, _ := generatedStore(b, ctx, "", size, store.Options{MaxOpenConns: 4, StatementTimeout: 30 * time.Second})
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
