-- +goose Up
-- PostgreSQL decides whether a save changes an entry: an UPDATE that
-- leaves every column but the bookkeeping ones (updated_at, version) as it
-- was writes nothing — no new version, no audit entry, no reindex. The
-- whole row is compared, so a column added later can never be forgotten.
-- The trigger names sort after the tables' other BEFORE triggers (which
-- fill in derived columns), so it sees the row as it would be stored.

-- +goose StatementBegin
CREATE FUNCTION skip_unchanged_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) - '{updated_at,version}'::text[] = to_jsonb(OLD) - '{updated_at,version}'::text[] THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER policies_unchanged BEFORE UPDATE ON policies FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();
CREATE TRIGGER companies_unchanged BEFORE UPDATE ON companies FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();
CREATE TRIGGER jobs_unchanged BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();
CREATE TRIGGER schools_unchanged BEFORE UPDATE ON schools FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();
CREATE TRIGGER programs_unchanged BEFORE UPDATE ON programs FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();
CREATE TRIGGER projects_unchanged BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();
CREATE TRIGGER commitments_unchanged BEFORE UPDATE ON commitments FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update();

-- +goose Down
DROP TRIGGER commitments_unchanged ON commitments;
DROP TRIGGER projects_unchanged ON projects;
DROP TRIGGER programs_unchanged ON programs;
DROP TRIGGER schools_unchanged ON schools;
DROP TRIGGER jobs_unchanged ON jobs;
DROP TRIGGER companies_unchanged ON companies;
DROP TRIGGER policies_unchanged ON policies;
DROP FUNCTION skip_unchanged_update();
