package store

import (
	"context"

	"hoptac/internal/domain"
)

// CityGlance is one city's published totals for the home page.
type CityGlance struct {
	domain.City
	OpenJobs      int `db:"open_jobs"`
	OpenPositions int `db:"open_positions"`
	Companies     int `db:"companies"`
	Schools       int `db:"schools"`
	Programs      int `db:"programs"`
	Quota         int `db:"quota"`
	Projects      int `db:"projects"`
}

// CitiesAtAGlance counts what each city has published; only public entries count.
func (s *Store) CitiesAtAGlance(ctx context.Context) ([]CityGlance, error) {
	var out []CityGlance
	err := s.db.SelectContext(ctx, &out, `SELECT ci.code, ci.province_code, ci.name_vi, ci.name_en, ci.short_vi,
	(SELECT count(*) FROM jobs j JOIN companies c ON c.id = j.company_id
	  WHERE j.city = ci.code AND j.status = 'published' AND c.status = 'published'
	    AND (j.deadline IS NULL OR j.deadline >= vn_today())) AS open_jobs,
	(SELECT COALESCE(sum(j.positions), 0) FROM jobs j JOIN companies c ON c.id = j.company_id
	  WHERE j.city = ci.code AND j.status = 'published' AND c.status = 'published'
	    AND (j.deadline IS NULL OR j.deadline >= vn_today())) AS open_positions,
	(SELECT count(*) FROM companies c WHERE c.city = ci.code AND c.status = 'published') AS companies,
	(SELECT count(*) FROM schools s WHERE s.city = ci.code AND s.status = 'published') AS schools,
	(SELECT count(*) FROM programs p JOIN schools s ON s.id = p.school_id
	  WHERE p.city = ci.code AND p.status = 'published' AND s.status = 'published') AS programs,
	(SELECT COALESCE(sum(p.quota), 0) FROM programs p JOIN schools s ON s.id = p.school_id
	  WHERE p.city = ci.code AND p.status = 'published' AND s.status = 'published') AS quota,
	(SELECT count(*) FROM projects p WHERE p.city = ci.code AND p.status = 'published') AS projects
	FROM cities ci ORDER BY ci.sort_order, ci.code`)
	return out, err
}
