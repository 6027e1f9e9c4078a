package store

import (
	"context"

	"github.com/lib/pq"
)

// The search worker re-reads the public entries that changed, by id, and
// reindex walks them all in id order after a cursor. Public (entries.go)
// takes a PublicSelection and reads the type's public_* view (migrations/00008_public_views.sql): the same rule as the
// pages.

// PublicSelection picks public entries of one type: those with the given
// ids (all when empty), with id greater than After, at most Limit.
type PublicSelection struct {
	IDs   []int64
	After int64
	Limit int
}

func (p PublicSelection) args() []any {
	limit := p.Limit
	if limit <= 0 {
		limit = len(p.IDs)
		if limit == 0 {
			limit = 1000
		}
	}
	ids := p.IDs
	if ids == nil {
		ids = []int64{}
	}
	return []any{pq.Array(ids), p.After, limit}
}

// EntryVersion is the identity and version of one public entry.
type EntryVersion struct {
	Type    string `db:"entity_type"`
	ID      int64  `db:"id"`
	Version int    `db:"version"`
}

// publicVersionsSQL reads public_entries (migrations/00024_public_entries.sql):
// every type's public view in one.
const publicVersionsSQL = `SELECT entity_type, id, version FROM public_entries`

// PublicVersions lists every public entry with its version, for comparing
// the search index with the database.
func (s *Store) PublicVersions(ctx context.Context) ([]EntryVersion, error) {
	var out []EntryVersion
	err := s.reader(ctx).SelectContext(ctx, &out, publicVersionsSQL)
	return out, err
}

// IsPublic tells whether the entry of type typ and id is public, by the
// same views as everything else.
func (s *Store) IsPublic(ctx context.Context, typ string, id int64) (bool, error) {
	var ok bool
	err := s.reader(ctx).GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM public_entries WHERE entity_type = $1 AND id = $2)`, typ, id)
	return ok, err
}
