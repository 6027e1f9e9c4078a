package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// EntrySearch is a search over every public entry type, answered by
// PostgreSQL while the search engine is away, from search_docs (migration
// 00022): TSQuery is the words as to_tsquery('simple', …) text over the
// folded document (search.TSQuery writes it), the filters are the
// engine's. Zero values mean "any".
type EntrySearch struct {
	Paging
	TSQuery    string `db:"tsq"`
	Type       string `db:"type"`
	City       string `db:"city"`
	Industry   string `db:"industry"`
	Occupation string `db:"occupation"`
	Education  string `db:"education"`
	Level      string `db:"level"`
	Stage      string `db:"stage"`
	WageMin    int64  `db:"wage_min"`
	// WageBelow keeps jobs whose best wage is below it (0: no bound).
	WageBelow int64 `db:"wage_below"`
	// Employment is a job's employment type, Priority a priority group a
	// job welcomes; NoExperience keeps jobs that ask for none.
	Employment   string `db:"employment"`
	Priority     string `db:"priority"`
	NoExperience bool   `db:"no_experience"`
	Sort         string `db:"sort"` // "", "newest", "wage"
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

// One statement, one round trip: the matching entries once (the GIN
// index on doc finds them), then the page, the total and the counts from
// them. search_docs holds public entries only; a job also needs its
// deadline not passed, as open_jobs says. Relevance is ts_rank over the
// title and organisation (head_doc; ranking on the whole document read
// every match's text: seconds at 100,000 entries), then freshness.
const entrySearchSQL = `WITH matched AS (
  SELECT d.entity_type AS type, d.entity_id AS id, d.slug, d.title, d.subtitle, d.cities, d.published_at,
         d.wage_min, d.wage_max, d.deadline,
         CASE WHEN :tsq = '' THEN 0 ELSE ts_rank(d.head_doc, to_tsquery('simple', :tsq)) END AS rank
    FROM search_docs d
   WHERE (:tsq = '' OR d.doc @@ to_tsquery('simple', :tsq))
     AND (d.entity_type <> 'job' OR job_is_open(d.deadline))
     AND (:city = '' OR :city = ANY (d.cities))
     AND (:industry = '' OR d.industry = :industry)
     AND (:occupation = '' OR d.occupation = :occupation)
     AND (:education = '' OR d.entity_type <> 'job'
          OR d.education IN (SELECT code FROM education_levels
               WHERE rank <= (SELECT rank FROM education_levels WHERE code = :education)))
     AND (:level = '' OR d.level = :level)
     AND (:stage = '' OR d.stage = :stage)
     AND (:employment = '' OR d.entity_type <> 'job' OR d.employment_type = :employment)
     AND (:priority = '' OR d.entity_type <> 'job' OR :priority = ANY (d.priority_groups))
     AND (NOT :no_experience OR d.entity_type <> 'job' OR d.experience_years = 0)
     AND (:wage_min = 0 OR COALESCE(d.wage_max, d.wage_min) >= :wage_min)
     AND (:wage_below = 0 OR COALESCE(d.wage_max, d.wage_min) < :wage_below)
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
               CASE WHEN :sort = '' THEN rank END DESC,
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
