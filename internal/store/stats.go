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

// citiesAtAGlanceSQL reads the public views only: one statement over every
// entry type, so it lives here rather than with one aggregate.
const citiesAtAGlanceSQL = `SELECT ci.code, ci.province_code, ci.name_vi, ci.name_en, ci.short_vi,
	(SELECT count(*) FROM open_jobs j WHERE j.city = ci.code) AS open_jobs,
	(SELECT COALESCE(sum(j.positions), 0) FROM open_jobs j WHERE j.city = ci.code) AS open_positions,
	(SELECT count(*) FROM public_companies c WHERE c.city = ci.code) AS companies,
	(SELECT count(*) FROM public_schools s WHERE s.city = ci.code) AS schools,
	(SELECT count(*) FROM public_programs p WHERE p.city = ci.code) AS programs,
	(SELECT COALESCE(sum(p.quota), 0) FROM public_programs p WHERE p.city = ci.code) AS quota,
	(SELECT count(*) FROM public_projects p WHERE p.city = ci.code) AS projects
FROM cities ci ORDER BY ci.sort_order, ci.code`

// CitiesAtAGlance counts what each city has published; only public entries count.
func (s *Store) CitiesAtAGlance(ctx context.Context) ([]CityGlance, error) {
	var out []CityGlance
	err := s.reader(ctx).SelectContext(ctx, &out, citiesAtAGlanceSQL)
	return out, err
}
