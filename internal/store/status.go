package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
)

// Table names an entry table. Only the constants below exist, so no
// caller-supplied text ever reaches SQL as an identifier.
type Table string

const (
	Policies    Table = "policies"
	Companies   Table = "companies"
	Jobs        Table = "jobs"
	Schools     Table = "schools"
	Programs    Table = "programs"
	Projects    Table = "projects"
	Commitments Table = "commitments"
)

// statusSQL changes an entry's status if its version is current. Publishing
// stamps published_at once; archiving records the reason shown publicly.
var statusSQL = map[Table]string{
	Policies:    `UPDATE policies SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
	Companies:   `UPDATE companies SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
	Jobs:        `UPDATE jobs SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
	Schools:     `UPDATE schools SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
	Programs:    `UPDATE programs SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
	Projects:    `UPDATE projects SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
	Commitments: `UPDATE commitments SET status = $2, archive_reason = $3, published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $4 RETURNING version`,
}

// existsSQL tells a missing row from a stale version after an update hit nothing.
var existsSQL = map[Table]string{
	Policies:    `SELECT EXISTS (SELECT 1 FROM policies WHERE id = $1)`,
	Companies:   `SELECT EXISTS (SELECT 1 FROM companies WHERE id = $1)`,
	Jobs:        `SELECT EXISTS (SELECT 1 FROM jobs WHERE id = $1)`,
	Schools:     `SELECT EXISTS (SELECT 1 FROM schools WHERE id = $1)`,
	Programs:    `SELECT EXISTS (SELECT 1 FROM programs WHERE id = $1)`,
	Projects:    `SELECT EXISTS (SELECT 1 FROM projects WHERE id = $1)`,
	Commitments: `SELECT EXISTS (SELECT 1 FROM commitments WHERE id = $1)`,
}

// SetStatus moves an entry to status (with a reason when archiving) and
// returns its new version; ErrConflict if version is stale.
func (s *Store) SetStatus(ctx context.Context, t Table, id int64, version int, status domain.Status, reason string) (int, error) {
	query, ok := statusSQL[t]
	if !ok {
		return 0, fmt.Errorf("unknown table %q", t)
	}
	if status != domain.StatusArchived {
		reason = ""
	}
	var newVersion int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		newVersion, err = setStatus(ctx, tx, query, t, id, version, status, reason)
		return err
	})
	return newVersion, err
}

func setStatus(ctx context.Context, tx *sqlx.Tx, query string, t Table, id int64, version int, status domain.Status, reason string) (int, error) {
	var newVersion int
	err := get(ctx, tx, &newVersion, query, id, string(status), reason, version)
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
	if err := tx.GetContext(ctx, &exists, existsSQL[t], id); err != nil {
		return fmt.Errorf("check %s %d: %w", t, id, err)
	}
	if exists {
		return ErrConflict
	}
	return ErrNotFound
}
