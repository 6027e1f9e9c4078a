package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// DemoDataKey is the site_meta key the demo seed sets (to the time it
// loaded); while it is set, every page says the data is a demonstration.
const DemoDataKey = "demo_data_loaded_at"

const (
	metaSQL    = `SELECT value FROM site_meta WHERE key = $1`
	setMetaSQL = `INSERT INTO site_meta (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`
	lockMetaSQL = `SELECT pg_advisory_xact_lock(hashtext($1))`
)

// Meta reads a site_meta value; ErrNotFound if unset.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	return meta(ctx, s.db, key)
}

// Meta reads a site_meta value inside the batch; ErrNotFound if unset.
func (b *Batch) Meta(ctx context.Context, key string) (string, error) {
	return meta(ctx, b.tx, key)
}

// SetMeta writes a site_meta value inside the batch.
func (b *Batch) SetMeta(ctx context.Context, key, value string) error {
	_, err := b.tx.ExecContext(ctx, setMetaSQL, key, value)
	return err
}

// LockMeta takes a transaction-level advisory lock so two seeds started at
// once cannot both load the data.
func (b *Batch) LockMeta(ctx context.Context, key string) error {
	_, err := b.tx.ExecContext(ctx, lockMetaSQL, key)
	return err
}

func meta(ctx context.Context, q sqlx.QueryerContext, key string) (string, error) {
	var v string
	err := sqlx.GetContext(ctx, q, &v, metaSQL, key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return v, err
}
