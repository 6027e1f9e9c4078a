package indexer_test

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/testenv"
)

// TestWorkerPrunesDoneRows: done outbox rows older than PruneKeep go on the
// worker's schedule; pending, parked and recent done rows stay; the next
// call within PruneEvery does nothing.
func TestWorkerPrunesDoneRows(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	db := st.DB()
	if _, err := db.ExecContext(ctx, `INSERT INTO search_outbox (entity_type, entity_id, op, done_at, parked_at) VALUES
		('job', 1, 'upsert', now() - interval '3 days', NULL),
		('job', 2, 'upsert', now() - interval '2 hours', NULL),
		('job', 3, 'upsert', NULL, NULL),
		('job', 4, 'upsert', NULL, now() - interval '3 days')`); err != nil {
		t.Fatal(err)
	}
	w := indexer.NewWorker(st, search.New("http://127.0.0.1:1", ""), nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	w.PruneKeep, w.PruneEvery = 24*time.Hour, time.Hour
	if pruned, err := w.PruneIfDue(ctx); err != nil || !pruned {
		t.Fatalf("first PruneIfDue = %v, %v; want a prune", pruned, err)
	}
	var left []int64
	if err := db.SelectContext(ctx, &left, `SELECT entity_id FROM search_outbox ORDER BY entity_id`); err != nil {
		t.Fatal(err)
	}
	if len(left) != 3 || left[0] != 2 {
		t.Errorf("rows left = %v, want [2 3 4]", left)
	}
	if pruned, _ := w.PruneIfDue(ctx); pruned {
		t.Error("second PruneIfDue within PruneEvery pruned again")
	}
}
