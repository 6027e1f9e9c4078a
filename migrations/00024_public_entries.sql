-- +goose Up
-- Every public entry of every type in one view, by the same public_*
-- views as everything else: what reads all types at once (the search
-- index's check against the database, IsPublic, the open-data counts)
-- reads this, so a new type joins here and not in the store's Go code.
-- A migration that drops one of the public_* views drops this first.
CREATE VIEW public_entries AS
          SELECT 'job'::text AS entity_type, id, version, updated_at FROM public_jobs
UNION ALL SELECT 'company', id, version, updated_at FROM public_companies
UNION ALL SELECT 'school', id, version, updated_at FROM public_schools
UNION ALL SELECT 'program', id, version, updated_at FROM public_programs
UNION ALL SELECT 'policy', id, version, updated_at FROM public_policies
UNION ALL SELECT 'project', id, version, updated_at FROM public_projects
UNION ALL SELECT 'commitment', id, version, updated_at FROM public_commitments;

-- +goose Down
DROP VIEW public_entries;
