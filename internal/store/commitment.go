package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"hoptac/internal/domain"
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

// commitmentsListWhere and commitmentsListOrder are the list's filters and its order, read from
// commitments (the back office, any status) or public_commitments (the
// public, whose policy is public).
const commitmentsListWhere = ` m
JOIN policies p ON p.id = m.policy_id
WHERE m.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR m.updated_at >= :updated_since)
  AND (:policy_id = 0 OR m.policy_id = :policy_id)
  AND (:lead = '' OR m.city = :lead OR m.city IS NULL)
  AND (:progress = '' OR m.progress = :progress)`

const commitmentsListOrder = `m.policy_id, m.sort_order, m.id`

// Commitments lists commitments in the program's own order.
func (s *Store) Commitments(ctx context.Context, f CommitmentFilter) (List[domain.Commitment], error) {
	list, err := listOf(ctx, s, &f.Status, &f, &f.Paging, func(r commitmentRow) (domain.Commitment, int) { return r.Commitment, r.Total })
	if err != nil {
		return list, err
	}
	return list, attachUpdates(ctx, s.reader(ctx), list.Items)
}

// Commitment returns one commitment whatever its status.
func (s *Store) Commitment(ctx context.Context, id int64) (domain.Commitment, error) {
	return ByID[domain.Commitment](ctx, s, id)
}

const commitmentInsertSQL = `INSERT INTO commitments (slug, status, external_id, department_code, published_at,
	policy_id, title, description, city, progress, due_on, sort_order, departments, weight, ledger_digest)
VALUES (` + entryInsertValues + `,
	:policy_id, :title, :description, NULLIF(:city, 'both'), :progress, :due_on, :sort_order,
	COALESCE(CAST(:departments AS text[]), '{}'), :weight, :ledger_digest)
` + entryInsertReturning

const commitmentUpdateSQL = `UPDATE commitments SET slug = :slug, external_id = :external_id,
	policy_id = :policy_id, title = :title, description = :description, city = NULLIF(:city, 'both'),
	progress = :progress, due_on = :due_on, sort_order = :sort_order,
	departments = COALESCE(CAST(:departments AS text[]), '{}'), weight = :weight, ledger_digest = :ledger_digest,
	` + entryUpdateTail

// commitmentDefaults starts a new commitment not started and keeps the
// digest of its ledger current.
func commitmentDefaults(m *domain.Commitment, isNew bool) {
	if isNew && m.Progress == "" {
		m.Progress = "not_started"
	}
	m.LedgerDigest = ledgerDigest(m.Updates)
}

// Commitments is the commitments table.
const Commitments Table = "commitments"

func init() {
	addTable(entryTable{name: Commitments,
		read: entryRead{alias: "m", columns: commitmentColumns, joins: `JOIN policies p ON p.id = m.policy_id`,
			where: commitmentsListWhere, order: commitmentsListOrder},
		list: listCols("e.title", "e.external_id")},
		entryOps[domain.Commitment]{
			insertSQL: commitmentInsertSQL, updateSQL: commitmentUpdateSQL,
			title:    func(m *domain.Commitment) string { return m.Title },
			defaults: commitmentDefaults,
			written: func(ctx context.Context, tx *sqlx.Tx, m *domain.Commitment, _ bool) error {
				return writeUpdates(ctx, tx, m)
			},
			complete: attachUpdates,
		})
}

// The ledger: a commitment's updates and reviews, with their evidence.
// They are written with their commitment (replaced as a whole, in the
// commitment's transaction) and read with it.

