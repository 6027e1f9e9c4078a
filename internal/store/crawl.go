package store

import (
	"context"
	"time"
)

// What feeds, sitemaps and the page of a retired entry read, for any entry
// table: {public_table} is its public_* view (migrations/00008), so these
// list exactly what the pages show.

// SitemapEntry is one public entry as a sitemap lists it.
type SitemapEntry struct {
	ID        int64     `db:"id"`
	Slug      string    `db:"slug"`
	UpdatedAt time.Time `db:"updated_at"`
}

// PublicExtent is how many public entries a table has and when the last
// of them changed (zero when there are none).
type PublicExtent struct {
	Count     int        `db:"count"`
	UpdatedAt *time.Time `db:"updated_at"`
}

const publicExtentSQL = `SELECT count(*) AS count, max(updated_at) AS updated_at FROM {public_table}`

// PublicExtent counts t's public entries.
func (s *Store) PublicExtent(ctx context.Context, t Table) (PublicExtent, error) {
	var e PublicExtent
	if err := checkTable(t); err != nil {
		return e, err
	}
	return e, get(ctx, s.reader(ctx), &e, forTable(publicExtentSQL, t))
}

const publicSitemapSQL = `SELECT id, slug, updated_at FROM {public_table} ORDER BY id LIMIT $1 OFFSET $2`

// PublicSitemap lists t's public entries in id order, a page at a time.
func (s *Store) PublicSitemap(ctx context.Context, t Table, offset, limit int) ([]SitemapEntry, error) {
	if err := checkTable(t); err != nil {
		return nil, err
	}
	out := make([]SitemapEntry, 0, limit)
	return out, s.reader(ctx).SelectContext(ctx, &out, forTable(publicSitemapSQL, t), limit, offset)
}

const publicNewestSQL = `SELECT id FROM {public_table} ORDER BY published_at DESC NULLS LAST, id DESC LIMIT $1`

// PublicNewest is the ids of t's most recently published public entries,
// newest first.
func (s *Store) PublicNewest(ctx context.Context, t Table, limit int) ([]int64, error) {
	if err := checkTable(t); err != nil {
		return nil, err
	}
	var out []int64
	return out, s.reader(ctx).SelectContext(ctx, &out, forTable(publicNewestSQL, t), limit)
}

// An entry of both cities (city NULL or "both") is near every city.
const publicNearSQL = `SELECT id FROM {live_table}
WHERE id <> $2 AND ($1 = '' OR city IS NULL OR city = $1 OR city = 'both')
ORDER BY published_at DESC NULLS LAST, id DESC LIMIT $3`

// PublicNear is the ids of t's newest live entries (public, and a job
// still open) of city, but not except: what a retired entry's page offers
// instead.
func (s *Store) PublicNear(ctx context.Context, t Table, city string, except int64, limit int) ([]int64, error) {
	if err := checkTable(t); err != nil {
		return nil, err
	}
	var out []int64
	return out, s.reader(ctx).SelectContext(ctx, &out, forTable(publicNearSQL, t), city, except, limit)
}

const archivedAtSQL = `SELECT max(at) FROM audit_log WHERE entity_type = $1 AND entity_id = $2 AND action = 'archive'`

// ArchivedAt is when an entry was last archived, from the audit trail;
// ErrNotFound when it never was.
func (s *Store) ArchivedAt(ctx context.Context, entityType string, id int64) (time.Time, error) {
	var at *time.Time
	if err := get(ctx, s.reader(ctx), &at, archivedAtSQL, entityType, id); err != nil {
		return time.Time{}, err
	}
	if at == nil {
		return time.Time{}, ErrNotFound
	}
	return *at, nil
}
