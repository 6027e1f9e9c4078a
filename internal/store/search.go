package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// EntrySearch is a search over every public entry type, answered by
// PostgreSQL while the search engine is away: accent-insensitive (unaccent),
// every word must match, the same filters as the engine. Zero values mean "any".
type EntrySearch struct {
	Paging
	Q          string `db:"q"`
	Type       string `db:"type"`
	City       string `db:"city"`
	Industry   string `db:"industry"`
	Occupation string `db:"occupation"`
	Education  string `db:"education"`
	Level      string `db:"level"`
	Stage      string `db:"stage"`
	WageMin    int64  `db:"wage_min"`
	Sort       string `db:"sort"` // "", "newest", "wage"
}

// EntryHit is one entry found by EntrySearch.
type EntryHit struct {
	Type     string   `json:"type"`
	ID       int64    `json:"id"`
	Slug     string   `json:"slug"`
	Title    string   `json:"title"`
	Subtitle string   `json:"subtitle"`
	Cities   []string `json:"cities"`
	WageMin  *int64   `json:"wage_min"`
	WageMax  *int64   `json:"wage_max"`
	Deadline *string  `json:"deadline"`
}

// EntryResults is one page of EntrySearch with counts per type (over all
// types) and per city (within the chosen type).
type EntryResults struct {
	Hits       []EntryHit
	Total      int
	TypeCounts map[string]int
	CityCounts map[string]int
}

