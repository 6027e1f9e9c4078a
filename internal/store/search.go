package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// EntrySearch is a search over every public entry type, answered by
// PostgreSQL while the search engine is away, from search_docs (migration
// 00022): TSQuery is the words as to_tsquery('simple', …) text over the
// folded document (search.TSQuery writes it), the filters are the
// engine's. Zero values mean "any".
type EntrySearch struct {
	Paging
	TSQuery string `db:"tsq"`
	// RankQuery is the words the rank counts in the title and
	// organisation, as search.RankTSQuery writes them ("": no rank).
	RankQuery  string `db:"rankq"`
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

// One statement, one round trip. The GIN index on doc finds the matching
// entries (a phrase is asked as its word pairs, so it answers exactly and
// no document is read); they are kept narrow (what the counts and the
// order need: tens of thousands of them must stay within work_mem),
// counted once by type and cities, and only the page's rows are read in
// full. search_docs holds public entries only; a job also
// needs its deadline not passed, as open_jobs says. Relevance is ts_rank
// of the query's words over the title and organisation (head_doc), then
// freshness.
const entrySearchSQL = `WITH matched AS MATERIALIZED (
  SELECT d.entity_type AS type, d.entity_id AS id, d.cities, d.published_at,
         CASE WHEN :sort = 'wage' THEN COALESCE(d.wage_max, d.wage_min) END AS wage,
         CASE WHEN :sort = '' AND :rankq <> '' AND (:type = '' OR d.entity_type = :type)
              THEN ts_rank(d.head_doc, to_tsquery('simple', :rankq)) END AS rank
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
page AS (
  SELECT type, id, row_number() OVER (ORDER BY wage DESC NULLS LAST, rank DESC, published_at DESC NULLS LAST, type, id DESC) AS pos
    FROM (SELECT type, id, published_at, wage, rank
            FROM matched WHERE :type = '' OR type = :type
           ORDER BY wage DESC NULLS LAST, rank DESC, published_at DESC NULLS LAST, type, id DESC
           LIMIT :limit OFFSET :offset) o
)
SELECT
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('type', type, 'cities', cities, 'n', n)), '[]')
     FROM (SELECT type, cities, count(*) AS n FROM matched GROUP BY type, cities) g) AS groups,
  (SELECT COALESCE(jsonb_agg(to_jsonb(h) - 'pos' ORDER BY h.pos), '[]') FROM (
     SELECT p.pos, d.entity_type AS type, d.entity_id AS id, d.slug, d.title, d.subtitle, d.cities,
            d.wage_min, d.wage_max, to_char(d.deadline, 'YYYY-MM-DD') AS deadline
       FROM page p JOIN search_docs d ON d.entity_type = p.type AND d.entity_id = p.id) h) AS hits`

// SearchEntries answers an EntrySearch.
func (s *Store) SearchEntries(ctx context.Context, f EntrySearch) (EntryResults, error) {
	f.Paging.normalize()
	var row struct {
		Groups []byte `db:"groups"`
		Hits   []byte `db:"hits"`
	}
	if err := getNamed(ctx, s.reader(ctx), &row, entrySearchSQL, f); err != nil {
		return EntryResults{}, fmt.Errorf("search entries: %w", err)
	}
	var groups []struct {
		Type   string   `json:"type"`
		Cities []string `json:"cities"`
		N      int      `json:"n"`
	}
	res := EntryResults{TypeCounts: map[string]int{}, CityCounts: map[string]int{}}
	if err := errors.Join(json.Unmarshal(row.Groups, &groups), json.Unmarshal(row.Hits, &res.Hits)); err != nil {
		return EntryResults{}, fmt.Errorf("decode search results: %w", err)
	}
	// Counts per type over every type; the total and the counts per city
	// within the chosen type.
	for _, g := range groups {
		res.TypeCounts[g.Type] += g.N
		if f.Type != "" && g.Type != f.Type {
			continue
		}
		res.Total += g.N
		for _, c := range g.Cities {
			res.CityCounts[c] += g.N
		}
	}
	return res, nil
}
