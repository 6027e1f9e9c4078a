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

// entryVersionSQL tells, after an update hit nothing, a missing row from a
// stale version and from a save that changed nothing.
const entryVersionSQL = `SELECT version FROM {table} WHERE id = $1`

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
		err = staleOrMissing(ctx, tx, t, id, version)
		if errors.Is(err, ErrUnchanged) { // already in that status, for that reason
			return version, nil
		}
		return 0, err
	}
	return newVersion, err
}

// updateChecked runs an optimistic UPDATE … WHERE id AND version RETURNING
// into meta and explains an empty result: ErrNotFound, ErrConflict, or
// ErrUnchanged when the row already holds these values.
func updateChecked(ctx context.Context, tx *sqlx.Tx, meta *domain.Meta, query string, arg any, t Table) error {
	err := getNamed(ctx, tx, meta, query, arg)
	if errors.Is(err, ErrNotFound) {
		return staleOrMissing(ctx, tx, t, meta.ID, meta.Version)
	}
	return err
}

func staleOrMissing(ctx context.Context, tx *sqlx.Tx, t Table, id int64, version int) error {
	var current int
	err := get(ctx, tx, &current, forTable(entryVersionSQL, t), id)
	switch {
	case errors.Is(err, ErrNotFound):
		return ErrNotFound
	case err != nil:
		return fmt.Errorf("check %s %d: %w", t, id, err)
	case current == version:
		return ErrUnchanged
	}
	return ErrConflict
}
