package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

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
	m.sort_order, m.departments, m.weight, m.ledger_digest, p.title AS program_title`

// commitmentsListWhere and commitmentsListTail are the list's filters and its order, read from
// commitments (the back office, any status) or public_commitments (the
// public, whose policy is public).
const commitmentsListWhere = ` m
JOIN policies p ON p.id = m.policy_id
WHERE m.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR m.updated_at >= :updated_since)
  AND (:policy_id = 0 OR m.policy_id = :policy_id)
  AND (:lead = '' OR m.city = :lead OR m.city IS NULL)
  AND (:progress = '' OR m.progress = :progress)`

const commitmentsListTail = commitmentsListWhere + `
ORDER BY m.policy_id, m.sort_order, m.id
LIMIT :limit OFFSET :offset`

const (
	commitmentsListSQL       = `SELECT ` + commitmentColumns + `, count(*) OVER () AS total_count FROM commitments` + commitmentsListTail
	publicCommitmentsListSQL = `SELECT ` + commitmentColumns + `, count(*) OVER () AS total_count FROM public_commitments` + commitmentsListTail
)

// Commitments lists commitments in the program's own order.
func (s *Store) Commitments(ctx context.Context, f CommitmentFilter) (List[domain.Commitment], error) {
	f.Paging.normalize()
	query := listSQL(&f.Status, publicCommitmentsListSQL, commitmentsListSQL)
	var list List[domain.Commitment]
	var err error
	if f.ByID && query == publicCommitmentsListSQL {
		list, err = runByID(ctx, s.reader(ctx), publicCommitmentsCountSQL, publicCommitmentsByIDSQL, &f, &f.Paging, func(r commitmentRow) (domain.Commitment, int) { return r.Commitment, r.Total })
	} else {
		list, err = runList(ctx, s.reader(ctx), query, &f, &f.Paging, func(r commitmentRow) (domain.Commitment, int) { return r.Commitment, r.Total })
	}
	if err != nil {
		return list, err
	}
	return list, attachUpdates(ctx, s.reader(ctx), list.Items)
}

// Commitment returns one commitment whatever its status.
func (s *Store) Commitment(ctx context.Context, id int64) (domain.Commitment, error) {
	var m domain.Commitment
	err := get(ctx, s.reader(ctx), &m, `SELECT `+commitmentColumns+` FROM commitments m JOIN policies p ON p.id = m.policy_id WHERE m.id = $1`, id)
	if err != nil {
		return m, err
	}
	one := []domain.Commitment{m}
	err = attachUpdates(ctx, s.reader(ctx), one)
	return one[0], err
}

// CommitmentByExternalID finds a commitment by its import key; an empty
// key never matches.
func (s *Store) CommitmentByExternalID(ctx context.Context, externalID string) (domain.Commitment, error) {
	var m domain.Commitment
	err := get(ctx, s.reader(ctx), &m, `SELECT `+commitmentColumns+` FROM commitments m JOIN policies p ON p.id = m.policy_id
WHERE m.external_id = $1 AND m.external_id <> ''`, externalID)
	if err != nil {
		return m, err
	}
	one := []domain.Commitment{m}
	err = attachUpdates(ctx, s.reader(ctx), one)
	return one[0], err
}

// CommitmentsByExternalIDs finds the commitments of several import keys;
// keys that match nothing are missing from the result.
func (s *Store) CommitmentsByExternalIDs(ctx context.Context, ids []string) ([]domain.Commitment, error) {
	var out []domain.Commitment
	err := s.reader(ctx).SelectContext(ctx, &out, `SELECT `+commitmentColumns+` FROM commitments m JOIN policies p ON p.id = m.policy_id
