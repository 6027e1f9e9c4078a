-- +goose Up
-- The fallback search at 100,000 entries (docs/performance.md, finding 7):
--
-- * Vietnamese words are several syllables ("công nhân"), so a search
--   names phrases (cong <-> nhan). GIN cannot answer a phrase: every
--   candidate row was rechecked, reading its whole document out of TOAST
--   (half a second for "cong nhan may"). The document now also holds each
--   pair of neighbouring words as one lexeme ("congznhan": Vietnamese has
--   no z, so the joint cannot be mistaken for a syllable), and the search
--   asks for the pair instead of the phrase: the index answers exactly.
-- * The rank needs only the words of the title and organisation: head_doc
--   keeps those, without pairs, and stays small and in line.
-- * toast_tuple_target 128 pushed even the cities array out of line, so
--   every count detoasted it; the default keeps the short columns in the
--   row and only the document outside.
-- * A small GIN pending list (1 MB, not 4): every search scans the list
--   until it is merged into the index, and a write merges it once it is
--   full. Without the list (fastupdate off) each document's few hundred
--   words went into the index one by one: 10 ms a write instead of 5.

-- Rebuilding the table reads every entry: no request's timeout applies.
SET LOCAL statement_timeout = 0;

-- +goose StatementBegin
CREATE FUNCTION search_pairs(folded text) RETURNS text AS $$
    SELECT coalesce(string_agg(w || 'z' || n, ' '), '')
      FROM (SELECT w, lead(w) OVER (ORDER BY i) AS n
              FROM unnest(string_to_array(folded, ' ')) WITH ORDINALITY AS u(w, i)) x
     WHERE n IS NOT NULL $$ LANGUAGE sql IMMUTABLE;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION search_words(t text) RETURNS tsvector AS $$
    SELECT to_tsvector('simple', f) || to_tsvector('simple', search_pairs(f)) FROM search_fold(t) AS f $$ LANGUAGE sql STABLE;
-- +goose StatementEnd

CREATE OR REPLACE VIEW search_doc_source AS
    SELECT s.entity_type, s.entity_id, s.slug, s.title, s.subtitle, s.cities, s.published_at,
           s.industry, s.occupation, s.education, s.level, s.stage, s.employment_type, s.experience_years,
           s.priority_groups, s.wage_min, s.wage_max, s.deadline,
           setweight(search_words(s.title), 'A') ||
           setweight(search_words(s.subtitle), 'B') ||
           setweight(search_words(s.place), 'C') ||
           setweight(search_words(s.body), 'D') AS doc,
           setweight(to_tsvector('simple', search_fold(s.title)), 'A') ||
           setweight(to_tsvector('simple', search_fold(s.subtitle)), 'B') AS head_doc
      FROM search_source s;

DROP INDEX search_docs_doc_idx;
ALTER TABLE search_docs RESET (toast_tuple_target);
TRUNCATE search_docs;
INSERT INTO search_docs SELECT * FROM search_doc_source;
CREATE INDEX search_docs_doc_idx ON search_docs USING gin (doc) WITH (gin_pending_list_limit = 1024);
ANALYZE search_docs;

-- +goose Down
SET LOCAL statement_timeout = 0;
CREATE OR REPLACE VIEW search_doc_source AS
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
DROP FUNCTION search_words(text);
DROP FUNCTION search_pairs(text);
DROP INDEX search_docs_doc_idx;
ALTER TABLE search_docs SET (toast_tuple_target = 128);
TRUNCATE search_docs;
INSERT INTO search_docs SELECT * FROM search_doc_source;
CREATE INDEX search_docs_doc_idx ON search_docs USING gin (doc);
