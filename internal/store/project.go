package store

import (
	"context"

	"hoptac/internal/domain"
)

// ProjectFilter selects projects. Zero values mean "any".
type ProjectFilter struct {
	Paging
	Status string `db:"status"`
	Q      string `db:"q"`
	City   string `db:"city"`
	Kind   string `db:"kind"`
	Stage  string `db:"stage"`
}

type projectRow struct {
	domain.Project
	Total int `db:"total_count"`
}

const projectColumns = `p.id, p.slug, p.status, p.external_id, p.department_code, p.archive_reason,
	p.created_at, p.updated_at, p.published_at, p.version,
	p.title, p.organization, p.kind, p.field, p.city, p.budget_vnd, p.start_on, p.end_on,
	p.stage, p.description, p.contact`

// Projects that seek partners come first: that is what investors look for.
// projectsListWhere and projectsListOrder are the list's filters and its order, read from projects
// (the back office, any status) or public_projects.
const projectsListWhere = ` p
WHERE p.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR p.updated_at >= :updated_since)
  AND (:city = '' OR p.city = :city)
  AND (:kind = '' OR p.kind = :kind)
  AND (:stage = '' OR p.stage = :stage)
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', p.title, p.organization, p.field, p.description)))) = 0))`

const projectsListOrder = `(p.stage = 'seeking_partners') DESC, p.start_on DESC NULLS LAST, p.id DESC`

// Projects lists projects, those seeking partners first.
func (s *Store) Projects(ctx context.Context, f ProjectFilter) (List[domain.Project], error) {
	return listOf(ctx, s, &f.Status, &f, &f.Paging, func(r projectRow) (domain.Project, int) { return r.Project, r.Total })
}

// Project returns one project whatever its status.
func (s *Store) Project(ctx context.Context, id int64) (domain.Project, error) {
	return ByID[domain.Project](ctx, s, id)
}

const projectInsertSQL = `INSERT INTO projects (slug, status, external_id, department_code, published_at,
	title, organization, kind, field, city, budget_vnd, start_on, end_on, stage, description, contact)
VALUES (` + entryInsertValues + `,
	:title, :organization, :kind, :field, :city, :budget_vnd, :start_on, :end_on, :stage, :description, :contact)
` + entryInsertReturning

const projectUpdateSQL = `UPDATE projects SET slug = :slug, external_id = :external_id,
	title = :title, organization = :organization, kind = :kind, field = :field, city = :city,
	budget_vnd = :budget_vnd, start_on = :start_on, end_on = :end_on, stage = :stage,
	description = :description, contact = :contact, ` + entryUpdateTail

// Projects is the projects table.
const Projects Table = "projects"

func init() {
	addTable(entryTable{name: Projects,
		read: entryRead{alias: "p", columns: projectColumns,
			where: projectsListWhere, order: projectsListOrder},
		list: listCols("e.title", "e.external_id", "e.organization")},
		entryOps[domain.Project]{
			insertSQL: projectInsertSQL, updateSQL: projectUpdateSQL,
			title: func(p *domain.Project) string { return p.Title },
		})
}