WHERE m.external_id = ANY($1) AND m.external_id <> ''`, pq.Array(ids))
	if err != nil {
		return nil, err
	}
	return out, attachUpdates(ctx, s.reader(ctx), out)
}

// PublicCommitments reads public commitments.
func (s *Store) PublicCommitments(ctx context.Context, sel PublicSelection) ([]domain.Commitment, error) {
	var out []domain.Commitment
	err := s.reader(ctx).SelectContext(ctx, &out, `SELECT `+commitmentColumns+` FROM public_commitments m JOIN policies p ON p.id = m.policy_id
WHERE (cardinality($1::bigint[]) = 0 OR m.id = ANY ($1)) AND m.id > $2
ORDER BY m.id LIMIT $3`, sel.args()...)
	if err != nil {
		return nil, err
	}
	return out, attachUpdates(ctx, s.reader(ctx), out)
}

const commitmentInsertSQL = `INSERT INTO commitments (slug, status, external_id, department_code, published_at,
	policy_id, title, description, city, progress, due_on, sort_order, departments, weight, ledger_digest)
VALUES (:slug, :status, :external_id, :department_code,
	CASE WHEN :status = 'published' THEN COALESCE(CAST(:published_at AS timestamptz), now()) END,
	:policy_id, :title, :description, NULLIF(:city, 'both'), :progress, :due_on, :sort_order,
	COALESCE(CAST(:departments AS text[]), '{}'), :weight, :ledger_digest)
RETURNING id, created_at, updated_at, published_at, version`

// CreateCommitment inserts m and fills in its id, timestamps and version.
func (s *Store) CreateCommitment(ctx context.Context, m *domain.Commitment) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return createCommitment(ctx, tx, m) })
}

// CreateCommitment inserts m inside the batch.
func (b *Batch) CreateCommitment(ctx context.Context, m *domain.Commitment) error {
	return translate(createCommitment(ctx, b.tx, m))
}

func createCommitment(ctx context.Context, tx *sqlx.Tx, m *domain.Commitment) error {
	m.Slug = vn.Slug(m.Title)
	if m.Status == "" {
		m.Status = domain.StatusDraft
	}
	if m.Progress == "" {
		m.Progress = "not_started"
	}
	m.LedgerDigest = ledgerDigest(m.Updates)
	if err := getNamed(ctx, tx, &m.Meta, commitmentInsertSQL, m); err != nil {
		return err
	}
	return writeUpdates(ctx, tx, m)
}

const commitmentUpdateSQL = `UPDATE commitments SET slug = :slug, external_id = :external_id,
	policy_id = :policy_id, title = :title, description = :description, city = NULLIF(:city, 'both'),
	progress = :progress, due_on = :due_on, sort_order = :sort_order,
	departments = COALESCE(CAST(:departments AS text[]), '{}'), weight = :weight, ledger_digest = :ledger_digest,
	updated_at = now(), version = version + 1
WHERE id = :id AND version = :version
RETURNING id, created_at, updated_at, published_at, version, status`

// UpdateCommitment saves m if m.Version is still current; else ErrConflict.
func (s *Store) UpdateCommitment(ctx context.Context, m *domain.Commitment) error {
	return s.Batch(ctx, func(b *Batch) error { return b.Update(ctx, m) })
}

func updateCommitment(ctx context.Context, tx *sqlx.Tx, m *domain.Commitment) error {
	m.Slug = vn.Slug(m.Title)
	m.LedgerDigest = ledgerDigest(m.Updates)
	if err := updateChecked(ctx, tx, &m.Meta, commitmentUpdateSQL, m, Commitments); err != nil {
		return err
	}
	return writeUpdates(ctx, tx, m)
}

// The API's pages (Paging.ByID): id order, and the total counted apart, so
// no window has to hold every matching row beside the page.
const (
	publicCommitmentsCountSQL = `SELECT count(*) FROM public_commitments` + commitmentsListWhere
	publicCommitmentsByIDSQL  = `SELECT ` + commitmentColumns + `, 0 AS total_count FROM public_commitments` + commitmentsListWhere + `
  AND m.id > :after_id
ORDER BY m.id LIMIT :limit OFFSET :offset`
)
