package store

import (
	"context"

	"hoptac/internal/domain"
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

// jobJoins brings in what a job shows of its company and ward.
const jobJoins = `JOIN companies c ON c.id = j.company_id LEFT JOIN wards w ON w.code = j.ward_code`

// jobsListWhere and jobsListOrder are the list's filters and its order, read from jobs (the back
// office, any status) or public_jobs (the public, whose company is public).
const jobsListWhere = ` j ` + jobJoins + `
JOIN cities ci ON ci.code = j.city
WHERE j.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR j.updated_at >= :updated_since)
  AND (:city = '' OR j.city = :city)
  AND (:ward = '' OR j.ward_code = :ward)
  AND (:occupation = '' OR j.occupation_code = :occupation)
  AND (:industry = '' OR c.industry_code = :industry)
  AND (:employment_type = '' OR j.employment_type = :employment_type)
  AND (:education = '' OR j.education IN (SELECT code FROM education_levels
        WHERE rank <= (SELECT rank FROM education_levels WHERE code = :education)))
  AND (:wage_min = 0 OR COALESCE(j.wage_max, j.wage_min) >= :wage_min)
  AND (:company_id = 0 OR j.company_id = :company_id)
  AND (:priority_group = '' OR :priority_group = ANY (j.priority_groups))
  AND (:include_expired OR job_is_open(j.deadline))
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', j.title, j.description, j.requirements, c.name,
                 j.work_address, w.name, w.former_units, ci.name_vi)))) = 0))`

const jobsListOrder = `CASE WHEN :sort = 'wage' THEN COALESCE(j.wage_max, j.wage_min) END DESC NULLS LAST,
         CASE WHEN :sort = 'deadline' THEN j.deadline END ASC NULLS LAST,
         j.published_at DESC NULLS LAST, j.id DESC`

// Jobs lists jobs; by default only published ones whose deadline has not passed.
func (s *Store) Jobs(ctx context.Context, f JobFilter) (List[domain.Job], error) {
	return listOf(ctx, s, &f.Status, &f, &f.Paging, func(r jobRow) (domain.Job, int) { return r.Job, r.Total })
}

// Job returns one job whatever its status; callers decide who may see it.
func (s *Store) Job(ctx context.Context, id int64) (domain.Job, error) {
	return ByID[domain.Job](ctx, s, id)
}

const jobInsertSQL = `INSERT INTO jobs (slug, status, external_id, department_code, published_at,
	company_id, title, occupation_version, occupation_code, positions, wage_min, wage_max,
	employment_type, education, experience_years, work_address, ward_code, city,
	requirements, benefits, description, deadline, contact, priority_groups)
VALUES (` + entryInsertValues + `,
	:company_id, :title, :occupation_version, :occupation_code, :positions, :wage_min, :wage_max,
	:employment_type, :education, :experience_years, :work_address, :ward_code, :city,
	:requirements, :benefits, :description, :deadline, :contact, :priority_groups)
` + entryInsertReturning

const jobUpdateSQL = `UPDATE jobs SET slug = :slug, external_id = :external_id,
	company_id = :company_id, title = :title, occupation_code = :occupation_code, positions = :positions,
	wage_min = :wage_min, wage_max = :wage_max, employment_type = :employment_type, education = :education,
	experience_years = :experience_years, work_address = :work_address, ward_code = :ward_code, city = :city,
	requirements = :requirements, benefits = :benefits, description = :description, deadline = :deadline,
	contact = :contact, priority_groups = :priority_groups,
	` + entryUpdateTail

// jobDefaults fills in an empty priority list and, on a new job, the
// occupation list's version (an update does not change it).
func jobDefaults(j *domain.Job, isNew bool) {
	if j.PriorityGroups == nil {
		j.PriorityGroups = []string{}
	}
	if isNew && j.OccupationVersion == "" {
		j.OccupationVersion = "VSCO2020"
	}
}

// Jobs is the jobs table.
const Jobs Table = "jobs"

func init() {
	addTable(entryTable{name: Jobs, live: "open_jobs",
		read: entryRead{alias: "j", columns: jobColumns, joins: jobJoins,
			where: jobsListWhere, order: jobsListOrder},
		list: listCols("e.title", "e.external_id", "(SELECT c.name FROM companies c WHERE c.id = e.company_id)")},
		entryOps[domain.Job]{
			insertSQL: jobInsertSQL, updateSQL: jobUpdateSQL,
			title:    func(j *domain.Job) string { return j.Title },
			defaults: jobDefaults,
		})
}
