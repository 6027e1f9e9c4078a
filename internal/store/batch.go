package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Batch writes several entries in one transaction: all land or none do.
// The seed and the importer use it; Create is in entries.go.
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

// Savepoint runs fn inside the batch so that, if fn fails, what fn wrote
// is undone and the batch goes on: one row of a dry run that is refused
// leaves the rows before it in place.
func (b *Batch) Savepoint(ctx context.Context, fn func(b *Batch) error) error {
	if _, err := b.tx.ExecContext(ctx, `SAVEPOINT row_write`); err != nil {
		return translate(err)
	}
	if err := fn(b); err != nil {
		if _, rerr := b.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT row_write`); rerr != nil {
			return errors.Join(err, translate(rerr))
		}
		return err
	}
	if _, err := b.tx.ExecContext(ctx, `RELEASE SAVEPOINT row_write`); err != nil {
		return translate(err)
	}
	return nil
}

// RolledBack runs fn in one transaction that is always rolled back: it
// does every write for real and keeps none (an import's dry run).
func (s *Store) RolledBack(ctx context.Context, fn func(b *Batch) error) error {
	err := s.Batch(ctx, func(b *Batch) error {
		if err := fn(b); err != nil {
			return err
		}
		return errRollback
	})
	if errors.Is(err, errRollback) {
		return nil
	}
	return err
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
