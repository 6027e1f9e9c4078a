package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Batch writes several entries in one transaction: all land or none do.
// The seed and the importer use it. Its Create methods sit with their
// aggregates (job.go, company.go, …).
type Batch struct {
	tx *sqlx.Tx
}

// Batch runs fn in one transaction.
func (s *Store) Batch(ctx context.Context, fn func(b *Batch) error) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return fn(&Batch{tx: tx}) })
}

// Update saves an entry (a *domain.Job, *domain.Company, …) if its version
// is still current; else ErrConflict. ErrUnchanged: nothing would change.
func (b *Batch) Update(ctx context.Context, entry any) error {
	for _, t := range entryTables {
		if handled, err := t.update(ctx, b.tx, entry); handled {
			return err
		}
	}
	return fmt.Errorf("store: cannot update a %T", entry)
}

// errRollback ends a transaction that only asked a question.
var errRollback = errors.New("rolled back")

// WouldChange tells whether saving entry would change its row, by trying
// the save in a transaction that is rolled back: a dry run asks exactly
// what the real save decides.
func (s *Store) WouldChange(ctx context.Context, entry any) (bool, error) {
	changed := false
	err := s.Batch(ctx, func(b *Batch) error {
		err := b.Update(ctx, entry)
		switch {
		case err == nil:
			changed = true
		case !errors.Is(err, ErrUnchanged):
			return err
		}
		return errRollback
	})
	if errors.Is(err, errRollback) {
		return changed, nil
	}
	return false, err
}
