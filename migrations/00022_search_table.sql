-- +goose Up
-- The fallback search reads one table, search_docs: one row per public
-- entry with its text folded (lower case, no diacritics, only letters and
-- digits) into a weighted tsvector under a GIN index, and the filter
-- columns beside it. A trigger on search_outbox keeps it, so every write
-- that reaches the search index reaches this table in its own transaction
-- (children too: the outbox trigger already enqueues a company's jobs, a
-- school's programs and a policy's commitments).

-- +goose StatementBegin
CREATE FUNCTION search_fold(t text) RETURNS text
    AS $$ SELECT btrim(regexp_replace(lower(unaccent(coalesce(t, ''))), '[^a-z0-9]+', ' ', 'g')) $$
    LANGUAGE sql STABLE;
-- +goose StatementEnd

-- What each public entry says, per weight: A its title, B its company,
-- school, organisation or issuer, C where it is and what kind of thing it
-- is (address, ward, former units, city, occupation and industry names in
-- Vietnamese and English), D its text. Jobs keep their deadline: the
-- search asks job_is_open at query time, as open_jobs does.
CREATE VIEW search_source AS
  SELECT 'job'::text AS entity_type, j.id AS entity_id, j.slug, j.title, c.name AS subtitle, ARRAY[j.city] AS cities, j.published_at,
         c.industry_code AS industry, j.occupation_code AS occupation, j.education, ''::text AS level, ''::text AS stage,
         j.employment_type, j.experience_years, j.priority_groups, j.wage_min, j.wage_max, j.deadline,
         concat_ws(' ', j.work_address, w.name, w.former_units, ci.name_vi, ci.name_en, o.name_vi, o.name_en, ind.name_vi, ind.name_en) AS place,
         concat_ws(' ', j.description, j.requirements, j.benefits) AS body
    FROM public_jobs j JOIN companies c ON c.id = j.company_id JOIN cities ci ON ci.code = j.city
    LEFT JOIN wards w ON w.code = j.ward_code
    LEFT JOIN vsco_groups o ON o.version = j.occupation_version AND o.code = j.occupation_code
    LEFT JOIN vsic_sections ind ON ind.version = c.industry_version AND ind.code = c.industry_code
  UNION ALL
  SELECT 'company', c.id, c.slug, c.name, c.tax_code, ARRAY[c.city], c.published_at,
         c.industry_code, '', '', '', '', '', 0, '{}', NULL, NULL, NULL,
         concat_ws(' ', c.address, w.name, w.former_units, ci.name_vi, ci.name_en, ind.name_vi, ind.name_en),
         c.description
    FROM public_companies c JOIN cities ci ON ci.code = c.city LEFT JOIN wards w ON w.code = c.ward_code
    LEFT JOIN vsic_sections ind ON ind.version = c.industry_version AND ind.code = c.industry_code
  UNION ALL
  SELECT 'school', s.id, s.slug, s.name, s.code, ARRAY[s.city], s.published_at,
         '', '', '', '', '', '', 0, '{}', NULL, NULL, NULL,
         concat_ws(' ', s.address, w.name, w.former_units, ci.name_vi, ci.name_en),
         s.description
    FROM public_schools s JOIN cities ci ON ci.code = s.city LEFT JOIN wards w ON w.code = s.ward_code
  UNION ALL
  -- a program is taught where its school is
  SELECT 'program', p.id, p.slug, p.name, s.name, ARRAY[p.city], p.published_at,
         '', '', '', p.level, '', '', 0, '{}', NULL, NULL, NULL,
         concat_ws(' ', s.address, w.name, w.former_units, ci.name_vi, ci.name_en),
         concat_ws(' ', p.support, p.description, p.intake)
    FROM public_programs p JOIN schools s ON s.id = p.school_id JOIN cities ci ON ci.code = p.city
    LEFT JOIN wards w ON w.code = s.ward_code
  UNION ALL
  SELECT 'policy', p.id, p.slug, p.title, concat_ws(' · ', NULLIF(p.doc_number, ''), NULLIF(p.issuer, '')),
         CASE WHEN p.city IS NULL THEN ARRAY(SELECT code FROM cities ORDER BY code) ELSE ARRAY[p.city] END, p.published_at,
         '', '', '', '', '', '', 0, '{}', NULL, NULL, NULL,
         concat_ws(' ', (SELECT string_agg(name_vi || ' ' || name_en, ' ') FROM cities WHERE p.city IS NULL OR code = p.city)),
         concat_ws(' ', p.summary, p.body)
    FROM public_policies p
  UNION ALL
  SELECT 'project', p.id, p.slug, p.title, p.organization, ARRAY[p.city], p.published_at,
         '', '', '', '', p.stage, '', 0, '{}', NULL, NULL, NULL,
         concat_ws(' ', ci.name_vi, ci.name_en),
         concat_ws(' ', p.field, p.description)
    FROM public_projects p JOIN cities ci ON ci.code = p.city
  UNION ALL
  SELECT 'commitment', m.id, m.slug, m.title, p.title,
         CASE WHEN m.city IS NULL THEN ARRAY(SELECT code FROM cities ORDER BY code) ELSE ARRAY[m.city] END, m.published_at,
         '', '', '', '', '', '', 0, '{}', NULL, NULL, NULL,
         '', m.description
    FROM public_commitments m JOIN policies p ON p.id = m.policy_id;