const (
	ledgerUpdatesSQL = `SELECT u.id, u.commitment_id, u.on_date, u.kind, u.body, COALESCE(u.department_code, '') AS department_code
FROM commitment_updates u WHERE u.commitment_id = ANY($1) ORDER BY u.commitment_id, u.position`
	ledgerEvidenceSQL = `SELECT e.update_id, e.title, e.source, e.url, e.example
FROM commitment_evidence e JOIN commitment_updates u ON u.id = e.update_id
WHERE u.commitment_id = ANY($1) ORDER BY e.update_id, e.position`
	ledgerDeleteSQL   = `DELETE FROM commitment_updates WHERE commitment_id = $1`
	ledgerInsertSQL   = `INSERT INTO commitment_updates (commitment_id, position, on_date, kind, body, department_code) VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')) RETURNING id`
	evidenceInsertSQL = `INSERT INTO commitment_evidence (update_id, position, title, source, url, example) VALUES ($1, $2, $3, $4, $5, $6)`
)

type evidenceRow struct {
	UpdateID int64 `db:"update_id"`
	domain.Evidence
}

// attachUpdates fills in the ledger of each commitment, in two queries.
func attachUpdates(ctx context.Context, q sqlx.QueryerContext, cs []domain.Commitment) error {
	if len(cs) == 0 {
		return nil
	}
	ids := make([]int64, len(cs))
	at := make(map[int64]int, len(cs))
	for i := range cs {
		ids[i], at[cs[i].ID] = cs[i].ID, i
		cs[i].Updates = nil
	}
	var ups []domain.LedgerUpdate
	if err := sqlx.SelectContext(ctx, q, &ups, ledgerUpdatesSQL, pq.Array(ids)); err != nil {
		return fmt.Errorf("read ledger: %w", err)
	}
	var evs []evidenceRow
	if err := sqlx.SelectContext(ctx, q, &evs, ledgerEvidenceSQL, pq.Array(ids)); err != nil {
		return fmt.Errorf("read evidence: %w", err)
	}
	byUpdate := map[int64][]domain.Evidence{}
	for _, e := range evs {
		byUpdate[e.UpdateID] = append(byUpdate[e.UpdateID], e.Evidence)
	}
	for _, u := range ups {
		u.Evidence = byUpdate[u.ID]
		c := &cs[at[u.CommitmentID]]
		c.Updates = append(c.Updates, u)
	}
	return nil
}

// writeUpdates replaces m's ledger with m.Updates.
func writeUpdates(ctx context.Context, tx *sqlx.Tx, m *domain.Commitment) error {
	if _, err := tx.ExecContext(ctx, ledgerDeleteSQL, m.ID); err != nil {
		return translate(err)
	}
	for i := range m.Updates {
		u := &m.Updates[i]
		u.CommitmentID = m.ID
		if err := get(ctx, tx, &u.ID, ledgerInsertSQL, m.ID, i+1, u.Date, u.Kind, u.Text, u.DepartmentCode); err != nil {
			return err
		}
		for j, e := range u.Evidence {
			if _, err := tx.ExecContext(ctx, evidenceInsertSQL, u.ID, j+1, e.Title, e.Source, e.URL, e.Example); err != nil {
				return translate(err)
			}
		}
	}
	return nil
}

