package store

import (
	"context"
	"time"

	"hoptac/internal/domain"
)

// AdminFilter selects entries of one table for the back office: any
// status unless one is asked.
type AdminFilter struct {
	Paging
	Status string     `db:"status"` // "" for every status
	City   string     `db:"city"`   // "" for every city
	Q      string     `db:"q"`      // words that must all be in the title, key or names
	Since  *time.Time `db:"since"`  // updated at or after
}

// AdminRow is one entry of a back-office list, whatever its type.
type AdminRow struct {
	ID             int64         `db:"id"`
	Slug           string        `db:"slug"`
	Status         domain.Status `db:"status"`
	Version        int           `db:"version"`
	ExternalID     string        `db:"external_id"`
	DepartmentCode string        `db:"department_code"`
	UpdatedAt      time.Time     `db:"updated_at"`
	Title          string        `db:"title"`
	City           string        `db:"city"`
	Key            string        `db:"key"` // tax code, school code or external_id
	Total          int           `db:"total_count"`
}

// adminWhere is the back-office filters, shared by the list and its counts
// ({status} is left out of the counts: they are per status).
const adminWhere = `
WHERE (:city = '' OR e.city = :city OR e.city IS NULL) -- NULL is both cities, so either city's
  AND (CAST(:since AS timestamptz) IS NULL OR e.updated_at >= CAST(:since AS timestamptz))
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> '' AND position(t.word IN lower(unaccent(concat_ws(' ', {search})))) = 0))`

const (
	adminListSQL = `SELECT e.id, e.slug, e.status, e.version, e.external_id, e.department_code, e.updated_at,
	{title} AS title, COALESCE(e.city, 'both') AS city, COALESCE({key}, '') AS key, count(*) OVER () AS total_count
FROM {table} e` + adminWhere + `
  AND (:status = '' OR e.status = :status)
ORDER BY e.updated_at DESC, e.id DESC
LIMIT :limit OFFSET :offset`
	adminCountsSQL = `SELECT e.status, count(*) AS n FROM {table} e` + adminWhere + `
GROUP BY e.status`
)

// AdminList lists entries of table t for the back office, the last
// updated first. One query serves every entry type.
func (s *Store) AdminList(ctx context.Context, t Table, f AdminFilter) (List[AdminRow], error) {
	if err := checkTable(t); err != nil {
		return List[AdminRow]{}, err
	}
	f.Paging.normalize()
	return runList(ctx, s.db, forTable(adminListSQL, t), &f, &f.Paging, func(r AdminRow) (AdminRow, int) { return r, r.Total })
}

// StatusCounts counts the entries of table t the filter selects, by
// status (the filter's own status aside).
func (s *Store) StatusCounts(ctx context.Context, t Table, f AdminFilter) (map[domain.Status]int, error) {
	if err := checkTable(t); err != nil {
		return nil, err
	}
	var rows []struct {
		Status domain.Status `db:"status"`
		N      int           `db:"n"`
	}
	f.Paging.normalize()
	if err := selectNamed(ctx, s.db, &rows, forTable(adminCountsSQL, t), &f); err != nil {
		return nil, err
	}
	out := map[domain.Status]int{}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, nil
}

// Deadline rows: jobs of a city (every city for "") whose deadline is
// within the next days, and published jobs whose deadline has passed.
const (
	jobsExpiringSQL = `SELECT e.id, e.slug, e.status, e.version, e.external_id, e.department_code, e.updated_at,
	e.title, e.city, to_char(e.deadline, 'DD/MM/YYYY') AS key, 0 AS total_count
FROM jobs e
WHERE e.status <> 'archived' AND ($1 = '' OR e.city = $1)
  AND e.deadline BETWEEN vn_today() AND vn_today() + $2::int
ORDER BY e.deadline, e.id LIMIT $3`
	jobsExpiredSQL = `SELECT e.id, e.slug, e.status, e.version, e.external_id, e.department_code, e.updated_at,
	e.title, e.city, to_char(e.deadline, 'DD/MM/YYYY') AS key, 0 AS total_count
FROM jobs e
WHERE e.status = 'published' AND ($1 = '' OR e.city = $1) AND NOT job_is_open(e.deadline)
ORDER BY e.deadline DESC, e.id LIMIT $2`
)

// JobsExpiring lists jobs whose deadline falls in the next days (Key is
// the deadline, dd/mm/yyyy).
func (s *Store) JobsExpiring(ctx context.Context, city string, days, limit int) ([]AdminRow, error) {
	var out []AdminRow
	return out, s.db.SelectContext(ctx, &out, jobsExpiringSQL, city, days, limit)
}

// JobsExpiredPublished lists published jobs whose deadline has passed:
// they no longer show on the public lists and wait to be archived.
func (s *Store) JobsExpiredPublished(ctx context.Context, city string, limit int) ([]AdminRow, error) {
	var out []AdminRow
	return out, s.db.SelectContext(ctx, &out, jobsExpiredSQL, city, limit)
}

const jobTitleTakenSQL = `SELECT EXISTS (SELECT 1 FROM jobs
	WHERE company_id = $1 AND id <> $3 AND status <> 'archived'
	  AND lower(unaccent(btrim(title))) = lower(unaccent(btrim($2))))`

// JobTitleTaken tells whether another job of the company that is not
// archived has the same title, diacritics and case aside.
func (s *Store) JobTitleTaken(ctx context.Context, companyID int64, title string, exceptID int64) (bool, error) {
	var taken bool
	return taken, s.db.GetContext(ctx, &taken, jobTitleTakenSQL, companyID, title, exceptID)
}
