package store

import (
	"context"
	"time"
)

// PublicStat is how many public entries one type has and when the last of
// them changed, for the open-data page and its catalogue.
type PublicStat struct {
	Type      string     `db:"entity_type"`
	Count     int        `db:"n"`
	UpdatedAt *time.Time `db:"updated_at"`
}

// publicStatsSQL counts public_entries (migrations/00024_public_entries.sql)
// by type; a type without public entries has no row.
const publicStatsSQL = `SELECT entity_type, count(*) AS n, max(updated_at) AS updated_at FROM public_entries GROUP BY entity_type`

// PublicStats counts the public entries of every type, by type name; a
// type without any is missing (its zero PublicStat).
func (s *Store) PublicStats(ctx context.Context) (map[string]PublicStat, error) {
	var rows []PublicStat
	if err := s.reader(ctx).SelectContext(ctx, &rows, publicStatsSQL); err != nil {
		return nil, err
	}
	out := make(map[string]PublicStat, len(rows))
	for _, r := range rows {
		out[r.Type] = r
	}
	return out, nil
}
