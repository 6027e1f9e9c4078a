package search

import (
	"context"
	"errors"
	"html"
	"log/slog"
	"sync/atomic"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// Fallback answers searches from PostgreSQL.
type Fallback interface {
	SearchEntries(ctx context.Context, f store.EntrySearch) (store.EntryResults, error)
}

// Searcher is what the service asks of Meilisearch.
type Searcher interface {
	Search(ctx context.Context, q Query) (Result, error)
}

// Service answers every search: from Meilisearch when it answers within
// Deadline, otherwise from PostgreSQL with Degraded set. After a failure it
// leaves Meilisearch alone for Cooldown, so an outage does not cost every
// visitor the deadline.
type Service struct {
	engine   Searcher
	db       Fallback
	log      *slog.Logger
	Deadline time.Duration
	Cooldown time.Duration

	downUntil atomic.Int64 // unix nanoseconds
	// Fallbacks counts searches answered by PostgreSQL (for /metrics).
	Fallbacks atomic.Int64
}

// NewService builds the service with a 300 ms deadline and a 5 s cooldown.
func NewService(engine Searcher, db Fallback, log *slog.Logger) *Service {
	return &Service{engine: engine, db: db, log: log, Deadline: 300 * time.Millisecond, Cooldown: 5 * time.Second}
}

// ErrBadQuery is a query with a value that is not a code.
var ErrBadQuery = errors.New("bad search query")

// Search answers q; it fails only if PostgreSQL fails too.
func (s *Service) Search(ctx context.Context, q Query) (Result, error) {
	q.Normalize()
	if _, err := q.Filter(true); err != nil {
		return Result{}, errors.Join(ErrBadQuery, err)
	}
	if time.Now().UnixNano() >= s.downUntil.Load() {
		mctx, cancel := context.WithTimeout(ctx, s.Deadline)
		res, err := s.engine.Search(mctx, q)
		cancel()
		if err == nil {
			return res, nil
		}
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		s.downUntil.Store(time.Now().Add(s.Cooldown).UnixNano())
		s.log.Warn("search engine unavailable; answering from PostgreSQL", slog.String("error", err.Error()))
	}
	s.Fallbacks.Add(1)
	res, err := s.fallback(ctx, q)
	if errors.Is(err, store.ErrUnavailable) {
		// PostgreSQL is down too: Meilisearch, slow or lately failing,
		// is the only source left, so it gets a longer wait.
		mctx, cancel := context.WithTimeout(ctx, outageDeadline)
		defer cancel()
		if mres, merr := s.engine.Search(mctx, q); merr == nil {
			return mres, nil
		}
	}
	return res, err
}

// outageDeadline is how long a search waits for Meilisearch when
// PostgreSQL cannot answer either.
const outageDeadline = 3 * time.Second

func (s *Service) fallback(ctx context.Context, q Query) (Result, error) {
	page := store.Paging{Page: q.Page, PerPage: q.PerPage}
	r, err := s.db.SearchEntries(ctx, store.EntrySearch{
		Paging: page, Q: q.Q, Type: q.Type, City: q.City, Industry: q.Industry, Occupation: q.Occupation,
		Education: q.Education, Level: q.Level, Stage: q.Stage, WageMin: q.WageMin, Sort: q.Sort,
	})
	if err != nil {
		return Result{}, err
	}
	res := Result{Total: r.Total, Page: q.Page, PerPage: q.PerPage, Degraded: true,
		Facets: map[string]map[string]int{"type": r.TypeCounts, "cities": r.CityCounts}}
	res.Hits = make([]Hit, 0, len(r.Hits))
	for _, h := range r.Hits {
		hit := Hit{Type: h.Type, ID: h.ID, Title: h.Title, Subtitle: h.Subtitle, Cities: h.Cities,
			URL: domain.EntryPath(h.Type, h.ID, h.Slug), WageMin: h.WageMin, WageMax: h.WageMax,
			Highlight: map[string]string{"title": html.EscapeString(h.Title)}}
		if h.Deadline != nil {
			if t, err := time.ParseInLocation("2006-01-02", *h.Deadline, time.UTC); err == nil {
				hit.Deadline = t.Unix()
			}
		}
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}
