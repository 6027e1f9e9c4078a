package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// JobFilter selects jobs. Zero values mean "any".
type JobFilter struct {
	Paging
	Status         string `db:"status"`
	Q              string `db:"q"`
	City           string `db:"city"`
	Ward           string `db:"ward"`
	Occupation     string `db:"occupation"`
	Industry       string `db:"industry"`
	EmploymentType string `db:"employment_type"`
	// Education is the job seeker's own level: jobs asking at most this.
	Education      string `db:"education"`
	WageMin        int64  `db:"wage_min"`
	CompanyID      int64  `db:"company_id"`
	PriorityGroup  string `db:"priority_group"`
	IncludeExpired bool   `db:"include_expired"`
	// Sort is "" (newest), "wage" or "deadline".
	Sort string `db:"sort"`
}

type jobRow struct {
	domain.Job
	Total int `db:"total_count"`
}

const jobColumns = `j.id, j.slug, j.status, j.external_id, j.department_code, j.archive_reason,
	j.created_at, j.updated_at, j.published_at, j.version,
	j.company_id, j.title, j.occupation_version, j.occupation_code, j.positions,
	j.wage_min, j.wage_max, j.employment_type, j.education, j.experience_years,
	j.work_address, j.ward_code, j.city, j.requirements, j.benefits, j.description,
	j.deadline, j.contact, j.priority_groups,
	c.name AS company_name, c.slug AS company_slug, c.tax_code AS company_tax_code,
	COALESCE(w.name, '') AS ward_name`

// A job is public only while its company is public too.
const jobsListSQL = `SELECT ` + jobColumns + `, count(*) OVER () AS total_count
FROM jobs j
JOIN companies c ON c.id = j.company_id
LEFT JOIN wards w ON w.code = j.ward_code
JOIN cities ci ON ci.code = j.city
WHERE j.status = :status
  AND (:status <> 'published' OR c.status = 'published')
  AND (:city = '' OR j.city = :city)
  AND (:ward = '' OR j.ward_code = :ward)
  AND (:occupation = '' OR j.occupation_code = :occupation)
  AND (:industry = '' OR c.industry_code = :industry)
  AND (:employment_type = '' OR j.employment_type = :employment_type)
  AND (:education = '' OR array_position(ARRAY['none','lower_secondary','upper_secondary','so_cap','trung_cap','cao_dang','university'], j.education)
                       <= array_position(ARRAY['none','lower_secondary','upper_secondary','so_cap','trung_cap','cao_dang','university'], :education))
  AND (:wage_min = 0 OR COALESCE(j.wage_max, j.wage_min) >= :wage_min)
  AND (:company_id = 0 OR j.company_id = :company_id)
  AND (:priority_group = '' OR :priority_group = ANY (j.priority_groups))
  AND (:include_expired OR j.deadline IS NULL OR j.deadline >= vn_today())
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', j.title, j.description, j.requirements, c.name,
                 j.work_address, w.name, w.former_units, ci.name_vi)))) = 0))
ORDER BY CASE WHEN :sort = 'wage' THEN COALESCE(j.wage_max, j.wage_min) END DESC NULLS LAST,
         CASE WHEN :sort = 'deadline' THEN j.deadline END ASC NULLS LAST,
         j.published_at DESC NULLS LAST, j.id DESC
LIMIT :limit OFFSET :offset`

// Jobs lists jobs; by default only published ones whose deadline has not passed.
func (s *Store) Jobs(ctx context.Context, f JobFilter) (List[domain.Job], error) {
	f.Paging.normalize()
	f.Status = publicStatus(f.Status)
	return runList(ctx, s.db, jobsListSQL, &f, &f.Paging, func(r jobRow) (domain.Job, int) { return r.Job, r.Total })
}

// Job returns one job whatever its status; callers decide who may see it.
func (s *Store) Job(ctx context.Context, id int64) (domain.Job, error) {
	var j domain.Job
	err := get(ctx, s.db, &j, `SELECT `+jobColumns+`
FROM jobs j JOIN companies c ON c.id = j.company_id LEFT JOIN wards w ON w.code = j.ward_code
WHERE j.id = $1`, id)
	return j, err
}

const jobInsertSQL = `INSERT INTO jobs (slug, status, external_id, department_code, published_at,
	company_id, title, occupation_version, occupation_code, positions, wage_min, wage_max,
	employment_type, education, experience_years, work_address, ward_code, city,
	requirements, benefits, description, deadline, contact, priority_groups)
VALUES (:slug, :status, :external_id, :department_code,
	CASE WHEN :status = 'published' THEN COALESCE(CAST(:published_at AS timestamptz), now()) END,
	:company_id, :title, :occupation_version, :occupation_code, :positions, :wage_min, :wage_max,
	:employment_type, :education, :experience_years, :work_address, :ward_code, :city,
	:requirements, :benefits, :description, :deadline, :contact, :priority_groups)
RETURNING id, created_at, updated_at, published_at, version`

// CreateJob inserts j and fills in its id, timestamps and version.
func (s *Store) CreateJob(ctx context.Context, j *domain.Job) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return createJob(ctx, tx, j) })
}

func createJob(ctx context.Context, tx *sqlx.Tx, j *domain.Job) error {
	j.Slug = vn.Slug(j.Title)
	if j.Status == "" {
		j.Status = domain.StatusDraft
	}
	if j.PriorityGroups == nil {
		j.PriorityGroups = []string{}
	}
	if j.OccupationVersion == "" {
		j.OccupationVersion = "VSCO2020"
	}
	return getNamed(ctx, tx, &j.Meta, jobInsertSQL, j)
}

const jobUpdateSQL = `UPDATE jobs SET slug = :slug, external_id = :external_id,
	company_id = :company_id, title = :title, occupation_code = :occupation_code, positions = :positions,
	wage_min = :wage_min, wage_max = :wage_max, employment_type = :employment_type, education = :education,
	experience_years = :experience_years, work_address = :work_address, ward_code = :ward_code, city = :city,
	requirements = :requirements, benefits = :benefits, description = :description, deadline = :deadline,
	contact = :contact, priority_groups = :priority_groups,
	updated_at = now(), version = version + 1
WHERE id = :id AND version = :version
RETURNING id, created_at, updated_at, published_at, version, status`

// UpdateJob saves j if j.Version is still current; else ErrConflict.
func (s *Store) UpdateJob(ctx context.Context, j *domain.Job) error {
	return s.Batch(ctx, func(b *Batch) error { return b.Update(ctx, j) })
}
