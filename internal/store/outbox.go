package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// OutboxRow is one pending change for the search index.
type OutboxRow struct {
	ID         int64  `db:"id"`
	EntityType string `db:"entity_type"`
	EntityID   int64  `db:"entity_id"`
	Op         string `db:"op"`
	Attempts   int    `db:"attempts"`
}

// OutboxOutcome is what became of one claimed row.
type OutboxOutcome struct {
	// Err is nil when the change reached the index.
	Err error
}

// Retry policy of the outbox: exponential backoff with jitter, parked
// (kept, with its error, out of the way) after MaxOutboxAttempts.
const MaxOutboxAttempts = 8

// ProcessOutbox claims up to limit due rows (FOR UPDATE SKIP LOCKED, so
// several portal instances share the work), hands them to apply, and
// records each outcome in the same transaction: done, retried later with
// backoff, or parked after MaxOutboxAttempts. apply returns the rows that
// failed on their own (a document the engine refused); an error for the
// whole batch (the engine unreachable) leaves every row as it was, with no
// attempt counted: an outage is not the rows' fault. It returns how many
// rows it claimed.
func (s *Store) ProcessOutbox(ctx context.Context, limit int, apply func(context.Context, []OutboxRow) (map[int64]error, error)) (int, error) {
	var claimed int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var rows []OutboxRow
		if err := tx.SelectContext(ctx, &rows, `SELECT id, entity_type, entity_id, op, attempts FROM search_outbox
			WHERE done_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now()
			ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, limit); err != nil {
			return fmt.Errorf("claim outbox rows: %w", err)
		}
		claimed = len(rows)
		if claimed == 0 {
			return nil
		}
		failures, err := apply(ctx, rows)
		if err != nil {
			return err
		}
		var done []int64
		for _, r := range rows {
			ferr, failed := failures[r.ID]
			if !failed || ferr == nil {
				done = append(done, r.ID)
				continue
			}
			attempts := r.Attempts + 1
			if attempts >= MaxOutboxAttempts {
				_, err := tx.ExecContext(ctx, `UPDATE search_outbox SET attempts = $2, last_error = $3, parked_at = now() WHERE id = $1`,
					r.ID, attempts, ferr.Error())
				if err != nil {
					return fmt.Errorf("park outbox row %d: %w", r.ID, err)
				}
				continue
			}
			_, err := tx.ExecContext(ctx, `UPDATE search_outbox SET attempts = $2, last_error = $3,
				next_attempt_at = clock_timestamp() + make_interval(secs => $4) WHERE id = $1`,
				r.ID, attempts, ferr.Error(), Backoff(attempts).Seconds())
			if err != nil {
				return fmt.Errorf("retry outbox row %d: %w", r.ID, err)
			}
		}
		if len(done) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE search_outbox SET done_at = now() WHERE id = ANY ($1)`, pq.Array(done)); err != nil {
				return fmt.Errorf("mark outbox rows done: %w", err)
			}
		}
		return nil
	})
	return claimed, err
}

// Backoff is the wait before attempt n+1: 1 s, 2 s, 4 s … capped at 5 min,
// with up to 50 % random jitter so failing instances do not retry in step.
func Backoff(attempts int) time.Duration {
	d := time.Second << min(attempts-1, 9)
	if d > 5*time.Minute {
		d = 5 * time.Minute
	}
	return d/2 + time.Duration(jitter(int64(d/2)))
}

// OutboxState is what /metrics and readiness report about the outbox.
type OutboxState struct {
	Pending          int           `db:"pending"`
	Parked           int           `db:"parked"`
	OldestPendingAge time.Duration `db:"-"`
	OldestSeconds    float64       `db:"oldest_seconds"`
}

// OutboxState counts pending and parked rows and the age of the oldest pending one.
func (s *Store) OutboxState(ctx context.Context) (OutboxState, error) {
	var st OutboxState
	err := s.db.GetContext(ctx, &st, `SELECT
		count(*) FILTER (WHERE done_at IS NULL AND parked_at IS NULL) AS pending,
		count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
		COALESCE(EXTRACT(EPOCH FROM now() - min(enqueued_at) FILTER (WHERE done_at IS NULL AND parked_at IS NULL)), 0) AS oldest_seconds
		FROM search_outbox`)
	st.OldestPendingAge = time.Duration(st.OldestSeconds * float64(time.Second))
	return st, err
}

// MaxOutboxID is the newest outbox row id (0 when empty); reindex replays
// the rows after it once its new index is live.
func (s *Store) MaxOutboxID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT COALESCE(max(id), 0) FROM search_outbox`)
	return id, err
}

// ReplayOutboxAfter makes every row after id pending again, so changes
// applied to an index that has since been replaced reach the new one.
func (s *Store) ReplayOutboxAfter(ctx context.Context, id int64) (int64, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE search_outbox SET done_at = NULL, next_attempt_at = now()
		WHERE id > $1 AND done_at IS NOT NULL`, id)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if n > 0 {
		_, err = s.db.ExecContext(ctx, `SELECT pg_notify('search_outbox', 'replay')`)
	}
	return n, err
}

// PruneOutbox deletes rows done more than keep ago.
func (s *Store) PruneOutbox(ctx context.Context, keep time.Duration) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM search_outbox WHERE done_at < now() - make_interval(secs => $1)`, keep.Seconds())
	return err
}
