package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// DemoDataKey is the site_meta key the demo seed sets (to the time it
// loaded); while it is set, every page says the data is a demonstration.
const DemoDataKey = "demo_data_loaded_at"

// Batch writes several entries in one transaction: all land or none do.
// The seed and the importer use it.
type Batch struct {
	tx *sqlx.Tx
}

// Batch runs fn in one transaction.
func (s *Store) Batch(ctx context.Context, fn func(b *Batch) error) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return fn(&Batch{tx: tx}) })
}

func (b *Batch) CreatePolicy(ctx context.Context, p *domain.Policy) error {
	return translate(createPolicy(ctx, b.tx, p))
}

func (b *Batch) CreateCompany(ctx context.Context, c *domain.Company) error {
	return translate(createCompany(ctx, b.tx, c))
}

func (b *Batch) CreateJob(ctx context.Context, j *domain.Job) error {
	return translate(createJob(ctx, b.tx, j))
}

func (b *Batch) CreateSchool(ctx context.Context, s *domain.School) error {
	return translate(createSchool(ctx, b.tx, s))
}

func (b *Batch) CreateProgram(ctx context.Context, p *domain.Program) error {
	return translate(createProgram(ctx, b.tx, p))
}

func (b *Batch) CreateProject(ctx context.Context, p *domain.Project) error {
	return translate(createProject(ctx, b.tx, p))
}

func (b *Batch) CreateCommitment(ctx context.Context, m *domain.Commitment) error {
	return translate(createCommitment(ctx, b.tx, m))
}

// Update saves an entry (a *domain.Job, *domain.Company, …) if its version
// is still current; else ErrConflict.
func (b *Batch) Update(ctx context.Context, entry any) error {
	switch e := entry.(type) {
	case *domain.Policy:
		e.Slug = vn.Slug(e.Title)
		return updateChecked(ctx, b.tx, &e.Meta, policyUpdateSQL, e, Policies)
	case *domain.Company:
		e.Slug = vn.Slug(e.Name)
		if e.IndustryVersion == "" {
			e.IndustryVersion = "VSIC2018"
		}
		return updateChecked(ctx, b.tx, &e.Meta, companyUpdateSQL, e, Companies)
	case *domain.Job:
		e.Slug = vn.Slug(e.Title)
		if e.PriorityGroups == nil {
			e.PriorityGroups = []string{}
		}
		return updateChecked(ctx, b.tx, &e.Meta, jobUpdateSQL, e, Jobs)
	case *domain.School:
		e.Slug = vn.Slug(e.Name)
		if err := updateChecked(ctx, b.tx, &e.Meta, schoolUpdateSQL, e, Schools); err != nil {
			return err
		}
		_, err := b.tx.ExecContext(ctx, `UPDATE programs SET city = $2 WHERE school_id = $1 AND city <> $2`, e.ID, e.City)
		return translate(err)
	case *domain.Program:
		e.Slug = vn.Slug(e.Name)
		return updateChecked(ctx, b.tx, &e.Meta, programUpdateSQL, e, Programs)
	case *domain.Project:
		e.Slug = vn.Slug(e.Title)
		return updateChecked(ctx, b.tx, &e.Meta, projectUpdateSQL, e, Projects)
	case *domain.Commitment:
		e.Slug = vn.Slug(e.Title)
		return updateChecked(ctx, b.tx, &e.Meta, commitmentUpdateSQL, e, Commitments)
	}
	return fmt.Errorf("store: cannot update a %T", entry)
}

// SetStatus moves an entry to status inside the batch; see Store.SetStatus.
func (b *Batch) SetStatus(ctx context.Context, t Table, id int64, version int, status domain.Status, reason string) (int, error) {
	query, ok := statusSQL[t]
	if !ok {
		return 0, fmt.Errorf("unknown table %q", t)
	}
	if status != domain.StatusArchived {
		reason = ""
	}
	return setStatus(ctx, b.tx, query, t, id, version, status, reason)
}

// Meta reads a site_meta value inside the batch; ErrNotFound if unset.
func (b *Batch) Meta(ctx context.Context, key string) (string, error) {
	return meta(ctx, b.tx, key)
}

// SetMeta writes a site_meta value inside the batch.
func (b *Batch) SetMeta(ctx context.Context, key, value string) error {
	_, err := b.tx.ExecContext(ctx, `INSERT INTO site_meta (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, key, value)
	return err
}

// LockMeta takes a transaction-level advisory lock so two seeds started at
// once cannot both load the data.
func (b *Batch) LockMeta(ctx context.Context, key string) error {
	_, err := b.tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, key)
	return err
}

// Meta reads a site_meta value; ErrNotFound if unset.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	return meta(ctx, s.db, key)
}

func meta(ctx context.Context, q sqlx.QueryerContext, key string) (string, error) {
	var v string
	err := sqlx.GetContext(ctx, q, &v, `SELECT value FROM site_meta WHERE key = $1`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return v, err
}