// ledgerDigest stands for the ledger in the commitment's row: a change to
// any update changes it, so the row's version and audit trail record it.
func ledgerDigest(us []domain.LedgerUpdate) string {
	if len(us) == 0 {
		return ""
	}
	type line struct {
		Date             string
		Kind, Text, Dept string
		Evidence         []domain.Evidence
	}
	lines := make([]line, len(us))
	for i, u := range us {
		lines[i] = line{u.Date.Format(time.DateOnly), u.Kind, u.Text, u.DepartmentCode, u.Evidence}
	}
	b, _ := json.Marshal(lines)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// TimelineItem is one line of the public ledger's timeline.
type TimelineItem struct {
	domain.LedgerUpdate
	CommitmentTitle string `db:"commitment_title"`
	CommitmentSlug  string `db:"commitment_slug"`
	Lead            string `db:"lead"`
	ProgramID       int64  `db:"policy_id"`
}

// TimelineFilter selects timeline lines: since a day (inclusive), and at
// most Limit of them.
type TimelineFilter struct {
	Since *time.Time
	Limit int
}

const timelineSQL = `SELECT u.id, u.commitment_id, u.on_date, u.kind, u.body, COALESCE(u.department_code, '') AS department_code,
	m.title AS commitment_title, m.slug AS commitment_slug, COALESCE(m.city, 'both') AS lead, m.policy_id
FROM public_commitment_updates u JOIN public_commitments m ON m.id = u.commitment_id
WHERE ($1::date IS NULL OR u.on_date >= $1::date)
ORDER BY u.on_date DESC, u.id DESC
LIMIT $2`

const timelineEvidenceSQL = `SELECT e.update_id, e.title, e.source, e.url, e.example
FROM commitment_evidence e WHERE e.update_id = ANY($1) ORDER BY e.update_id, e.position`

// Timeline lists the public ledger's lines, newest first.
func (s *Store) Timeline(ctx context.Context, f TimelineFilter) ([]TimelineItem, error) {
	if f.Limit <= 0 || f.Limit > MaxPerPage*10 {
		f.Limit = MaxPerPage * 10
	}
	var out []TimelineItem
	if err := s.reader(ctx).SelectContext(ctx, &out, timelineSQL, f.Since, f.Limit); err != nil {
		return nil, err
	}
	ids := make([]int64, len(out))
	at := map[int64]int{}
	for i := range out {
		ids[i], at[out[i].ID] = out[i].ID, i
	}
	var evs []evidenceRow
	if err := s.reader(ctx).SelectContext(ctx, &evs, timelineEvidenceSQL, pq.Array(ids)); err != nil {
		return nil, err
	}
	for _, e := range evs {
		it := &out[at[e.UpdateID]]
		it.Evidence = append(it.Evidence, e.Evidence)
	}
	return out, nil
}

// LedgerPrograms lists the public cooperation programs (policies of kind
// program) with every public commitment of each and its ledger.
func (s *Store) LedgerPrograms(ctx context.Context) ([]domain.Policy, map[int64][]domain.Commitment, error) {
	var progs []domain.Policy
	if err := s.reader(ctx).SelectContext(ctx, &progs, `SELECT `+policyColumns+` FROM public_policies p WHERE p.kind = 'program'
ORDER BY COALESCE(p.issued_on, CAST(p.published_at AS date)) DESC NULLS LAST, p.id DESC LIMIT 50`); err != nil {
		return nil, nil, err
	}
	var cs []domain.Commitment
	if err := s.reader(ctx).SelectContext(ctx, &cs, `SELECT `+commitmentColumns+` FROM public_commitments m JOIN policies p ON p.id = m.policy_id
ORDER BY m.policy_id, m.sort_order, m.id LIMIT 2000`); err != nil {
		return nil, nil, err
	}
	if err := attachUpdates(ctx, s.reader(ctx), cs); err != nil {
		return nil, nil, err
	}
	by := map[int64][]domain.Commitment{}
	for _, c := range cs {
		by[c.PolicyID] = append(by[c.PolicyID], c)
	}
	return progs, by, nil
}

// ProgramChoice is a program an official may attach a commitment to.
type ProgramChoice struct {
	ID     int64  `db:"id"`
	Title  string `db:"title"`
	Status string `db:"status"`
}

// ProgramChoices lists the programs that are not archived, newest first.
func (s *Store) ProgramChoices(ctx context.Context) ([]ProgramChoice, error) {
	var out []ProgramChoice
	err := s.db.SelectContext(ctx, &out, `SELECT id, title, status FROM policies
WHERE kind = 'program' AND status <> 'archived'
ORDER BY COALESCE(issued_on, CAST(created_at AS date)) DESC, id DESC LIMIT 200`)
	return out, err
}

// PublicLedger is every public commitment with its ledger, for summaries.
func (s *Store) PublicLedger(ctx context.Context) ([]domain.Commitment, error) {
	_, by, err := s.LedgerPrograms(ctx)
	if err != nil {
		return nil, err
	}
	var out []domain.Commitment
	for _, cs := range by {
		out = append(out, cs...)
	}
	return out, nil
}
