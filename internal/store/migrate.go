package store

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"

	"hoptac/migrations"
)

// migrations is the migration provider of s's database.
func (s *Store) migrations() (*goose.Provider, error) {
	p, err := goose.NewProvider(goose.DialectPostgres, s.db.DB, migrations.FS)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// Migrate applies every pending migration and returns how many it applied.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	p, err := s.migrations()
	if err != nil {
		return 0, err
	}
	res, err := p.Up(ctx)
	if err != nil {
		return len(res), fmt.Errorf("migrate up: %w", err)
	}
	return len(res), nil
}

// MigrateDownAll rolls every migration back (tests prove they are reversible).
func (s *Store) MigrateDownAll(ctx context.Context) error {
	p, err := s.migrations()
	if err != nil {
		return err
	}
	if _, err := p.DownTo(ctx, 0); err != nil {
		return fmt.Errorf("migrate down: %w", err)
	}
	return nil
}

// PendingMigrations tells how many migrations are not applied yet; serve
// refuses to start on an out-of-date schema.
func (s *Store) PendingMigrations(ctx context.Context) (int, error) {
	p, err := s.migrations()
	if err != nil {
		return 0, err
	}
	status, err := p.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("migration status: %w", err)
	}
	n := 0
	for _, st := range status {
		if st.State == goose.StatePending {
			n++
		}
	}
	return n, nil
}
