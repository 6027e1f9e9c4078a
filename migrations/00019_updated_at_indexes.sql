-- Harvesters ask the API for what changed since their last visit
-- (updated_since), and the open-data page says when each dataset last
-- changed (max(updated_at)): both read updated_at, so each entry table has
-- an index on it.

-- +goose Up
CREATE INDEX policies_updated_at ON policies (updated_at);
CREATE INDEX commitments_updated_at ON commitments (updated_at);
CREATE INDEX companies_updated_at ON companies (updated_at);
CREATE INDEX jobs_updated_at ON jobs (updated_at);
CREATE INDEX schools_updated_at ON schools (updated_at);
CREATE INDEX programs_updated_at ON programs (updated_at);
CREATE INDEX projects_updated_at ON projects (updated_at);

-- +goose Down
DROP INDEX projects_updated_at;
DROP INDEX programs_updated_at;
DROP INDEX schools_updated_at;
DROP INDEX jobs_updated_at;
DROP INDEX companies_updated_at;
DROP INDEX commitments_updated_at;
DROP INDEX policies_updated_at;
