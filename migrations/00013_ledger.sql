-- The cooperation ledger: a commitment's progress updates and reviews are
-- rows of their own (date, text, kind, author department) with evidence
-- links, instead of JSON typed into a textarea. A commitment names the
-- departments responsible for it and may carry a weight; a program names
-- the program that continues it.
--
-- commitments.ledger_digest is a digest of the commitment's updates,
-- written by the store with them: a change to the updates changes the
-- commitment's row, so "nothing changed" detection, versions, the audit
-- trail and the search outbox all see it.

-- +goose Up

-- The body that was competent for a department's work on day d: the
-- department itself while it was valid, else its successor's (followed
-- as far as needed). Unknown codes give NULL.
-- +goose StatementBegin
CREATE FUNCTION department_valid_on(code text, d date) RETURNS text AS $$
    WITH RECURSIVE chain(code, valid_from, valid_to, successor, depth) AS (
        SELECT x.code, x.valid_from, x.valid_to, x.successor, 0 FROM departments x WHERE x.code = $1
        UNION ALL
        SELECT y.code, y.valid_from, y.valid_to, y.successor, chain.depth + 1
          FROM chain JOIN departments y ON y.code = chain.successor
         WHERE chain.valid_to IS NOT NULL AND chain.valid_to < $2 AND chain.depth < 10
    )
    SELECT code FROM chain ORDER BY depth DESC LIMIT 1
$$ LANGUAGE sql STABLE;
-- +goose StatementEnd

ALTER TABLE commitments
    ADD COLUMN departments   text[] NOT NULL DEFAULT '{}',
    ADD COLUMN weight        integer CONSTRAINT commitments_weight_check CHECK (weight IS NULL OR weight BETWEEN 1 AND 100),
    ADD COLUMN ledger_digest text NOT NULL DEFAULT '' CONSTRAINT commitments_ledger_digest_length CHECK (char_length(ledger_digest) <= 64);

-- A task carried over to the next program is neither done nor late.
ALTER TABLE commitments DROP CONSTRAINT commitments_progress_check,
    ADD CONSTRAINT commitments_progress_check CHECK (progress IN ('not_started', 'in_progress', 'done', 'delayed', 'moved'));

ALTER TABLE policies
    ADD COLUMN continued_by bigint CONSTRAINT policies_continued_by_fkey REFERENCES policies(id),
    ADD CONSTRAINT policies_continued_by_check CHECK (continued_by <> id);

CREATE TABLE commitment_updates (
    id              bigserial PRIMARY KEY,
    commitment_id   bigint NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    position        integer NOT NULL,
    on_date         date NOT NULL,
    kind            text NOT NULL CONSTRAINT commitment_updates_kind_check CHECK (kind IN ('update', 'so_ket', 'tong_ket')),
    body            text NOT NULL CONSTRAINT commitment_updates_body_check CHECK (btrim(body) <> '' AND length(body) <= 4000),
    department_code text CONSTRAINT commitment_updates_department_code_fkey REFERENCES departments(code),
    UNIQUE (commitment_id, position)
);
CREATE INDEX commitment_updates_date_idx ON commitment_updates (on_date DESC, id DESC);

CREATE TABLE commitment_evidence (
    update_id bigint NOT NULL REFERENCES commitment_updates(id) ON DELETE CASCADE,
    position  integer NOT NULL,
    title     text NOT NULL CONSTRAINT commitment_evidence_title_check CHECK (btrim(title) <> '' AND length(title) <= 300),
    source    text NOT NULL DEFAULT '' CONSTRAINT commitment_evidence_source_check CHECK (length(source) <= 300),
    -- only web links a browser opens as a page: no javascript:, data:, file:
    url       text NOT NULL CONSTRAINT commitment_evidence_url_check CHECK (url ~* '^https?://[^[:space:]]+$' AND length(url) <= 2000),
    -- demo data: a link that illustrates, not a real government page
    example   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (update_id, position)
);

-- What the JSON said, as rows. The author is the commitment's department,
-- as it was on the update's date.
INSERT INTO commitment_updates (commitment_id, position, on_date, kind, body, department_code)
SELECT m.id, u.ord, CAST(u.item ->> 'date' AS date), 'update', u.item ->> 'note',
       department_valid_on(m.department_code, CAST(u.item ->> 'date' AS date))
  FROM commitments m, jsonb_array_elements(m.progress_updates) WITH ORDINALITY AS u(item, ord)
 WHERE btrim(COALESCE(u.item ->> 'note', '')) <> '' AND COALESCE(u.item ->> 'date', '') ~ '^\d{4}-\d{2}-\d{2}$';
INSERT INTO commitment_evidence (update_id, position, title, source, url)
SELECT cu.id, 1, 'Minh chứng', substring(u.item ->> 'evidence_url' FROM '^https?://([^/]+)'), u.item ->> 'evidence_url'
  FROM commitments m, jsonb_array_elements(m.progress_updates) WITH ORDINALITY AS u(item, ord)
  JOIN commitment_updates cu ON cu.position = u.ord
 WHERE cu.commitment_id = m.id AND cu.kind = 'update' AND COALESCE(u.item ->> 'evidence_url', '') ~* '^https?://[^[:space:]]+$';
