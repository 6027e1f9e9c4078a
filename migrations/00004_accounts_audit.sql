-- Officials' accounts, server-side sessions, login throttling and the
-- append-only audit trail of every change to an entry.

-- +goose Up
CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    role          text NOT NULL CHECK (role IN ('admin', 'editor')),
    -- an editor works for one city; an admin for every city (NULL)
    city          text REFERENCES cities(code),
    department_code text REFERENCES departments(code),
    password_hash text NOT NULL,
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_editor_has_city CHECK (role = 'admin' OR city IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- Only a SHA-256 of each session token is stored: a leaked table opens no session.
CREATE TABLE sessions (
    token_hash  bytea PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins, per account (email as typed, lower-cased) and per client
-- address; kept in the database so several instances count together.
CREATE TABLE login_failures (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL,
    client     text NOT NULL,
    failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
CREATE INDEX login_failures_client_idx ON login_failures (client, failed_at);

-- The audit trail. Rows are written by triggers on every entry table, in the
-- writing transaction; who acted comes from the transaction's settings
-- hoptac.user_id and hoptac.department (set by the store), else "system".
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    user_id         bigint REFERENCES users(id),
    department_code text REFERENCES departments(code),
    entity_type     text NOT NULL,
    entity_id       bigint NOT NULL,
    action          text NOT NULL CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'archive', 'restore', 'delete')),
    -- {"field": {"from": …, "to": …}} for the fields that changed
    changes         jsonb NOT NULL DEFAULT '{}',
    reason          text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- +goose StatementBegin
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- +goose StatementBegin
CREATE FUNCTION audit_entry() RETURNS trigger AS $$
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

CREATE TRIGGER policies_audit AFTER INSERT OR UPDATE OR DELETE ON policies FOR EACH ROW EXECUTE FUNCTION audit_entry('policy');
CREATE TRIGGER companies_audit AFTER INSERT OR UPDATE OR DELETE ON companies FOR EACH ROW EXECUTE FUNCTION audit_entry('company');
CREATE TRIGGER jobs_audit AFTER INSERT OR UPDATE OR DELETE ON jobs FOR EACH ROW EXECUTE FUNCTION audit_entry('job');
CREATE TRIGGER schools_audit AFTER INSERT OR UPDATE OR DELETE ON schools FOR EACH ROW EXECUTE FUNCTION audit_entry('school');
CREATE TRIGGER programs_audit AFTER INSERT OR UPDATE OR DELETE ON programs FOR EACH ROW EXECUTE FUNCTION audit_entry('program');
CREATE TRIGGER projects_audit AFTER INSERT OR UPDATE OR DELETE ON projects FOR EACH ROW EXECUTE FUNCTION audit_entry('project');
CREATE TRIGGER commitments_audit AFTER INSERT OR UPDATE OR DELETE ON commitments FOR EACH ROW EXECUTE FUNCTION audit_entry('commitment');

-- +goose Down
DROP TRIGGER commitments_audit ON commitments;
DROP TRIGGER projects_audit ON projects;
DROP TRIGGER programs_audit ON programs;
DROP TRIGGER schools_audit ON schools;
DROP TRIGGER jobs_audit ON jobs;
DROP TRIGGER companies_audit ON companies;
DROP TRIGGER policies_audit ON policies;
DROP FUNCTION audit_entry();
DROP TABLE audit_log;
DROP FUNCTION audit_log_is_append_only();
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE users;
