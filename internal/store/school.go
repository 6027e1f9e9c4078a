package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
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

// schoolsListWhere and schoolsListTail are the list's filters and its order, read from schools (the
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

const schoolsListTail = schoolsListWhere + `
ORDER BY s.name ASC, s.id ASC
LIMIT :limit OFFSET :offset`

const (
	schoolsListSQL       = `SELECT ` + schoolColumns + `, count(*) OVER () AS total_count FROM schools` + schoolsListTail
	publicSchoolsListSQL = `SELECT ` + schoolColumns + `, count(*) OVER () AS total_count FROM public_schools` + schoolsListTail
)

// Schools lists schools by name.
func (s *Store) Schools(ctx context.Context, f SchoolFilter) (List[domain.School], error) {
	return listEntries(ctx, s, entryLists{any: schoolsListSQL, public: publicSchoolsListSQL, publicCount: publicSchoolsCountSQL, publicByID: publicSchoolsByIDSQL},
		&f.Status, &f, &f.Paging, func(r schoolRow) (domain.School, int) { return r.School, r.Total })
}

// School returns one school whatever its status.
func (s *Store) School(ctx context.Context, id int64) (domain.School, error) {
	return readOne[domain.School](ctx, s, `SELECT `+schoolColumns+` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code WHERE s.id = $1`, id)
}

// SchoolByCode finds a school by its natural key, city + code.
func (s *Store) SchoolByCode(ctx context.Context, city, code string) (domain.School, error) {
	return readOne[domain.School](ctx, s, `SELECT `+schoolColumns+` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code WHERE s.city = $1 AND s.code = $2`, city, code)
}

// SchoolByExternalID finds a school by its import key; an empty key never matches.
func (s *Store) SchoolByExternalID(ctx context.Context, externalID string) (domain.School, error) {
	return readOne[domain.School](ctx, s, `SELECT `+schoolColumns+` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code
WHERE s.external_id = $1 AND s.external_id <> ''`, externalID)
}

// SchoolsByExternalIDs finds the schools of several import keys; keys that
// match nothing are missing from the result.
func (s *Store) SchoolsByExternalIDs(ctx context.Context, ids []string) ([]domain.School, error) {
	return readAll[domain.School](ctx, s, `SELECT `+schoolColumns+` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code
WHERE s.external_id = ANY($1) AND s.external_id <> ''`, pq.Array(ids))
}

// PublicSchools reads public schools.
func (s *Store) PublicSchools(ctx context.Context, sel PublicSelection) ([]domain.School, error) {
	return readAll[domain.School](ctx, s, `SELECT `+schoolColumns+` FROM public_schools s LEFT JOIN wards w ON w.code = s.ward_code
WHERE (cardinality($1::bigint[]) = 0 OR s.id = ANY ($1)) AND s.id > $2
ORDER BY s.id LIMIT $3`, sel.args()...)
}

const schoolInsertSQL = `INSERT INTO schools (slug, status, external_id, department_code, published_at,
	code, name, kind, ownership, address, ward_code, city, founded_year,
	website, phone, email, description, accredited, seeks_partners)
VALUES (` + entryInsertValues + `,
	:code, :name, :kind, :ownership, :address, :ward_code, :city, :founded_year,
	:website, :phone, :email, :description, :accredited, :seeks_partners)
` + entryInsertReturning

// CreateSchool inserts sc and fills in its id, timestamps and version.
func (s *Store) CreateSchool(ctx context.Context, sc *domain.School) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return createSchool(ctx, tx, sc) })
}

// CreateSchool inserts s inside the batch.
func (b *Batch) CreateSchool(ctx context.Context, s *domain.School) error {
	return translate(createSchool(ctx, b.tx, s))
}

func createSchool(ctx context.Context, tx *sqlx.Tx, sc *domain.School) error {
	newDraft(&sc.Meta, sc.Name)
	return getNamed(ctx, tx, &sc.Meta, schoolInsertSQL, sc)
}

const schoolUpdateSQL = `UPDATE schools SET slug = :slug, external_id = :external_id,
	code = :code, name = :name, kind = :kind, ownership = :ownership, address = :address,
	ward_code = :ward_code, city = :city, founded_year = :founded_year, website = :website,
	phone = :phone, email = :email, description = :description, accredited = :accredited,
	seeks_partners = :seeks_partners, ` + entryUpdateTail

// UpdateSchool saves sc if sc.Version is still current; else ErrConflict.
// Its programs follow it to a new city, in the same transaction.
func (s *Store) UpdateSchool(ctx context.Context, sc *domain.School) error {
	return s.Batch(ctx, func(b *Batch) error { return b.Update(ctx, sc) })
}

func updateSchool(ctx context.Context, tx *sqlx.Tx, sc *domain.School) error {
	sc.Slug = vn.Slug(sc.Name)
	if err := updateChecked(ctx, tx, &sc.Meta, schoolUpdateSQL, sc, Schools); err != nil {
		return err
	}
	return programsFollowSchool(ctx, tx, sc.ID, sc.City)
}

// Schools is the schools table.
const Schools Table = "schools"

func init() {
	addTable(entryTable{name: Schools, update: updates(updateSchool),
		list: listCols("e.name", "e.code")})
}

// The API's pages (Paging.ByID): id order, and the total counted apart, so
// no window has to hold every matching row beside the page.
const (
	publicSchoolsCountSQL = `SELECT count(*) FROM public_schools` + schoolsListWhere
	publicSchoolsByIDSQL  = `SELECT ` + schoolColumns + `, 0 AS total_count FROM public_schools` + schoolsListWhere + `
  AND s.id > :after_id
ORDER BY s.id LIMIT :limit OFFSET :offset`
)
