package search

import (
	"context"
	"errors"
	"html"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/sony/gobreaker/v2"

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

// Service answers every search: from Meilisearch while it is reachable,
// otherwise from PostgreSQL with Degraded set.
//
// A circuit breaker keeps an outage from costing every visitor a wait: only
// an outage opens it — a refused or reset connection at once, timeouts
// (no answer within Deadline) after TripAfter in a row. A slow answer that
// arrives, or an error Meilisearch answers with, never does: under load the
// engine is slow, not gone, and PostgreSQL would be slower still. While
// open, searches go to PostgreSQL; after Cooldown one search probes
// Meilisearch (half-open) while the others still use PostgreSQL, and its
// success closes the breaker.
type Service struct {
	engine   Searcher
	db       Fallback
	log      *slog.Logger
	Deadline time.Duration
	breaker  *gobreaker.CircuitBreaker[Result]
	refused  atomic.Bool // the last failure was a connection refused or reset

	// Fallbacks counts searches answered by PostgreSQL (for /metrics).
	Fallbacks atomic.Int64
}

// Breaker defaults: how long one search waits for Meilisearch, how many
// timeouts in a row open the breaker, how long it stays open before a probe.
const (
	DefaultDeadline = 2 * time.Second
	TripAfter       = 3
	DefaultCooldown = 5 * time.Second
)

// NewService builds the service with the default deadline and cooldown.
func NewService(engine Searcher, db Fallback, log *slog.Logger) *Service {
	return NewServiceWith(engine, db, log, DefaultDeadline, DefaultCooldown)
}

// NewServiceWith builds the service with its own deadline and cooldown
// (tests make an outage and a recovery quick).
func NewServiceWith(engine Searcher, db Fallback, log *slog.Logger, deadline, cooldown time.Duration) *Service {
	s := &Service{engine: engine, db: db, log: log, Deadline: deadline}
	s.breaker = gobreaker.NewCircuitBreaker[Result](gobreaker.Settings{
		Name:        "meilisearch",
		MaxRequests: 1, // one probe while half-open
		Timeout:     cooldown,
		ReadyToTrip: func(c gobreaker.Counts) bool {
			return c.ConsecutiveFailures >= TripAfter || (c.ConsecutiveFailures > 0 && s.refused.Load())
		},
		IsSuccessful: func(err error) bool { return err == nil || !IsOutage(err) },
		IsExcluded:   func(err error) bool { return errors.Is(err, errVisitorGone) },
		OnStateChange: func(_ string, from, to gobreaker.State) {
			log.Warn("search engine breaker", slog.String("from", from.String()), slog.String("to", to.String()))
		},
	})
	return s
}

// BreakerState is "closed", "half-open" or "open" (for tests and /metrics).
func (s *Service) BreakerState() string { return s.breaker.State().String() }

// errVisitorGone is a search whose visitor left: not the engine's fault.
var errVisitorGone = errors.New("search cancelled by the visitor")

// IsOutage tells an unreachable or unresponsive engine (refused or reset
// connection, timeout) from one that answered, even with an error.
func IsOutage(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr)
}

func isRefusal(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET)
}

// ErrBadQuery is a query with a value that is not a code.
var ErrBadQuery = errors.New("bad search query")

// Search answers q; it fails only if PostgreSQL fails too.
func (s *Service) Search(ctx context.Context, q Query) (Result, error) {
	q.Normalize()
	if _, err := q.Filter(true); err != nil {
		return Result{}, errors.Join(ErrBadQuery, err)
	}
	res, err := s.breaker.Execute(func() (Result, error) {
		mctx, cancel := context.WithTimeout(ctx, s.Deadline)
		defer cancel()
		res, err := s.engine.Search(mctx, q)
		if err != nil && ctx.Err() != nil {
			return res, errVisitorGone
		}
		if err != nil {
			s.refused.Store(isRefusal(err))
		}
		return res, err
	})
	if err == nil {
		return res, nil
	}
	if ctx.Err() != nil {
		return Result{}, ctx.Err()
	}
	if !errors.Is(err, gobreaker.ErrOpenState) && !errors.Is(err, gobreaker.ErrTooManyRequests) {
		s.log.Warn("search engine unavailable; answering from PostgreSQL", slog.String("error", err.Error()))
	}
	s.Fallbacks.Add(1)
	res, err = s.fallback(ctx, q)
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

// fallback answers from PostgreSQL with the engine's rule: every word
// first, partial matches only when nothing of any type has them all.
func (s *Service) fallback(ctx context.Context, q Query) (Result, error) {
	f := store.EntrySearch{
		Paging: store.Paging{Page: q.Page, PerPage: q.PerPage}, TSQuery: TSQuery(q.Q, true), RankQuery: RankTSQuery(q.Q),
		Type: q.Type, City: q.City, Industry: q.Industry, Occupation: q.Occupation,
		Education: q.Education, Level: q.Level, Stage: q.Stage, WageMin: q.WageMin, Sort: q.Sort,
		Employment: q.Employment, Priority: q.Priority, NoExperience: q.NoExperience,
	}
	if b, ok := WageBandByCode(q.WageBand); ok {
		f.WageMin, f.WageBelow = max(f.WageMin, b.From, 1), b.Below
	}
	r, err := s.db.SearchEntries(ctx, f)
	if err != nil {
		return Result{}, err
	}
	// Nothing has every word: every word but one (a typo), then any word,
	// ranked by how many of them the title holds (ts_rank).
	partial := false
	for _, looser := range []string{TSQueryAllButOne(q.Q), TSQuery(q.Q, false)} {
		if len(r.TypeCounts) > 0 || looser == "" || looser == f.TSQuery {
			continue
		}
		f.TSQuery, partial = looser, true
		if r, err = s.db.SearchEntries(ctx, f); err != nil {
			return Result{}, err
		}
	}
	res := Result{Total: r.Total, Page: q.Page, PerPage: q.PerPage, Degraded: true, Partial: partial,
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
