package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// AnalyzeEntries refreshes the planner's statistics of the entry tables.
// Call it after writing many rows at once (seed.Generate): until autovacuum
// gets to them, if it runs at all, the planner sees the tables as empty and
// picks nested loops that turn the reindex's joins from a fraction of a
// second into minutes. ANALYZE may outlast the statement timeout on large
// tables, so it runs without one.
func (s *Store) AnalyzeEntries(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL statement_timeout = 0`); err != nil {
			return err
		}
		for _, t := range entryTables {
			if _, err := tx.ExecContext(ctx, forTable(`ANALYZE {table}`, t.name)); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `ANALYZE search_outbox, search_docs`)
		return err
	})
}
