package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Table names an entry table. Only the constants below exist, so no
// caller-supplied text ever reaches SQL as an identifier.
type Table string

const (
	Policies    Table = "policies"
	Companies   Table = "companies"
	Jobs        Table = "jobs"
	Schools     Table = "schools"
	Programs    Table = "programs"
	Projects    Table = "projects"
	Commitments Table = "commitments"
)

// entryTable is what the statements shared by every entry type need to know
// of one table: its name and how to save an entry of its Go type.
type entryTable struct {
	name Table
	// update saves entry if it is of this table's type; handled is false
	// when it is not.
	update func(ctx context.Context, tx *sqlx.Tx, entry any) (handled bool, err error)
}

// entryTables is every entry table. Batch.Update and the status change loop
// over it instead of switching on the type.
var entryTables = []entryTable{
	{Policies, updates(updatePolicy)},
	{Companies, updates(updateCompany)},
	{Jobs, updates(updateJob)},
	{Schools, updates(updateSchool)},
	{Programs, updates(updateProgram)},
	{Projects, updates(updateProject)},
	{Commitments, updates(updateCommitment)},
}

// listColumns name, as SQL over the row e, what the back-office list of
// each table shows and searches: {title}, {key} (the natural key people
// know an entry by) and {search} (where a search word must be).
var listColumns = map[Table]map[string]string{
	Policies:    listCols("e.title", "e.external_id", "e.doc_number"),
	Companies:   listCols("e.name", "e.tax_code"),
	Jobs:        listCols("e.title", "e.external_id", "(SELECT c.name FROM companies c WHERE c.id = e.company_id)"),
	Schools:     listCols("e.name", "e.code"),
	Programs:    listCols("e.name", "e.external_id", "(SELECT sc.name FROM schools sc WHERE sc.id = e.school_id)"),
	Projects:    listCols("e.title", "e.external_id", "e.organization"),
	Commitments: listCols("e.title", "e.external_id"),
}

// listCols fills entryTable.cols: the title, the key, and what else a
// search looks in besides them.
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

// liveViews name, where a table has one, the view of its public entries
// that are still current: a job whose deadline has not passed.
var liveViews = map[Table]string{Jobs: "open_jobs"}

// forTable writes a statement shared by every entry table for table t:
// {table} in query becomes the quoted name, {public_table} its public view's
// and {live_table} that of its entries still current (liveViews). Exported entry points check t
// with checkTable first, so only the constants above reach SQL.
func forTable(query string, t Table) string {
	live, ok := liveViews[t]
	if !ok {
		live = "public_" + string(t)
	}
	query = strings.ReplaceAll(query, "{live_table}", pq.QuoteIdentifier(live))
	query = strings.ReplaceAll(query, "{public_table}", pq.QuoteIdentifier("public_"+string(t)))
	query = strings.ReplaceAll(query, "{table}", pq.QuoteIdentifier(string(t)))
	for k, v := range listColumns[t] {
		query = strings.ReplaceAll(query, k, v)
	}
	return query
}

// checkTable rejects a Table value that is not one of the constants.
func checkTable(t Table) error {
	for _, et := range entryTables {
		if et.name == t {
			return nil
		}
	}
	return fmt.Errorf("unknown table %q", t)
}
