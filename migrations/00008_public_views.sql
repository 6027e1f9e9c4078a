-- What "public" means, said once. A page, a count, the search fallback and
-- the search index read these views, never the status columns directly:
--   * an entry is public while it is published and so is its parent
--     (a job's company, a program's school, a commitment's policy);
--   * a public job is open while its deadline has not passed (Vietnam time).
-- The views list their tables' columns as they are now (PostgreSQL expands
-- the *): a migration that adds a column to an entry table must CREATE OR
-- REPLACE its view too (the store's statement check fails until it does).
--
-- The order of the education levels is a table, not an array literal in
-- every query that compares levels.

-- +goose Up
CREATE TABLE education_levels (
    code text PRIMARY KEY,
    rank integer NOT NULL UNIQUE
);
INSERT INTO education_levels (code, rank) VALUES
    ('none', 1), ('lower_secondary', 2), ('upper_secondary', 3), ('so_cap', 4),
    ('trung_cap', 5), ('cao_dang', 6), ('university', 7);

-- A job's deadline ends at midnight in Vietnam; no deadline never ends.
CREATE FUNCTION job_is_open(deadline date) RETURNS boolean
    AS $$ SELECT deadline IS NULL OR deadline >= vn_today() $$
    LANGUAGE sql STABLE;

CREATE VIEW public_policies AS
    SELECT * FROM policies WHERE status = 'published';

CREATE VIEW public_companies AS
    SELECT * FROM companies WHERE status = 'published';

CREATE VIEW public_schools AS
    SELECT * FROM schools WHERE status = 'published';

CREATE VIEW public_projects AS
    SELECT * FROM projects WHERE status = 'published';

CREATE VIEW public_jobs AS
    SELECT j.* FROM jobs j
     WHERE j.status = 'published'
       AND EXISTS (SELECT 1 FROM public_companies c WHERE c.id = j.company_id);

CREATE VIEW public_programs AS
    SELECT p.* FROM programs p
     WHERE p.status = 'published'
       AND EXISTS (SELECT 1 FROM public_schools s WHERE s.id = p.school_id);

CREATE VIEW public_commitments AS
    SELECT m.* FROM commitments m
     WHERE m.status = 'published'
       AND EXISTS (SELECT 1 FROM public_policies p WHERE p.id = m.policy_id);

-- The jobs a job seeker is offered: public and still open.
CREATE VIEW open_jobs AS
    SELECT * FROM public_jobs WHERE job_is_open(deadline);

-- +goose Down
DROP VIEW open_jobs;
DROP VIEW public_commitments;
DROP VIEW public_programs;
DROP VIEW public_jobs;
DROP VIEW public_projects;
DROP VIEW public_schools;
DROP VIEW public_companies;
DROP VIEW public_policies;
DROP FUNCTION job_is_open(date);
DROP TABLE education_levels;