// One statement, one round trip: the matching entries once, then the page,
// the total and the counts from them. It reads the public views, so it
// offers what the pages show (jobs: only open ones).
const entrySearchSQL = `WITH entries AS (
  SELECT 'job' AS type, j.id, j.slug, j.title, c.name AS subtitle, ARRAY[j.city] AS cities, j.published_at,
         concat_ws(' ', j.title, c.name, j.description, j.requirements, j.work_address, w.name, w.former_units, ci.name_vi) AS haystack,
         c.industry_code AS industry, j.occupation_code AS occupation, j.education, '' AS level, '' AS stage,
         j.wage_min, j.wage_max, j.deadline
    FROM open_jobs j JOIN companies c ON c.id = j.company_id JOIN cities ci ON ci.code = j.city LEFT JOIN wards w ON w.code = j.ward_code
  UNION ALL
  SELECT 'company', c.id, c.slug, c.name, c.tax_code, ARRAY[c.city], c.published_at,
         concat_ws(' ', c.name, c.tax_code, c.description, c.address, w.name, w.former_units, ci.name_vi),
         c.industry_code, '', '', '', '', NULL, NULL, NULL
    FROM public_companies c JOIN cities ci ON ci.code = c.city LEFT JOIN wards w ON w.code = c.ward_code
  UNION ALL
  SELECT 'school', s.id, s.slug, s.name, s.code, ARRAY[s.city], s.published_at,
         concat_ws(' ', s.name, s.code, s.description, s.address, w.name, w.former_units, ci.name_vi),
         '', '', '', '', '', NULL, NULL, NULL
    FROM public_schools s JOIN cities ci ON ci.code = s.city LEFT JOIN wards w ON w.code = s.ward_code
  UNION ALL
  SELECT 'program', p.id, p.slug, p.name, s.name, ARRAY[p.city], p.published_at,
         concat_ws(' ', p.name, s.name, p.support, p.description, ci.name_vi),
         '', '', '', p.level, '', NULL, NULL, NULL
    FROM public_programs p JOIN schools s ON s.id = p.school_id JOIN cities ci ON ci.code = p.city
  UNION ALL
  SELECT 'policy', p.id, p.slug, p.title, concat_ws(' · ', NULLIF(p.doc_number, ''), NULLIF(p.issuer, '')),
         CASE WHEN p.city IS NULL THEN ARRAY(SELECT code FROM cities ORDER BY code) ELSE ARRAY[p.city] END, p.published_at,
         concat_ws(' ', p.title, p.doc_number, p.issuer, p.summary, p.body),
         '', '', '', '', '', NULL, NULL, NULL
    FROM public_policies p
  UNION ALL
  SELECT 'project', p.id, p.slug, p.title, p.organization, ARRAY[p.city], p.published_at,
         concat_ws(' ', p.title, p.organization, p.field, p.description, ci.name_vi),
         '', '', '', '', p.stage, NULL, NULL, NULL
    FROM public_projects p JOIN cities ci ON ci.code = p.city
  UNION ALL
  SELECT 'commitment', m.id, m.slug, m.title, p.title,
         CASE WHEN m.city IS NULL THEN ARRAY(SELECT code FROM cities ORDER BY code) ELSE ARRAY[m.city] END, m.published_at,
         concat_ws(' ', m.title, m.description), '', '', '', '', '', NULL, NULL, NULL
    FROM public_commitments m JOIN policies p ON p.id = m.policy_id
),
words AS (
  SELECT DISTINCT word FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word) WHERE word <> ''
),
matched AS (
  SELECT e.*,
         (SELECT count(*) FROM words WHERE position(words.word IN lower(unaccent(e.title))) > 0) AS title_words
    FROM entries e
   WHERE (:city = '' OR :city = ANY (e.cities))
     AND (:industry = '' OR e.industry = :industry)
     AND (:occupation = '' OR e.occupation = :occupation)
     AND (:education = '' OR e.type <> 'job'
          OR e.education IN (SELECT code FROM education_levels
               WHERE rank <= (SELECT rank FROM education_levels WHERE code = :education)))
     AND (:level = '' OR e.level = :level)
     AND (:stage = '' OR e.stage = :stage)
     AND (:wage_min = 0 OR COALESCE(e.wage_max, e.wage_min) >= :wage_min)
     AND NOT EXISTS (SELECT 1 FROM words WHERE position(words.word IN lower(unaccent(e.haystack))) = 0)
),
chosen AS (
  SELECT * FROM matched WHERE :type = '' OR type = :type
)
SELECT
  (SELECT count(*) FROM chosen) AS total,
  (SELECT COALESCE(jsonb_object_agg(type, n), '{}') FROM (SELECT type, count(*) AS n FROM matched GROUP BY type) t) AS type_counts,
  (SELECT COALESCE(jsonb_object_agg(city, n), '{}') FROM (SELECT city, count(*) AS n FROM chosen, unnest(cities) AS city GROUP BY city) c) AS city_counts,
  (SELECT COALESCE(jsonb_agg(to_jsonb(h)), '[]') FROM (
     SELECT type, id, slug, title, subtitle, cities, wage_min, wage_max, to_char(deadline, 'YYYY-MM-DD') AS deadline
       FROM chosen
      ORDER BY CASE WHEN :sort = 'wage' THEN COALESCE(wage_max, wage_min) END DESC NULLS LAST,
               CASE WHEN :sort = '' THEN title_words END DESC,
               published_at DESC NULLS LAST, type, id DESC
      LIMIT :limit OFFSET :offset) h) AS hits`

// SearchEntries answers an EntrySearch.
func (s *Store) SearchEntries(ctx context.Context, f EntrySearch) (EntryResults, error) {
	f.Paging.normalize()
	var row struct {
		Total      int    `db:"total"`
		TypeCounts []byte `db:"type_counts"`
		CityCounts []byte `db:"city_counts"`
		Hits       []byte `db:"hits"`
	}
	if err := getNamed(ctx, s.reader(ctx), &row, entrySearchSQL, f); err != nil {
		return EntryResults{}, fmt.Errorf("search entries: %w", err)
	}
	res := EntryResults{Total: row.Total}
	for _, part := range []struct {
		raw  []byte
		into any
	}{{row.TypeCounts, &res.TypeCounts}, {row.CityCounts, &res.CityCounts}, {row.Hits, &res.Hits}} {
		if err := json.Unmarshal(part.raw, part.into); err != nil {
			return EntryResults{}, fmt.Errorf("decode search results: %w", err)
		}
	}
	return res, nil
}
