package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
)

// SchoolFilter selects schools. Zero values mean "any".
type SchoolFilter struct {
	Paging
	Status        string `db:"status"`
	Q             string `db:"q"`
	City          string `db:"city"`
	Ward          string `db:"ward"`
	Kind          string `db:"kind"`
	Ownership     string `db:"ownership"`
	Level         string `db:"level"` // schools with a published program at this level
	SeeksPartners bool   `db:"seeks_partners"`
}

type schoolRow struct {
	domain.School
	Total int `db:"total_count"`
}

const schoolColumns = `s.id, s.slug, s.status, s.external_id, s.department_code, s.archive_reason,
	s.created_at, s.updated_at, s.published_at, s.version,
	s.code, s.name, s.kind, s.ownership, s.address, s.ward_code, s.city, s.founded_year,
	s.website, s.phone, s.email, s.description, s.accredited, s.seeks_partners,
	COALESCE(w.name, '') AS ward_name,
	(SELECT count(*) FROM programs p WHERE p.school_id = s.id AND p.status = 'published') AS program_count`

// schoolsListWhere and schoolsListOrder are the list's filters and its order, read from schools (the
// back office, any status) or public_schools.
const schoolsListWhere = ` s
LEFT JOIN wards w ON w.code = s.ward_code
JOIN cities ci ON ci.code = s.city
WHERE s.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR s.updated_at >= :updated_since)
  AND (:city = '' OR s.city = :city)
  AND (:ward = '' OR s.ward_code = :ward)
  AND (:kind = '' OR s.kind = :kind)
  AND (:ownership = '' OR s.ownership = :ownership)
  AND (NOT :seeks_partners OR s.seeks_partners)
  AND (:level = '' OR EXISTS (SELECT 1 FROM programs p WHERE p.school_id = s.id AND p.status = 'published' AND p.level = :level))
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', s.name, s.code, s.description, s.address,
                 w.name, w.former_units, ci.name_vi)))) = 0))`

const schoolsListOrder = `s.name ASC, s.id ASC`

// Schools lists schools by name.
func (s *Store) Schools(ctx context.Context, f SchoolFilter) (List[domain.School], error) {
	return listOf(ctx, s, &f.Status, &f, &f.Paging, func(r schoolRow) (domain.School, int) { return r.School, r.Total })
}

// School returns one school whatever its status.
func (s *Store) School(ctx context.Context, id int64) (domain.School, error) {
	return ByID[domain.School](ctx, s, id)
}

// SchoolByCode finds a school by its natural key, city + code.
func (s *Store) SchoolByCode(ctx context.Context, city, code string) (domain.School, error) {
	return readOne[domain.School](ctx, s, `SELECT `+schoolColumns+` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code WHERE s.city = $1 AND s.code = $2`, city, code)
}

const schoolInsertSQL = `INSERT INTO schools (slug, status, external_id, department_code, published_at,
	code, name, kind, ownership, address, ward_code, city, founded_year,
	website, phone, email, description, accredited, seeks_partners)
VALUES (` + entryInsertValues + `,
	:code, :name, :kind, :ownership, :address, :ward_code, :city, :founded_year,
	:website, :phone, :email, :description, :accredited, :seeks_partners)
` + entryInsertReturning

const schoolUpdateSQL = `UPDATE schools SET slug = :slug, external_id = :external_id,
	code = :code, name = :name, kind = :kind, ownership = :ownership, address = :address,
	ward_code = :ward_code, city = :city, founded_year = :founded_year, website = :website,
	phone = :phone, email = :email, description = :description, accredited = :accredited,
	seeks_partners = :seeks_partners, ` + entryUpdateTail

// Schools is the schools table.
const Schools Table = "schools"

func init() {
	addTable(entryTable{name: Schools,
		read: entryRead{alias: "s", columns: schoolColumns, joins: `LEFT JOIN wards w ON w.code = s.ward_code`,
			where: schoolsListWhere, order: schoolsListOrder},
		list: listCols("e.name", "e.code")},
		entryOps[domain.School]{
			insertSQL: schoolInsertSQL, updateSQL: schoolUpdateSQL,
			title: func(sc *domain.School) string { return sc.Name },
			// Its programs follow it to a new city, in the same transaction.
			written: func(ctx context.Context, tx *sqlx.Tx, sc *domain.School, isNew bool) error {
				if isNew {
					return nil
				}
				return programsFollowSchool(ctx, tx, sc.ID, sc.City)
			},
		})
}
