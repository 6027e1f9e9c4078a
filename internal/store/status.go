package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
)

// setStatusSQL changes an entry's status if its version is current, one
// statement for every entry table. Publishing stamps published_at once;
// archiving records the reason shown publicly.
const setStatusSQL = `UPDATE {table} SET status = $2, archive_reason = $3,
	published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
	updated_at = now(), version = version + 1
WHERE id = $1 AND version = $4
RETURNING version`

// entryExistsSQL tells a missing row from a stale version after an update hit nothing.
const entryExistsSQL = `SELECT EXISTS (SELECT 1 FROM {table} WHERE id = $1)`

// SetStatus moves an entry to status (with a reason when archiving) and
// returns its new version; ErrConflict if version is stale.
func (s *Store) SetStatus(ctx context.Context, t Table, id int64, version int, status domain.Status, reason string) (int, error) {
	if err := checkTable(t); err != nil {
		return 0, err
	}
	var newVersion int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		newVersion, err = setStatus(ctx, tx, t, id, version, status, reason)
		return err
	})
	return newVersion, err
}

// SetStatus moves an entry to status inside the batch; see Store.SetStatus.
func (b *Batch) SetStatus(ctx context.Context, t Table, id int64, version int, status domain.Status, reason string) (int, error) {
	if err := checkTable(t); err != nil {
		return 0, err
	}
	return setStatus(ctx, b.tx, t, id, version, status, reason)
}

func setStatus(ctx context.Context, tx *sqlx.Tx, t Table, id int64, version int, status domain.Status, reason string) (int, error) {
	if status != domain.StatusArchived {
		reason = ""
	}
	var newVersion int
	err := get(ctx, tx, &newVersion, forTable(setStatusSQL, t), id, string(status), reason, version)
	if errors.Is(err, ErrNotFound) {
		return 0, staleOrMissing(ctx, tx, t, id)
	}
	return newVersion, err
}

// updateChecked runs an optimistic UPDATE … WHERE id AND version RETURNING
// into meta and explains an empty result.
func updateChecked(ctx context.Context, tx *sqlx.Tx, meta *domain.Meta, query string, arg any, t Table) error {
	err := getNamed(ctx, tx, meta, query, arg)
	if errors.Is(err, ErrNotFound) {
		return staleOrMissing(ctx, tx, t, meta.ID)
	}
	return err
}

func staleOrMissing(ctx context.Context, tx *sqlx.Tx, t Table, id int64) error {
	var exists bool
	if err := tx.GetContext(ctx, &exists, forTable(entryExistsSQL, t), id); err != nil {
		return fmt.Errorf("check %s %d: %w", t, id, err)
	}
	if exists {
		return ErrConflict
	}
	return ErrNotFound
}
