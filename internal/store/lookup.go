package store

import (
	"context"

	"github.com/lib/pq"

	"hoptac/internal/domain"
)

// Lookups by import key (external_id), one per entry type, for the bulk
// importer: each returns ErrNotFound when no entry carries the key. An
// empty key never matches (entries without one store ''). Policies have
// PolicyByExternalID in policy.go; companies and schools also have their
// natural keys (CompanyByTaxCode, SchoolByCode).

const (
	companyByExternalIDSQL = `SELECT ` + companyColumns + ` FROM companies c ` + companyOpenJoin +
		` WHERE c.external_id = $1 AND c.external_id <> ''`
	jobByExternalIDSQL = `SELECT ` + jobColumns + `
FROM jobs j JOIN companies c ON c.id = j.company_id LEFT JOIN wards w ON w.code = j.ward_code
WHERE j.external_id = $1 AND j.external_id <> ''`
	schoolByExternalIDSQL = `SELECT ` + schoolColumns + ` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code
WHERE s.external_id = $1 AND s.external_id <> ''`
	programByExternalIDSQL = `SELECT ` + programColumns + ` FROM programs p JOIN schools s ON s.id = p.school_id
WHERE p.external_id = $1 AND p.external_id <> ''`
	projectByExternalIDSQL = `SELECT ` + projectColumns + ` FROM projects p
WHERE p.external_id = $1 AND p.external_id <> ''`
	commitmentByExternalIDSQL = `SELECT ` + commitmentColumns + ` FROM commitments m JOIN policies p ON p.id = m.policy_id
WHERE m.external_id = $1 AND m.external_id <> ''`
)

// CompanyByExternalID finds a company by its import key.
func (s *Store) CompanyByExternalID(ctx context.Context, externalID string) (domain.Company, error) {
	var c domain.Company
	err := get(ctx, s.db, &c, companyByExternalIDSQL, externalID)
	return c, err
}

// JobByExternalID finds a job by its import key.
func (s *Store) JobByExternalID(ctx context.Context, externalID string) (domain.Job, error) {
	var j domain.Job
	err := get(ctx, s.db, &j, jobByExternalIDSQL, externalID)
	return j, err
}

// SchoolByExternalID finds a school by its import key.
func (s *Store) SchoolByExternalID(ctx context.Context, externalID string) (domain.School, error) {
	var sc domain.School
	err := get(ctx, s.db, &sc, schoolByExternalIDSQL, externalID)
	return sc, err
}

// ProgramByExternalID finds a training program by its import key.
func (s *Store) ProgramByExternalID(ctx context.Context, externalID string) (domain.Program, error) {
	var p domain.Program
	err := get(ctx, s.db, &p, programByExternalIDSQL, externalID)
	return p, err
}

// ProjectByExternalID finds a project by its import key.
func (s *Store) ProjectByExternalID(ctx context.Context, externalID string) (domain.Project, error) {
	var p domain.Project
	err := get(ctx, s.db, &p, projectByExternalIDSQL, externalID)
	return p, err
}

// CommitmentByExternalID finds a commitment by its import key.
func (s *Store) CommitmentByExternalID(ctx context.Context, externalID string) (domain.Commitment, error) {
	var m domain.Commitment
	err := get(ctx, s.db, &m, commitmentByExternalIDSQL, externalID)
	return m, err
}

// The same lookups for many keys at once (the importer reads ahead a few
// hundred rows and asks for all their keys in one query). Keys that match
// nothing are simply missing from the result.

const (
	policiesByExternalIDsSQL = `SELECT ` + policyColumns + ` FROM policies p
WHERE p.external_id = ANY($1) AND p.external_id <> ''`
	companiesByExternalIDsSQL = `SELECT ` + companyColumns + ` FROM companies c ` + companyOpenJoin +
		` WHERE c.external_id = ANY($1) AND c.external_id <> ''`
	jobsByExternalIDsSQL = `SELECT ` + jobColumns + `
FROM jobs j JOIN companies c ON c.id = j.company_id LEFT JOIN wards w ON w.code = j.ward_code
WHERE j.external_id = ANY($1) AND j.external_id <> ''`
	schoolsByExternalIDsSQL = `SELECT ` + schoolColumns + ` FROM schools s LEFT JOIN wards w ON w.code = s.ward_code
WHERE s.external_id = ANY($1) AND s.external_id <> ''`
	programsByExternalIDsSQL = `SELECT ` + programColumns + ` FROM programs p JOIN schools s ON s.id = p.school_id
WHERE p.external_id = ANY($1) AND p.external_id <> ''`
	projectsByExternalIDsSQL = `SELECT ` + projectColumns + ` FROM projects p
WHERE p.external_id = ANY($1) AND p.external_id <> ''`
	commitmentsByExternalIDsSQL = `SELECT ` + commitmentColumns + ` FROM commitments m JOIN policies p ON p.id = m.policy_id
WHERE m.external_id = ANY($1) AND m.external_id <> ''`
)

// PoliciesByExternalIDs finds the policies of several import keys.
func (s *Store) PoliciesByExternalIDs(ctx context.Context, ids []string) ([]domain.Policy, error) {
	var out []domain.Policy
	err := s.db.SelectContext(ctx, &out, policiesByExternalIDsSQL, pq.Array(ids))
	return out, err
}

// CompaniesByExternalIDs finds the companies of several import keys.
func (s *Store) CompaniesByExternalIDs(ctx context.Context, ids []string) ([]domain.Company, error) {
	var out []domain.Company
	err := s.db.SelectContext(ctx, &out, companiesByExternalIDsSQL, pq.Array(ids))
	return out, err
}

// JobsByExternalIDs finds the jobs of several import keys.
func (s *Store) JobsByExternalIDs(ctx context.Context, ids []string) ([]domain.Job, error) {
	var out []domain.Job
	err := s.db.SelectContext(ctx, &out, jobsByExternalIDsSQL, pq.Array(ids))
	return out, err
}

// SchoolsByExternalIDs finds the schools of several import keys.
func (s *Store) SchoolsByExternalIDs(ctx context.Context, ids []string) ([]domain.School, error) {
	var out []domain.School
	err := s.db.SelectContext(ctx, &out, schoolsByExternalIDsSQL, pq.Array(ids))
	return out, err
}

// ProgramsByExternalIDs finds the training programs of several import keys.
func (s *Store) ProgramsByExternalIDs(ctx context.Context, ids []string) ([]domain.Program, error) {
	var out []domain.Program
	err := s.db.SelectContext(ctx, &out, programsByExternalIDsSQL, pq.Array(ids))
	return out, err
}

// ProjectsByExternalIDs finds the projects of several import keys.
func (s *Store) ProjectsByExternalIDs(ctx context.Context, ids []string) ([]domain.Project, error) {
	var out []domain.Project
	err := s.db.SelectContext(ctx, &out, projectsByExternalIDsSQL, pq.Array(ids))
	return out, err
}

// CommitmentsByExternalIDs finds the commitments of several import keys.
func (s *Store) CommitmentsByExternalIDs(ctx context.Context, ids []string) ([]domain.Commitment, error) {
	var out []domain.Commitment
	err := s.db.SelectContext(ctx, &out, commitmentsByExternalIDsSQL, pq.Array(ids))
	return out, err
}
