package store

import (
	"context"
)

// Figure is one number pair of a /thong-ke chart: for chart, city and key
// (a code, a month, a company id), N things (posts, schools, programs)
// and V of a second measure (positions, places, budget) — what each chart
// means by them is said where it is drawn (web/stats.go).
type Figure struct {
	Chart string `db:"chart"`
	City  string `db:"city"`
	Key   string `db:"key"`
	Label string `db:"label"`
	N     int64  `db:"n"`
	V     int64  `db:"v"`
}

// figuresSQL reads the public views only, as the API and the pages do:
// drafts, archived entries, entries whose parent is not public and jobs
// past their deadline count nowhere. Wage bands use the lower bound of the
// offer (the upper one when only it is given).
const figuresSQL = `
SELECT 'jobs_vsco' AS chart, j.city, j.occupation_code AS key, '' AS label, count(*) AS n, CAST(COALESCE(sum(j.positions), 0) AS bigint) AS v
  FROM open_jobs j GROUP BY j.city, j.occupation_code
UNION ALL
SELECT 'jobs_vsic', j.city, c.industry_code, '', count(*), CAST(COALESCE(sum(j.positions), 0) AS bigint)
  FROM open_jobs j JOIN public_companies c ON c.id = j.company_id GROUP BY j.city, c.industry_code
UNION ALL
SELECT 'jobs_education', j.city, j.education, '', count(*), CAST(COALESCE(sum(j.positions), 0) AS bigint)
  FROM open_jobs j GROUP BY j.city, j.education
UNION ALL
SELECT 'jobs_wage', w.city, w.band, '', count(*), CAST(COALESCE(sum(w.positions), 0) AS bigint) FROM (
    SELECT j.city, j.positions, CASE
        WHEN COALESCE(j.wage_min, j.wage_max) IS NULL THEN 'f'
        WHEN COALESCE(j.wage_min, j.wage_max) < 5000000 THEN 'a'
        WHEN COALESCE(j.wage_min, j.wage_max) < 8000000 THEN 'b'
        WHEN COALESCE(j.wage_min, j.wage_max) < 12000000 THEN 'c'
        WHEN COALESCE(j.wage_min, j.wage_max) < 20000000 THEN 'd'
        ELSE 'e' END AS band
      FROM open_jobs j) w GROUP BY w.city, w.band
UNION ALL
SELECT 'jobs_company', t.city, t.key, t.label, t.n, t.v FROM (
    SELECT j.city, CAST(c.id AS text) AS key, c.name AS label, count(*) AS n, CAST(COALESCE(sum(j.positions), 0) AS bigint) AS v,
           row_number() OVER (PARTITION BY j.city ORDER BY sum(j.positions) DESC, count(*) DESC, c.name, c.id) AS rank
      FROM open_jobs j JOIN public_companies c ON c.id = j.company_id GROUP BY j.city, c.id, c.name) t
 WHERE t.rank <= 10
UNION ALL
SELECT 'jobs_month', j.city, to_char(vn_date(j.published_at), 'YYYY-MM'), '', count(*), CAST(COALESCE(sum(j.positions), 0) AS bigint)
  FROM public_jobs j
 WHERE vn_date(j.published_at) >= CAST(date_trunc('month', vn_today()) - interval '11 months' AS date)
 GROUP BY j.city, to_char(vn_date(j.published_at), 'YYYY-MM')
UNION ALL
SELECT 'jobs_priority', j.city, g.code, '', count(*), CAST(COALESCE(sum(j.positions), 0) AS bigint)
  FROM open_jobs j, unnest(j.priority_groups) AS g(code) GROUP BY j.city, g.code
UNION ALL
SELECT 'schools_kind', s.city, s.kind, '', count(*), 0 FROM public_schools s GROUP BY s.city, s.kind
UNION ALL
SELECT 'schools_ownership', s.city, s.ownership, '', count(*), 0 FROM public_schools s GROUP BY s.city, s.ownership
UNION ALL
SELECT 'programs_level', p.city, p.level, '', count(*), CAST(COALESCE(sum(p.quota), 0) AS bigint) FROM public_programs p GROUP BY p.city, p.level
UNION ALL
SELECT 'programs_tuition', p.city, p.level, '', count(p.tuition_vnd), CAST(COALESCE(round(avg(p.tuition_vnd)), 0) AS bigint)
  FROM public_programs p GROUP BY p.city, p.level
UNION ALL
SELECT 'programs_support', p.city, p.level, '', count(*) FILTER (WHERE btrim(p.support) <> ''), count(*)
  FROM public_programs p GROUP BY p.city, p.level
UNION ALL
SELECT 'projects_stage', p.city, p.stage, '', count(*), CAST(COALESCE(sum(p.budget_vnd), 0) AS bigint) FROM public_projects p GROUP BY p.city, p.stage
ORDER BY 1, 2, 3`

// Figures reads every /thong-ke figure in one statement.
func (s *Store) Figures(ctx context.Context) ([]Figure, error) {
	var out []Figure
	err := s.reader(ctx).SelectContext(ctx, &out, figuresSQL)
	return out, err
}
