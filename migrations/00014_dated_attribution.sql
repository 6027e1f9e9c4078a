-- Attribution by date. An entry is attributed to the body competent on its
-- publication date, a change to the body competent on the change's date:
-- after 01/03/2025 the Sở LĐ-TB&XH's work is its successors' (Sở GD&ĐT
-- for vocational training, Sở Y tế for social protection, else Sở Nội vụ).
-- An entry published before it was entered (an import or the demo data
-- with a historical publication date) counts as created then, so no entry
-- is published before it was created and its history starts at that date.
-- A transaction may set hoptac.at (the store's WithTime) to date what it
-- writes: the demo data's history lies at the demo dates.

-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION department_for(code text, d date, entity text, field text) RETURNS text AS $$
    SELECT CASE
        WHEN x.valid_to IS NULL OR x.valid_to >= d THEN x.code
        ELSE COALESCE(
            (SELECT y.code FROM departments y
              WHERE y.city_code = x.city_code AND y.valid_from <= d AND (y.valid_to IS NULL OR y.valid_to >= d)
                AND y.code = x.city_code || CASE
                    WHEN entity IN ('school', 'program') OR field = 'vocational' THEN '-sogddt'
                    WHEN field = 'social' THEN '-soyt'
                    ELSE '-sonv' END),
            department_valid_on(x.code, d))
        END
      FROM departments x WHERE x.code = $1
$$ LANGUAGE sql STABLE;

CREATE FUNCTION vn_date(t timestamptz) RETURNS date
    AS $$ SELECT (t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$
    LANGUAGE sql STABLE;

CREATE FUNCTION entry_dated() RETURNS trigger AS $$
DECLARE
    at timestamptz := NULLIF(current_setting('hoptac.at', true), '')::timestamptz;
BEGIN
    IF at IS NOT NULL THEN
        NEW.created_at := at;
        NEW.updated_at := at;
    END IF;
    IF NEW.published_at IS NOT NULL AND NEW.published_at < NEW.created_at THEN
        NEW.created_at := NEW.published_at;
        NEW.updated_at := NEW.published_at; -- version 1 is as it was then
    END IF;
    NEW.department_code := COALESCE(department_for(NEW.department_code,
        vn_date(COALESCE(NEW.published_at, NEW.created_at)), TG_ARGV[0], to_jsonb(NEW) ->> 'field'), NEW.department_code);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_entry() RETURNS trigger AS $$
DECLARE
    entity  text := TG_ARGV[0];
    actor   bigint := NULLIF(current_setting('hoptac.user_id', true), '')::bigint;
    dept    text := NULLIF(current_setting('hoptac.department', true), '');
    stamp   timestamptz := COALESCE(NULLIF(current_setting('hoptac.at', true), '')::timestamptz, clock_timestamp());
    act     text;
    diff    jsonb := '{}';
    oldj    jsonb;
    newj    jsonb;
    k       text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        act := 'create';
        newj := to_jsonb(NEW) - ARRAY['id', 'created_at', 'updated_at', 'version', 'slug'];
        FOR k IN SELECT jsonb_object_keys(newj) LOOP
            IF newj -> k <> 'null'::jsonb AND newj -> k <> '""'::jsonb AND newj -> k <> '[]'::jsonb AND newj -> k <> '{}'::jsonb THEN
                diff := diff || jsonb_build_object(k, jsonb_build_object('from', NULL, 'to', newj -> k));
            END IF;
        END LOOP;
        -- created then, by the body the entry is attributed to
        INSERT INTO audit_log (at, user_id, department_code, entity_type, entity_id, action, changes)
            VALUES (LEAST(stamp, NEW.created_at), actor,
                    department_for(COALESCE(dept, NEW.department_code), vn_date(LEAST(stamp, NEW.created_at)), entity, newj ->> 'field'),
                    entity, NEW.id, act, diff);
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_log (at, user_id, department_code, entity_type, entity_id, action)
            VALUES (stamp, actor, department_for(COALESCE(dept, OLD.department_code), vn_date(stamp), entity, to_jsonb(OLD) ->> 'field'),
                    entity, OLD.id, 'delete');
        RETURN NULL;
    END IF;
    oldj := to_jsonb(OLD) - ARRAY['updated_at', 'version', 'slug', 'published_at'];
    newj := to_jsonb(NEW) - ARRAY['updated_at', 'version', 'slug', 'published_at'];
    FOR k IN SELECT jsonb_object_keys(newj) LOOP
        IF (oldj -> k) IS DISTINCT FROM (newj -> k) THEN
            diff := diff || jsonb_build_object(k, jsonb_build_object('from', oldj -> k, 'to', newj -> k));
        END IF;
    END LOOP;
    IF diff = '{}'::jsonb THEN
        RETURN NULL; -- nothing a person would call a change
    END IF;
    act := CASE
        WHEN OLD.status <> NEW.status AND NEW.status = 'published' AND OLD.status = 'archived' THEN 'restore'
        WHEN OLD.status <> NEW.status AND NEW.status = 'published' THEN 'publish'
        WHEN OLD.status <> NEW.status AND NEW.status = 'archived' THEN 'archive'
        WHEN OLD.status <> NEW.status AND NEW.status = 'draft' AND OLD.status = 'archived' THEN 'restore'
        WHEN OLD.status <> NEW.status THEN 'unpublish'
        ELSE 'update' END;
    INSERT INTO audit_log (at, user_id, department_code, entity_type, entity_id, action, changes, reason)
        VALUES (stamp, actor, department_for(COALESCE(dept, NEW.department_code), vn_date(stamp), entity, newj ->> 'field'),
                entity, NEW.id, act, diff,
                CASE WHEN act = 'archive' THEN NEW.archive_reason ELSE '' END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER policies_dated BEFORE INSERT ON policies FOR EACH ROW EXECUTE FUNCTION entry_dated('policy');
CREATE TRIGGER companies_dated BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION entry_dated('company');
CREATE TRIGGER jobs_dated BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION entry_dated('job');
CREATE TRIGGER schools_dated BEFORE INSERT ON schools FOR EACH ROW EXECUTE FUNCTION entry_dated('school');
CREATE TRIGGER programs_dated BEFORE INSERT ON programs FOR EACH ROW EXECUTE FUNCTION entry_dated('program');
CREATE TRIGGER projects_dated BEFORE INSERT ON projects FOR EACH ROW EXECUTE FUNCTION entry_dated('project');
CREATE TRIGGER commitments_dated BEFORE INSERT ON commitments FOR EACH ROW EXECUTE FUNCTION entry_dated('commitment');

-- +goose Down
-- audit_entry as migration 00004 wrote it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_entry() RETURNS trigger AS $$
DECLARE
    entity  text := TG_ARGV[0];
    actor   bigint := NULLIF(current_setting('hoptac.user_id', true), '')::bigint;
    dept    text := NULLIF(current_setting('hoptac.department', true), '');
    act     text;
    diff    jsonb := '{}';
    oldj    jsonb;
    newj    jsonb;
    k       text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        act := 'create';
        newj := to_jsonb(NEW) - ARRAY['id', 'created_at', 'updated_at', 'version', 'slug'];
        FOR k IN SELECT jsonb_object_keys(newj) LOOP
            IF newj -> k <> 'null'::jsonb AND newj -> k <> '""'::jsonb AND newj -> k <> '[]'::jsonb AND newj -> k <> '{}'::jsonb THEN
                diff := diff || jsonb_build_object(k, jsonb_build_object('from', NULL, 'to', newj -> k));
            END IF;
        END LOOP;
        INSERT INTO audit_log (user_id, department_code, entity_type, entity_id, action, changes)
            VALUES (actor, COALESCE(dept, NEW.department_code), entity, NEW.id, act, diff);
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_log (user_id, department_code, entity_type, entity_id, action)
            VALUES (actor, COALESCE(dept, OLD.department_code), entity, OLD.id, 'delete');
        RETURN NULL;
    END IF;
    oldj := to_jsonb(OLD) - ARRAY['updated_at', 'version', 'slug', 'published_at'];
    newj := to_jsonb(NEW) - ARRAY['updated_at', 'version', 'slug', 'published_at'];
    FOR k IN SELECT jsonb_object_keys(newj) LOOP
        IF (oldj -> k) IS DISTINCT FROM (newj -> k) THEN
            diff := diff || jsonb_build_object(k, jsonb_build_object('from', oldj -> k, 'to', newj -> k));
        END IF;
    END LOOP;
    IF diff = '{}'::jsonb THEN
        RETURN NULL; -- nothing a person would call a change
    END IF;
    act := CASE
        WHEN OLD.status <> NEW.status AND NEW.status = 'published' AND OLD.status = 'archived' THEN 'restore'
        WHEN OLD.status <> NEW.status AND NEW.status = 'published' THEN 'publish'
        WHEN OLD.status <> NEW.status AND NEW.status = 'archived' THEN 'archive'
        WHEN OLD.status <> NEW.status AND NEW.status = 'draft' AND OLD.status = 'archived' THEN 'restore'
        WHEN OLD.status <> NEW.status THEN 'unpublish'
        ELSE 'update' END;
    INSERT INTO audit_log (user_id, department_code, entity_type, entity_id, action, changes, reason)
        VALUES (actor, COALESCE(dept, NEW.department_code), entity, NEW.id, act, diff,
                CASE WHEN act = 'archive' THEN NEW.archive_reason ELSE '' END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
DROP TRIGGER commitments_dated ON commitments;
DROP TRIGGER projects_dated ON projects;
DROP TRIGGER programs_dated ON programs;
DROP TRIGGER schools_dated ON schools;
DROP TRIGGER jobs_dated ON jobs;
DROP TRIGGER companies_dated ON companies;
DROP TRIGGER policies_dated ON policies;
DROP FUNCTION entry_dated();
DROP FUNCTION vn_date(timestamptz);
DROP FUNCTION department_for(text, date, text, text);
