-- +goose Up
-- A program names the occupations (VSCO 2020 major groups) it trains for,
-- so its page can list the live jobs it leads to and a job's page the
-- courses that train for it; and its support becomes structured: who
-- qualifies and what they get (the free text stays for the details).
ALTER TABLE programs
    ADD COLUMN occupations text[] NOT NULL DEFAULT '{}',
    ADD COLUMN support_groups text[] NOT NULL DEFAULT '{}',
    ADD COLUMN support_benefits text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT programs_occupations_count CHECK (cardinality(occupations) <= 10),
    ADD CONSTRAINT programs_support_groups_count CHECK (cardinality(support_groups) <= 20),
    ADD CONSTRAINT programs_support_benefits_count CHECK (cardinality(support_benefits) <= 20);

CREATE INDEX programs_occupations_idx ON programs USING gin (occupations);
CREATE INDEX programs_support_groups_idx ON programs USING gin (support_groups);

-- The view's p.* was expanded when it was made: make it again to carry
-- the new columns.
CREATE OR REPLACE VIEW public_programs AS
    SELECT p.* FROM programs p
     WHERE p.status = 'published'
       AND EXISTS (SELECT 1 FROM public_schools s WHERE s.id = p.school_id);

-- +goose Down
DROP VIEW public_programs;
CREATE VIEW public_programs AS
    SELECT p.id, p.slug, p.status, p.external_id, p.department_code, p.archive_reason,
           p.created_at, p.updated_at, p.published_at, p.version, p.school_id, p.name, p.level,
           p.duration_months, p.tuition_vnd, p.quota, p.intake, p.mode, p.support, p.description, p.city
      FROM programs p
     WHERE p.status = 'published'
       AND EXISTS (SELECT 1 FROM public_schools s WHERE s.id = p.school_id);
DROP INDEX programs_support_groups_idx;
DROP INDEX programs_occupations_idx;
ALTER TABLE programs
    DROP COLUMN support_benefits,
    DROP COLUMN support_groups,
    DROP COLUMN occupations;
