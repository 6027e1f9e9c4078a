package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
)

// ProgramFilter selects training programs. Zero values mean "any".
type ProgramFilter struct {
	Paging
	Status   string `db:"status"`
	Q        string `db:"q"`
	City     string `db:"city"`
	Level    string `db:"level"`
	Mode     string `db:"mode"`
	SchoolID int64  `db:"school_id"`
	// TuitionMax keeps programs costing at most this (free ones included).
	TuitionMax int64 `db:"tuition_max"`
	// Occupation keeps programs that train for this VSCO group.
	Occupation string `db:"occupation"`
	// SupportGroup keeps programs whose support this group qualifies for.
	SupportGroup string `db:"support_group"`
}

type programRow struct {
	domain.Program
	Total int `db:"total_count"`
}

const programColumns = `p.id, p.slug, p.status, p.external_id, p.department_code, p.archive_reason,
	p.created_at, p.updated_at, p.published_at, p.version,
	p.school_id, p.name, p.level, p.duration_months, p.tuition_vnd, p.quota, p.intake, p.mode,
	p.support, p.description, p.city, p.occupations, p.support_groups, p.support_benefits,
	s.name AS school_name, s.slug AS school_slug, s.code AS school_code,
	s.address AS school_address, s.ward_code AS school_ward_code`

// programsListWhere and programsListOrder are the list's filters and its order, read from programs
// (the back office, any status) or public_programs (the public, whose
// school is public).
const programsListWhere = ` p
JOIN schools s ON s.id = p.school_id
WHERE p.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR p.updated_at >= :updated_since)
  AND (:city = '' OR p.city = :city)
  AND (:level = '' OR p.level = :level)
  AND (:mode = '' OR p.mode = :mode)
  AND (:school_id = 0 OR p.school_id = :school_id)
  AND (:tuition_max = 0 OR COALESCE(p.tuition_vnd, 0) <= :tuition_max)
  AND (:occupation = '' OR :occupation = ANY (p.occupations))
  AND (:support_group = '' OR :support_group = ANY (p.support_groups))
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', p.name, p.support, p.description, s.name)))) = 0))`

const programsListOrder = `p.name ASC, s.name ASC, p.id ASC`

// Programs lists training programs by name.
func (s *Store) Programs(ctx context.Context, f ProgramFilter) (List[domain.Program], error) {
	return listOf(ctx, s, &f.Status, &f, &f.Paging, func(r programRow) (domain.Program, int) { return r.Program, r.Total })
}

// Program returns one program whatever its status.
func (s *Store) Program(ctx context.Context, id int64) (domain.Program, error) {
	return ByID[domain.Program](ctx, s, id)
}

// The program's city is always its school's (a trigger sets it).
const programInsertSQL = `INSERT INTO programs (slug, status, external_id, department_code, published_at,
	school_id, name, level, duration_months, tuition_vnd, quota, intake, mode, support, description, city,
	occupations, support_groups, support_benefits)
VALUES (` + entryInsertValues + `,
	:school_id, :name, :level, :duration_months, :tuition_vnd, :quota, :intake, :mode, :support, :description,
	'', -- the city, set from the school by the programs_city_from_school trigger
	COALESCE(CAST(:occupations AS text[]), '{}'), COALESCE(CAST(:support_groups AS text[]), '{}'), COALESCE(CAST(:support_benefits AS text[]), '{}'))
` + entryInsertReturning + `, city`

type insertedProgram struct {
	domain.Meta
	City string `db:"city"`
}

// insertProgram inserts p and fills in its city, which a trigger sets from
// its school, beside its id, timestamps and version.
func insertProgram(ctx context.Context, tx *sqlx.Tx, p *domain.Program) error {
	ret := insertedProgram{Meta: p.Meta}
	if err := getNamed(ctx, tx, &ret, programInsertSQL, p); err != nil {
		return err
	}
	p.Meta, p.City = ret.Meta, ret.City
	return nil
}

const programUpdateSQL = `UPDATE programs SET slug = :slug, external_id = :external_id,
	school_id = :school_id, name = :name, level = :level, duration_months = :duration_months,
	tuition_vnd = :tuition_vnd, quota = :quota, intake = :intake, mode = :mode, support = :support,
	description = :description, occupations = COALESCE(CAST(:occupations AS text[]), '{}'),
	support_groups = COALESCE(CAST(:support_groups AS text[]), '{}'), support_benefits = COALESCE(CAST(:support_benefits AS text[]), '{}'),
	` + entryUpdateTail

// Programs is the programs table.
const Programs Table = "programs"

func init() {
	addTable(entryTable{name: Programs,
		read: entryRead{alias: "p", columns: programColumns, joins: `JOIN schools s ON s.id = p.school_id`,
			where: programsListWhere, order: programsListOrder},
		list: listCols("e.name", "e.external_id", "(SELECT sc.name FROM schools sc WHERE sc.id = e.school_id)")},
		entryOps[domain.Program]{
			insertSQL: programInsertSQL, updateSQL: programUpdateSQL,
			title:  func(p *domain.Program) string { return p.Name },
			insert: insertProgram,
		})
}

// programsFollowSchool moves a school's programs to its new city, in the
// school's update.
func programsFollowSchool(ctx context.Context, tx *sqlx.Tx, schoolID int64, city string) error {
	_, err := tx.ExecContext(ctx, `UPDATE programs SET city = $2 WHERE school_id = $1 AND city <> $2`, schoolID, city)
	return translate(err)
}
