package store

import (
	"context"
	"database/sql"
	"errors"
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

// ProcessOutbox claims up to limit of replica's due deliveries (FOR
// UPDATE SKIP LOCKED, so several portal instances share the work), hands
// their outbox rows to apply, and records each outcome in the same
// transaction: delivered (the delivery row goes; the outbox row is done
// once no replica lacks it), retried later with backoff, or parked after
// MaxOutboxAttempts. apply returns the rows that failed on their own (a
// document the engine refused); an error for the whole batch (the engine
// unreachable) leaves every delivery as it was, with no attempt counted:
// an outage is not the rows' fault. It returns how many rows it claimed.
func (s *Store) ProcessOutbox(ctx context.Context, replica string, limit int, apply func(context.Context, []OutboxRow) (map[int64]error, error)) (int, error) {
	var claimed int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var rows []OutboxRow
		if err := tx.SelectContext(ctx, &rows, claimDeliveriesSQL, replica, limit); err != nil {
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
				if _, err := tx.ExecContext(ctx, parkDeliverySQL, replica, r.ID, attempts, ferr.Error()); err != nil {
					return fmt.Errorf("park outbox row %d: %w", r.ID, err)
				}
				continue
			}
			if _, err := tx.ExecContext(ctx, retryDeliverySQL, replica, r.ID, attempts, ferr.Error(), Backoff(attempts).Seconds()); err != nil {
				return fmt.Errorf("retry outbox row %d: %w", r.ID, err)
			}
		}
		if len(done) > 0 {
			if _, err := tx.ExecContext(ctx, deliveredSQL, replica, pq.Array(done)); err != nil {
				return fmt.Errorf("mark outbox rows done: %w", err)
			}
		}
		return nil
	})
	return claimed, err
}

const (
	// The delivery's attempts are the row's, for this replica.
	claimDeliveriesSQL = `SELECT o.id, o.entity_type, o.entity_id, o.op, d.attempts
  FROM search_deliveries d JOIN search_outbox o ON o.id = d.outbox_id
 WHERE d.replica = $1 AND d.parked_at IS NULL AND d.next_attempt_at <= now()
 ORDER BY d.outbox_id LIMIT $2 FOR UPDATE OF d SKIP LOCKED`
	// A parked or retried delivery shows on its outbox row too, which is
	// what operators and /metrics look at.
	parkDeliverySQL = `WITH d AS (
  UPDATE search_deliveries SET attempts = $3, last_error = $4, parked_at = now()
   WHERE replica = $1 AND outbox_id = $2)
UPDATE search_outbox SET attempts = GREATEST(attempts, $3), last_error = $4, parked_at = now() WHERE id = $2`
	retryDeliverySQL = `WITH d AS (
  UPDATE search_deliveries SET attempts = $3, last_error = $4,
         next_attempt_at = clock_timestamp() + make_interval(secs => $5)
   WHERE replica = $1 AND outbox_id = $2)
UPDATE search_outbox SET attempts = GREATEST(attempts, $3), last_error = $4 WHERE id = $2`
	deliveredSQL = `WITH gone AS (
  DELETE FROM search_deliveries WHERE replica = $1 AND outbox_id = ANY ($2) RETURNING outbox_id)
UPDATE search_outbox o SET done_at = now()
 WHERE o.id IN (SELECT outbox_id FROM gone) AND o.done_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM search_deliveries d
                    WHERE d.outbox_id = o.id AND NOT (d.replica = $1 AND d.outbox_id = ANY ($2)))`
)

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

// ReplayOutbox makes every change after id pending again for replica, so
// changes applied to an index that has since been replaced reach the new
// one.
func (s *Store) ReplayOutbox(ctx context.Context, replica string, id int64) (int64, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO search_deliveries (replica, outbox_id)
SELECT $1, id FROM search_outbox WHERE id > $2
ON CONFLICT DO NOTHING`, replica, id)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		if _, err := tx.ExecContext(ctx, `UPDATE search_outbox o SET done_at = NULL, next_attempt_at = now()
 WHERE o.done_at IS NOT NULL AND EXISTS (SELECT 1 FROM search_deliveries d WHERE d.outbox_id = o.id AND d.replica = $1)`, replica); err != nil {
			return err
		}
		if n > 0 {
			_, err = tx.ExecContext(ctx, `SELECT pg_notify('search_outbox', 'replay')`)
		}
		return err
	})
	return n, err
}

// prunedKey is set once done outbox rows have been deleted: from then on a
// new replica cannot catch up from the outbox and must be rebuilt.
const prunedKey = "search_outbox_pruned_at"

// PruneOutbox deletes rows done (by every replica) more than keep ago.
func (s *Store) PruneOutbox(ctx context.Context, keep time.Duration) (int64, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM search_outbox WHERE done_at < now() - make_interval(secs => $1)`, keep.Seconds())
		if err != nil {
			return err
		}
		if n, _ = res.RowsAffected(); n > 0 {
			_, err = tx.ExecContext(ctx, setMetaSQL, prunedKey, time.Now().UTC().Format(time.RFC3339))
		}
		return err
	})
	return n, err
}

