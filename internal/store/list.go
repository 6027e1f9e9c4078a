package store

import (
	"context"
	"time"

	"hoptac/internal/domain"
)

// Paging is the page a list query asks for. Limit and Offset are derived
// by normalize and bound into the SQL; Page and PerPage come from the user.
type Paging struct {
	Page    int `db:"-"`
	PerPage int `db:"-"`
	Limit   int `db:"limit"`
	Offset  int `db:"offset"`
	// ByID makes the page the API's: in id order, after AfterID (a
	// cursor), the total counted apart (runByID); UpdatedSince keeps
	// entries updated at or after it (nil: all) in any list.
	ByID         bool       `db:"-"`
	AfterID      int64      `db:"after_id"`
	UpdatedSince *time.Time `db:"updated_since"`
}

// Pager gives a filter's paging to code that serves every kind's filter.
func (p *Paging) Pager() *Paging { return p }

// MaxPerPage caps a page so no request can ask for the whole table.
const MaxPerPage = 100

// DefaultPerPage is the page size when none is asked for.
const DefaultPerPage = 20

func (p *Paging) normalize() {
	if p.Page < 1 {
		p.Page = 1
	}
	if p.PerPage < 1 {
		p.PerPage = DefaultPerPage
	}
	if p.PerPage > MaxPerPage {
		p.PerPage = MaxPerPage
	}
	p.Limit = p.PerPage
	p.Offset = (p.Page - 1) * p.PerPage
}

// List is one page of a list query with the total number of matches.
type List[T any] struct {
	Items   []T
	Total   int
	Page    int
	PerPage int
}

// Pages is the number of pages the total fills.
func (l List[T]) Pages() int {
	if l.PerPage == 0 {
		return 0
	}
	return (l.Total + l.PerPage - 1) / l.PerPage
}

// toList builds a List from rows that carry the window count of all
// matches (total_count) beside each item.
func toList[R any, T any](rows []R, p Paging, split func(R) (T, int)) List[T] {
	l := List[T]{Items: make([]T, 0, len(rows)), Page: p.Page, PerPage: p.PerPage}
	for _, r := range rows {
		item, total := split(r)
		l.Items = append(l.Items, item)
		l.Total = total
	}
	return l
}

// runList runs a list query. A page past the end has no rows to carry the
// window count, so the total is then read from a one-row first page: the
// page can still say how many matches there are.
func runList[R any, T any](ctx context.Context, q queryer, query string, arg any, p *Paging, split func(R) (T, int)) (List[T], error) {
	var rows []R
	if err := selectNamed(ctx, q, &rows, query, arg); err != nil {
		return List[T]{}, err
	}
	if len(rows) > 0 || p.Page <= 1 {
		return toList(rows, *p, split), nil
	}
	asked := *p
	p.Limit, p.Offset = 1, 0
	err := selectNamed(ctx, q, &rows, query, arg)
	*p = asked
	if err != nil {
		return List[T]{}, err
	}
	l := toList(rows, asked, split)
	l.Items = l.Items[:0]
	return l, nil
}

// listSQL picks a list's statement and status: the public statement, which
// reads the public_* view, unless the caller (the back office) names
// another status than published; public pages can never forget it.
func listSQL(status *string, public, other string) string {
	if *status == "" || *status == string(domain.StatusPublished) {
		*status = string(domain.StatusPublished)
		return public
	}
	return other
}

// runByID runs an API page (Paging.ByID): the rows of one statement, the
// total from a count of the same matches, or -1 on a cursor page.
func runByID[R any, T any](ctx context.Context, q queryer, countSQL, pageSQL string, arg any, p *Paging, split func(R) (T, int)) (List[T], error) {
	var rows []R
	if err := selectNamed(ctx, q, &rows, pageSQL, arg); err != nil {
		return List[T]{}, err
	}
	l := toList(rows, *p, split)
	if p.AfterID > 0 {
		// A cursor page is one of many a harvester walks: counting every
		// match again would cost more than the page itself.
		l.Total = -1
		return l, nil
	}
	if err := getNamed(ctx, q, &l.Total, countSQL, arg); err != nil {
		return List[T]{}, err
	}
	return l, nil
}

// entryLists are one aggregate's list statements: the back office's (any
// status), the public's (its public_* view), and the API's pages of public
// entries in id order with their count apart (runByID).
type entryLists struct{ any, public, publicCount, publicByID string }

// listEntries runs an aggregate's list for filter f (bound by name), whose
// status and paging are given apart.
func listEntries[R any, T any](ctx context.Context, s *Store, q entryLists, status *string, f any, p *Paging, split func(R) (T, int)) (List[T], error) {
	p.normalize()
	query := listSQL(status, q.public, q.any)
	if p.ByID && query == q.public {
		return runByID(ctx, s.reader(ctx), q.publicCount, q.publicByID, f, p, split)
	}
	return runList(ctx, s.reader(ctx), query, f, p, split)
}

// readOne reads the one row of a query as a T; ErrNotFound when there is
// none.
func readOne[T any](ctx context.Context, s *Store, query string, args ...any) (T, error) {
	var e T
	err := get(ctx, s.reader(ctx), &e, query, args...)
	return e, err
}

// readAll reads the rows of a query as Ts.
func readAll[T any](ctx context.Context, s *Store, query string, args ...any) ([]T, error) {
	var out []T
	err := s.reader(ctx).SelectContext(ctx, &out, query, args...)
	return out, err
}