CREATE TABLE search_docs (
    entity_type      text NOT NULL,
    entity_id        bigint NOT NULL,
    slug             text NOT NULL,
    title            text NOT NULL,
    subtitle         text NOT NULL,
    cities           text[] NOT NULL,
    published_at     timestamptz,
    industry         text NOT NULL,
    occupation       text NOT NULL,
    education        text NOT NULL,
    level            text NOT NULL,
    stage            text NOT NULL,
    employment_type  text NOT NULL,
    experience_years integer NOT NULL,
    priority_groups  text[] NOT NULL,
    wage_min         bigint,
    wage_max         bigint,
    deadline         date,
    doc              tsvector NOT NULL,
    -- title and organisation only: small enough to rank thousands of
    -- matches by (ranking on doc read every match's whole text)
    head_doc         tsvector NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
);
CREATE INDEX search_docs_doc_idx ON search_docs USING gin (doc);
-- The document is read only through its index: keep it out of line, so
-- the rows a count or a page reads are short (half the pages at 100,000).
ALTER TABLE search_docs SET (toast_tuple_target = 128);
ALTER TABLE search_docs ALTER COLUMN doc SET STORAGE EXTERNAL;

-- search_source with its document built: what a search_docs row holds.
CREATE VIEW search_doc_source AS
    SELECT s.entity_type, s.entity_id, s.slug, s.title, s.subtitle, s.cities, s.published_at,
           s.industry, s.occupation, s.education, s.level, s.stage, s.employment_type, s.experience_years,
           s.priority_groups, s.wage_min, s.wage_max, s.deadline,
           setweight(to_tsvector('simple', search_fold(s.title)), 'A') ||
           setweight(to_tsvector('simple', search_fold(s.subtitle)), 'B') ||
           setweight(to_tsvector('simple', search_fold(s.place)), 'C') ||
           setweight(to_tsvector('simple', search_fold(s.body)), 'D') AS doc,
           setweight(to_tsvector('simple', search_fold(s.title)), 'A') ||
           setweight(to_tsvector('simple', search_fold(s.subtitle)), 'B') AS head_doc
      FROM search_source s;

-- For each outbox row: the entry read as it now stands, upserted if
-- public, deleted otherwise. One SELECT per type, its type a constant, so
-- the planner keeps only that branch of search_source and finds the row by
-- its primary key whatever the statistics say (a big import writes into
-- tables not analysed yet); PL/pgSQL caches each plan. ON CONFLICT,
-- because two transactions may refresh the same entry at once.
-- +goose StatementBegin
CREATE FUNCTION refresh_search_doc() RETURNS trigger AS $$
DECLARE
    r search_docs%ROWTYPE;
BEGIN
    CASE NEW.entity_type
    WHEN 'job' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'job' AND entity_id = NEW.entity_id;
    WHEN 'company' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'company' AND entity_id = NEW.entity_id;
    WHEN 'school' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'school' AND entity_id = NEW.entity_id;
    WHEN 'program' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'program' AND entity_id = NEW.entity_id;
    WHEN 'policy' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'policy' AND entity_id = NEW.entity_id;
    WHEN 'project' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'project' AND entity_id = NEW.entity_id;
    WHEN 'commitment' THEN SELECT * INTO r FROM search_doc_source WHERE entity_type = 'commitment' AND entity_id = NEW.entity_id;
    ELSE RETURN NULL;
    END CASE;
    IF r.entity_id IS NULL THEN
        DELETE FROM search_docs WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id;
        RETURN NULL;
    END IF;
    INSERT INTO search_docs SELECT (r).*
    ON CONFLICT (entity_type, entity_id) DO UPDATE SET
        slug = EXCLUDED.slug,
        title = EXCLUDED.title,
        subtitle = EXCLUDED.subtitle,
        cities = EXCLUDED.cities,
        published_at = EXCLUDED.published_at,
        industry = EXCLUDED.industry,
        occupation = EXCLUDED.occupation,
        education = EXCLUDED.education,
        level = EXCLUDED.level,
        stage = EXCLUDED.stage,
        employment_type = EXCLUDED.employment_type,
        experience_years = EXCLUDED.experience_years,
        priority_groups = EXCLUDED.priority_groups,
        wage_min = EXCLUDED.wage_min,
        wage_max = EXCLUDED.wage_max,
        deadline = EXCLUDED.deadline,
        doc = EXCLUDED.doc,
        head_doc = EXCLUDED.head_doc;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER search_docs_refresh AFTER INSERT ON search_outbox FOR EACH ROW EXECUTE FUNCTION refresh_search_doc();

INSERT INTO search_docs SELECT * FROM search_doc_source;

-- +goose Down
DROP TRIGGER search_docs_refresh ON search_outbox;
DROP FUNCTION refresh_search_doc();
DROP VIEW search_doc_source;
DROP TABLE search_docs;
DROP VIEW search_source;
DROP FUNCTION search_fold(text);
