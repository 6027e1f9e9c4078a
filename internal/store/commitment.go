package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// CommitmentFilter selects commitments. A lead filter also keeps joint ones.
type CommitmentFilter struct {
	Paging
	Status   string `db:"status"`
	PolicyID int64  `db:"policy_id"`
	Lead     string `db:"lead"`
	Progress string `db:"progress"`
}

type commitmentRow struct {
	domain.Commitment
	Total int `db:"total_count"`
}

const commitmentColumns = `m.id, m.slug, m.status, m.external_id, m.department_code, m.archive_reason,
	m.created_at, m.updated_at, m.published_at, m.version,
	m.policy_id, m.title, m.description, COALESCE(m.city, 'both') AS city, m.progress, m.due_on,
	m.sort_order, m.progress_updates, m.reviews, p.title AS program_title`

const commitmentsListSQL = `SELECT ` + commitmentColumns + `, count(*) OVER () AS total_count
FROM commitments m
JOIN policies p ON p.id = m.policy_id
WHERE m.status = :status
  AND (:status <> 'published' OR p.status = 'published')
  AND (:policy_id = 0 OR m.policy_id = :policy_id)
  AND (:lead = '' OR m.city = :lead OR m.city IS NULL)
  AND (:progress = '' OR m.progress = :progress)
ORDER BY m.policy_id, m.sort_order, m.id
LIMIT :limit OFFSET :offset`

// Commitments lists commitments in the program's own order.
func (s *Store) Commitments(ctx context.Context, f CommitmentFilter) (List[domain.Commitment], error) {
	f.Paging.normalize()
	f.Status = publicStatus(f.Status)
	return runList(ctx, s.db, commitmentsListSQL, &f, &f.Paging, func(r commitmentRow) (domain.Commitment, int) { return r.Commitment, r.Total })
}

// Commitment returns one commitment whatever its status.
func (s *Store) Commitment(ctx context.Context, id int64) (domain.Commitment, error) {
	var m domain.Commitment
	err := get(ctx, s.db, &m, `SELECT `+commitmentColumns+` FROM commitments m JOIN policies p ON p.id = m.policy_id WHERE m.id = $1`, id)
	return m, err
}

const commitmentInsertSQL = `INSERT INTO commitments (slug, status, external_id, department_code, published_at,
	policy_id, title, description, city, progress, due_on, sort_order, progress_updates, reviews)
VALUES (:slug, :status, :external_id, :department_code,
	CASE WHEN :status = 'published' THEN COALESCE(CAST(:published_at AS timestamptz), now()) END,
	:policy_id, :title, :description, NULLIF(:city, 'both'), :progress, :due_on, :sort_order,
	:progress_updates, :reviews)
RETURNING id, created_at, updated_at, published_at, version`

// CreateCommitment inserts m and fills in its id, timestamps and version.
func (s *Store) CreateCommitment(ctx context.Context, m *domain.Commitment) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return createCommitment(ctx, tx, m) })
}

func createCommitment(ctx context.Context, tx *sqlx.Tx, m *domain.Commitment) error {
	m.Slug = vn.Slug(m.Title)
	if m.Status == "" {
		m.Status = domain.StatusDraft
	}
	if m.Progress == "" {
		m.Progress = "not_started"
	}
	return getNamed(ctx, tx, &m.Meta, commitmentInsertSQL, m)
}

const commitmentUpdateSQL = `UPDATE commitments SET slug = :slug, external_id = :external_id,
	policy_id = :policy_id, title = :title, description = :description, city = NULLIF(:city, 'both'),
	progress = :progress, due_on = :due_on, sort_order = :sort_order,
	progress_updates = :progress_updates, reviews = :reviews,
	updated_at = now(), version = version + 1
WHERE id = :id AND version = :version
RETURNING id, created_at, updated_at, published_at, version, status`

// UpdateCommitment saves m if m.Version is still current; else ErrConflict.
func (s *Store) UpdateCommitment(ctx context.Context, m *domain.Commitment) error {
	return s.Batch(ctx, func(b *Batch) error { return b.Update(ctx, m) })
}
