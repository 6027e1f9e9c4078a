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

const publicStatsSQL = `SELECT 'job' AS entity_type, count(*) AS n, max(updated_at) AS updated_at FROM public_jobs
UNION ALL SELECT 'company', count(*), max(updated_at) FROM public_companies
UNION ALL SELECT 'school', count(*), max(updated_at) FROM public_schools
UNION ALL SELECT 'program', count(*), max(updated_at) FROM public_programs
UNION ALL SELECT 'policy', count(*), max(updated_at) FROM public_policies
UNION ALL SELECT 'project', count(*), max(updated_at) FROM public_projects
UNION ALL SELECT 'commitment', count(*), max(updated_at) FROM public_commitments`

// PublicStats counts the public entries of every type, by type name.
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