INSERT INTO commitment_updates (commitment_id, position, on_date, kind, body, department_code)
SELECT m.id, 1000 + r.ord, CAST(r.item ->> 'date' AS date), r.item ->> 'kind', r.item ->> 'summary',
       department_valid_on(m.department_code, CAST(r.item ->> 'date' AS date))
  FROM commitments m, jsonb_array_elements(m.reviews) WITH ORDINALITY AS r(item, ord)
 WHERE r.item ->> 'kind' IN ('so_ket', 'tong_ket') AND btrim(COALESCE(r.item ->> 'summary', '')) <> ''
   AND COALESCE(r.item ->> 'date', '') ~ '^\d{4}-\d{2}-\d{2}$';
INSERT INTO commitment_evidence (update_id, position, title, source, url)
SELECT cu.id, 1, 'Báo cáo', substring(r.item ->> 'document_url' FROM '^https?://([^/]+)'), r.item ->> 'document_url'
  FROM commitments m, jsonb_array_elements(m.reviews) WITH ORDINALITY AS r(item, ord)
  JOIN commitment_updates cu ON cu.position = 1000 + r.ord
 WHERE cu.commitment_id = m.id AND COALESCE(r.item ->> 'document_url', '') ~* '^https?://[^[:space:]]+$';
UPDATE commitments SET ledger_digest = 'migrated' WHERE id IN (SELECT commitment_id FROM commitment_updates);

-- An update is signed by a body that was competent on its date; a
-- commitment's responsible departments are departments.
-- +goose StatementBegin
CREATE FUNCTION commitment_updates_department_valid() RETURNS trigger AS $$
BEGIN
    IF NEW.department_code IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM departments d WHERE d.code = NEW.department_code
           AND d.valid_from <= NEW.on_date AND (d.valid_to IS NULL OR d.valid_to >= NEW.on_date)) THEN
        RAISE EXCEPTION 'department % was not competent on %', NEW.department_code, NEW.on_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'commitment_updates_department_valid';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION commitments_departments_exist() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(NEW.departments) AS x(code)
                WHERE NOT EXISTS (SELECT 1 FROM departments d WHERE d.code = x.code)) THEN
        RAISE EXCEPTION 'commitment % names an unknown department', NEW.id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'commitments_departments_fkey';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER commitment_updates_department_valid BEFORE INSERT OR UPDATE ON commitment_updates
    FOR EACH ROW EXECUTE FUNCTION commitment_updates_department_valid();
CREATE TRIGGER commitments_departments_exist BEFORE INSERT OR UPDATE OF departments ON commitments
    FOR EACH ROW EXECUTE FUNCTION commitments_departments_exist();

DROP VIEW public_commitments;
ALTER TABLE commitments DROP COLUMN progress_updates, DROP COLUMN reviews;
CREATE OR REPLACE VIEW public_policies AS
    SELECT * FROM policies WHERE status = 'published';
CREATE VIEW public_commitments AS
    SELECT m.* FROM commitments m
     WHERE m.status = 'published'
       AND EXISTS (SELECT 1 FROM public_policies p WHERE p.id = m.policy_id);
-- The public timeline: updates of public commitments.
CREATE VIEW public_commitment_updates AS
    SELECT u.* FROM commitment_updates u
     WHERE EXISTS (SELECT 1 FROM public_commitments m WHERE m.id = u.commitment_id);

-- +goose Down
DROP VIEW public_commitment_updates;
DROP VIEW public_commitments;
ALTER TABLE commitments
    ADD COLUMN progress_updates jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(progress_updates) = 'array'),
    ADD COLUMN reviews jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reviews) = 'array'),
    ADD CONSTRAINT commitments_progress_updates_length CHECK (jsonb_array_length(progress_updates) <= 200),
    ADD CONSTRAINT commitments_reviews_length CHECK (jsonb_array_length(reviews) <= 50);
DROP TRIGGER commitments_departments_exist ON commitments;
DROP TRIGGER commitment_updates_department_valid ON commitment_updates;
DROP FUNCTION commitments_departments_exist();
DROP FUNCTION commitment_updates_department_valid();
DROP TABLE commitment_evidence;
DROP TABLE commitment_updates;
UPDATE commitments SET progress = 'not_started' WHERE progress = 'moved';
ALTER TABLE commitments DROP CONSTRAINT commitments_progress_check,
    ADD CONSTRAINT commitments_progress_check CHECK (progress IN ('not_started', 'in_progress', 'done', 'delayed'));
ALTER TABLE commitments DROP COLUMN ledger_digest, DROP COLUMN weight, DROP COLUMN departments;
DROP VIEW public_policies;
ALTER TABLE policies DROP CONSTRAINT policies_continued_by_check, DROP COLUMN continued_by;
CREATE VIEW public_policies AS
    SELECT * FROM policies WHERE status = 'published';
CREATE VIEW public_commitments AS
    SELECT m.* FROM commitments m
     WHERE m.status = 'published'
       AND EXISTS (SELECT 1 FROM public_policies p WHERE p.id = m.policy_id);
DROP FUNCTION department_valid_on(text, date);