// AddReplica registers a search replica if it is new. A new replica gets
// every change still in the outbox, so it catches up from there; if
// changes were already pruned it cannot, and is marked for a rebuild
// (rebuild true). Several portals may add the same replica at once.
func (s *Store) AddReplica(ctx context.Context, name string) (rebuild bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, lockMetaSQL, "search_replica:"+name); err != nil {
			return err
		}
		var known bool
		if err := tx.GetContext(ctx, &rebuild, `SELECT rebuild_needed FROM search_replicas WHERE name = $1`, name); err == nil {
			known = true
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if known {
			return nil
		}
		if err := lockOutbox(ctx, tx); err != nil {
			return err
		}
		var pruned bool
		if err := tx.GetContext(ctx, &pruned, `SELECT EXISTS (SELECT 1 FROM site_meta WHERE key = $1)`, prunedKey); err != nil {
			return err
		}
		rebuild = pruned
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_replicas (name, rebuild_needed) VALUES ($1, $2)`, name, pruned); err != nil {
			return err
		}
		if pruned {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_deliveries (replica, outbox_id) SELECT $1, id FROM search_outbox`, name); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE search_outbox SET done_at = NULL WHERE done_at IS NOT NULL`)
		return err
	})
	return rebuild, err
}

// ForgetReplicasExcept drops the replicas not named (a portal's
// MEILI_URLS, the same on every portal), with their queues: a replica
// taken out of service must not keep changes from being pruned.
func (s *Store) ForgetReplicasExcept(ctx context.Context, names []string) (int64, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM search_replicas WHERE name <> ALL ($1)`, pq.Array(names))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		// Rows only a forgotten replica lacked are done now.
		_, err = tx.ExecContext(ctx, `UPDATE search_outbox o SET done_at = now()
 WHERE o.done_at IS NULL AND o.parked_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM search_deliveries d WHERE d.outbox_id = o.id)
   AND EXISTS (SELECT 1 FROM search_replicas)`)
		return err
	})
	return n, err
}

// lockOutbox waits for the transactions writing to the outbox to end and
// holds new ones back until tx commits (SHARE ROW EXCLUSIVE: it also
// excludes itself, so two replicas joining at once cannot deadlock). The delivery trigger reads the
// replica list when a row is inserted, so a change written while a
// replica joins would otherwise be queued for it neither by the trigger
// (which ran before) nor by the join (which could not see it yet).
func lockOutbox(ctx context.Context, tx *sqlx.Tx) error {
	_, err := tx.ExecContext(ctx, `LOCK TABLE search_outbox IN SHARE ROW EXCLUSIVE MODE`)
	return err
}

// StartRebuild prepares replica for a rebuild from PostgreSQL: from now on
// every change is queued for it again (it is no longer waiting for one),
// and it returns the newest outbox id, after which ReplayOutbox replays.
func (s *Store) StartRebuild(ctx context.Context, replica string) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockOutbox(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_replicas (name) VALUES ($1)
ON CONFLICT (name) DO UPDATE SET rebuild_needed = false`, replica); err != nil {
			return err
		}
		return tx.GetContext(ctx, &id, `SELECT COALESCE(max(id), 0) FROM search_outbox`)
	})
	return id, err
}

// ReplicaState is how far one search replica is behind PostgreSQL.
type ReplicaState struct {
	Name          string  `db:"name"`
	Pending       int     `db:"pending"`
	Parked        int     `db:"parked"`
	OldestSeconds float64 `db:"oldest_seconds"` // age of its oldest undelivered change
	RebuildNeeded bool    `db:"rebuild_needed"`
}

// Lag is the age of the replica's oldest undelivered change.
func (r ReplicaState) Lag() time.Duration {
	return time.Duration(r.OldestSeconds * float64(time.Second))
}

// ReplicaStates reads every registered replica's backlog.
func (s *Store) ReplicaStates(ctx context.Context) ([]ReplicaState, error) {
	var out []ReplicaState
	err := s.db.SelectContext(ctx, &out, `SELECT r.name, r.rebuild_needed,
       count(d.outbox_id) FILTER (WHERE d.parked_at IS NULL) AS pending,
       count(d.outbox_id) FILTER (WHERE d.parked_at IS NOT NULL) AS parked,
       COALESCE(EXTRACT(EPOCH FROM now() - min(o.enqueued_at) FILTER (WHERE d.parked_at IS NULL)), 0) AS oldest_seconds
  FROM search_replicas r
  LEFT JOIN search_deliveries d ON d.replica = r.name
  LEFT JOIN search_outbox o ON o.id = d.outbox_id
 GROUP BY r.name, r.rebuild_needed ORDER BY r.name`)
	return out, err
}
