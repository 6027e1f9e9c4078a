package store

import (
	"context"

	"hoptac/internal/domain"
)

// PolicyFilter selects policies. A city filter also keeps policies of both cities.
type PolicyFilter struct {
	Paging
	Status string `db:"status"`
	Q      string `db:"q"`
	City   string `db:"city"`
	Kind   string `db:"kind"`
	Field  string `db:"field"`
}

type policyRow struct {
	domain.Policy
	Total int `db:"total_count"`
}

const policyColumns = `p.id, p.slug, p.status, p.external_id, p.department_code, p.archive_reason,
	p.created_at, p.updated_at, p.published_at, p.version,
	p.title, p.kind, p.field, p.doc_number, p.issuer, p.issued_on, p.effective_from, p.effective_to,
	p.summary, p.body, p.source_url, COALESCE(p.city, 'both') AS city, p.continued_by`

// policiesListWhere and policiesListOrder are the list's filters and its order, read from policies
// (the back office, any status) or public_policies.
const policiesListWhere = ` p
WHERE p.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR p.updated_at >= :updated_since)
  AND (:city = '' OR p.city = :city OR p.city IS NULL)
  AND (:kind = '' OR p.kind = :kind)
  AND (:field = '' OR p.field = :field)
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', p.title, p.doc_number, p.issuer, p.summary, p.body)))) = 0))`

const policiesListOrder = `COALESCE(p.issued_on, CAST(p.published_at AS date)) DESC NULLS LAST, p.id DESC`

// Policies lists policies, newest first.
func (s *Store) Policies(ctx context.Context, f PolicyFilter) (List[domain.Policy], error) {
	return listOf(ctx, s, &f.Status, &f, &f.Paging, func(r policyRow) (domain.Policy, int) { return r.Policy, r.Total })
}

// Policy returns one policy whatever its status.
func (s *Store) Policy(ctx context.Context, id int64) (domain.Policy, error) {
	return ByID[domain.Policy](ctx, s, id)
}

const policyInsertSQL = `INSERT INTO policies (slug, status, external_id, department_code, published_at,
	title, kind, field, doc_number, issuer, issued_on, effective_from, effective_to,
	summary, body, source_url, city, continued_by)
VALUES (` + entryInsertValues + `,
	:title, :kind, :field, :doc_number, :issuer, :issued_on, :effective_from, :effective_to,
	:summary, :body, :source_url, NULLIF(:city, 'both'), :continued_by)
` + entryInsertReturning

const policyUpdateSQL = `UPDATE policies SET slug = :slug, external_id = :external_id,
	title = :title, kind = :kind, field = :field, doc_number = :doc_number, issuer = :issuer,
	issued_on = :issued_on, effective_from = :effective_from, effective_to = :effective_to,
	summary = :summary, body = :body, source_url = :source_url, city = NULLIF(:city, 'both'),
	continued_by = :continued_by, ` + entryUpdateTail

// Policies is the policies table.
const Policies Table = "policies"

func init() {
	addTable(entryTable{name: Policies,
		read: entryRead{alias: "p", columns: policyColumns,
			where: policiesListWhere, order: policiesListOrder},
		list: listCols("e.title", "e.external_id", "e.doc_number")},
		entryOps[domain.Policy]{
			insertSQL: policyInsertSQL, updateSQL: policyUpdateSQL,
			title: func(p *domain.Policy) string { return p.Title },
		})
}
