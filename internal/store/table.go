package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// Table names an entry table. Only the constants of the aggregates' files
// exist (Jobs in job.go, …), so no caller-supplied text ever reaches SQL as
// an identifier.
type Table string

// entryTable is what the statements shared by every entry type need to know
// of one table: its name and how to save an entry of its Go type.
type entryTable struct {
	name Table
	// update saves entry if it is of this table's type; handled is false
	// when it is not.
	update func(ctx context.Context, tx *sqlx.Tx, entry any) (handled bool, err error)
	// list names, as SQL over the row e, what the back-office list shows
	// and searches (listCols).
	list map[string]string
	// live is the view of its public entries that are still current (a
	// job whose deadline has not passed); "" when they all are.
	live string
}

// entryTables is every entry table; each aggregate's file adds its own
// (addTable). Batch.Update and the status change loop over it instead of
// switching on the type.
var entryTables []entryTable

func addTable(t entryTable) { entryTables = append(entryTables, t) }

// What every entry table's insert and update say alike: an entry created
// published is published now (unless the import gives the date), and an
// update lands only on the version it was read at.
const (
	entryInsertValues = `:slug, :status, :external_id, :department_code,
	CASE WHEN :status = 'published' THEN COALESCE(CAST(:published_at AS timestamptz), now()) END`
	entryInsertReturning = `RETURNING id, created_at, updated_at, published_at, version`
	entryUpdateTail      = `updated_at = now(), version = version + 1
WHERE id = :id AND version = :version
RETURNING id, created_at, updated_at, published_at, version, status`
)

// newDraft gives a new entry the slug of its title and, unless it has
// one, the draft status.
func newDraft(m *domain.Meta, title string) {
	m.Slug = vn.Slug(title)
	if m.Status == "" {
		m.Status = domain.StatusDraft
	}
}

// listCols fills entryTable.list: {title}, {key} (the natural key people
// know an entry by) and {search} (where a search word must be: the title,
// the key, and more).
func listCols(title, key string, more ...string) map[string]string {
	search := append([]string{title, key, "e.external_id"}, more...)
	return map[string]string{"{title}": title, "{key}": key, "{search}": strings.Join(search, ", ")}
}

// updates adapts an aggregate's update function to entryTable.update.
func updates[T any](save func(context.Context, *sqlx.Tx, *T) error) func(context.Context, *sqlx.Tx, any) (bool, error) {
	return func(ctx context.Context, tx *sqlx.Tx, entry any) (bool, error) {
		e, ok := entry.(*T)
		if !ok {
			return false, nil
		}
		return true, save(ctx, tx, e)
	}
}

// forTable writes a statement shared by every entry table for table t:
// {table} in query becomes the quoted name, {public_table} its public view's
// and {live_table} that of its entries still current (entryTable.live).
// Exported entry points check t with checkTable first, so only the
// aggregates' constants reach SQL.
func forTable(query string, t Table) string {
	et, _ := tableOf(t)
	live := et.live
	if live == "" {
		live = "public_" + string(t)
	}
	query = strings.ReplaceAll(query, "{live_table}", pq.QuoteIdentifier(live))
	query = strings.ReplaceAll(query, "{public_table}", pq.QuoteIdentifier("public_"+string(t)))
	query = strings.ReplaceAll(query, "{table}", pq.QuoteIdentifier(string(t)))
	for k, v := range et.list {
		query = strings.ReplaceAll(query, k, v)
	}
	return query
}

// checkTable rejects a Table value that is not one of the constants.
func checkTable(t Table) error {
	if _, ok := tableOf(t); !ok {
		return fmt.Errorf("unknown table %q", t)
	}
	return nil
}

func tableOf(t Table) (entryTable, bool) {
	for _, et := range entryTables {
		if et.name == t {
			return et, true
		}
	}
	return entryTable{}, false
}
