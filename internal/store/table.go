package store

import (
	"context"
	"fmt"
	"reflect"
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
// of one table: its name, its Go type and how to read and save an entry of it.
type entryTable struct {
	name   Table
	goType reflect.Type
	// create and update save entry if it is of this table's type; handled
	// is false when it is not.
	create, update func(ctx context.Context, tx *sqlx.Tx, entry any) (handled bool, err error)
	// title is an entry's title (its slug's source), given a *T.
	title func(entry any) string
	// complete fills in what the rows read (a []T) do not hold (a
	// ledger of updates); nil when they hold it all.
	complete func(ctx context.Context, q sqlx.QueryerContext, entries any) error
	// read is what the shared reads select and join (entries.go); reads
	// are those statements written for this table.
	read  entryRead
	reads entryReads
	// list names, as SQL over the row e, what the back-office list shows
	// and searches (listCols).
	list map[string]string
	// live is the view of its public entries that are still current (a
	// job whose deadline has not passed); "" when they all are.
	live string
}

// entryOps are an aggregate's own parts for entries of Go type T: its
// insert and update statements and the field its slug comes from; and,
// where the type needs them, the defaults it fills in before a write, what
// it writes beside the row after it, an insert of its own, and what
// completes the rows it reads. create and update do the rest alike.
type entryOps[T any] struct {
	insertSQL, updateSQL string
	title                func(*T) string
	// defaults fills in what an entry left empty, before an insert
	// (isNew) or an update; nil: nothing.
	defaults func(e *T, isNew bool)
	// written saves what goes with the row (a ledger of updates, a
	// school's programs' city) once it is written; nil: nothing.
	written func(ctx context.Context, tx *sqlx.Tx, e *T, isNew bool) error
	// insert replaces the insert of insertSQL into the entry's Meta (a
	// program's also returns its city); nil: that insert.
	insert   func(ctx context.Context, tx *sqlx.Tx, e *T) error
	complete func(context.Context, sqlx.QueryerContext, []T) error
}

// sharer is every entity: it gives its shared columns.
type sharer interface{ Shared() *domain.Meta }

func metaOf[T any](e *T) *domain.Meta { return any(e).(sharer).Shared() }

// create inserts e as a draft unless it says otherwise, with the slug of
// its title, and fills in its id, timestamps and version.
func (o entryOps[T]) create(ctx context.Context, tx *sqlx.Tx, e *T) error {
	m := metaOf(e)
	newDraft(m, o.title(e))
	if o.defaults != nil {
		o.defaults(e, true)
	}
	var err error
	if o.insert != nil {
		err = o.insert(ctx, tx, e)
	} else {
		err = getNamed(ctx, tx, m, o.insertSQL, e)
	}
	if err != nil || o.written == nil {
		return err
	}
	return o.written(ctx, tx, e, true)
}

// update saves e into table t if its version is still current.
func (o entryOps[T]) update(ctx context.Context, tx *sqlx.Tx, t Table, e *T) error {
	m := metaOf(e)
	m.Slug = vn.Slug(o.title(e))
	if o.defaults != nil {
		o.defaults(e, false)
	}
	if err := updateChecked(ctx, tx, m, o.updateSQL, e, t); err != nil || o.written == nil {
		return err
	}
	return o.written(ctx, tx, e, false)
}

// entryTables is every entry table; each aggregate's file adds its own
// (addTable). Batch.Update and the status change loop over it instead of
// switching on the type.
var entryTables []entryTable

func addTable[T any](t entryTable, ops entryOps[T]) {
	if _, ok := any(new(T)).(sharer); !ok {
		panic(fmt.Sprintf("store: *%v has no Shared", reflect.TypeFor[T]()))
	}
	t.goType = reflect.TypeFor[T]()
	t.title = func(entry any) string { return ops.title(entry.(*T)) }
	t.create = forEntry(ops.create)
	t.update = forEntry(func(ctx context.Context, tx *sqlx.Tx, e *T) error { return ops.update(ctx, tx, t.name, e) })
	if ops.complete != nil {
		t.complete = func(ctx context.Context, q sqlx.QueryerContext, entries any) error {
			return ops.complete(ctx, q, entries.([]T))
		}
	}
	entryTables = append(entryTables, t)
	last := &entryTables[len(entryTables)-1]
	last.reads = readsFor(t.name)
}

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

// forEntry adapts an aggregate's create or update function to
// entryTable.create or update.
func forEntry[T any](save func(context.Context, *sqlx.Tx, *T) error) func(context.Context, *sqlx.Tx, any) (bool, error) {
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
// and {live_table} that of its entries still current (entryTable.live);
// {e}, {columns}, {joins}, {where} and {order} are its entryRead, the others its listCols.
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
	query = strings.ReplaceAll(query, "{columns}", et.read.columns)
	query = strings.ReplaceAll(query, "{joins}", et.read.joins)
	query = strings.ReplaceAll(query, "{where}", et.read.where)
	query = strings.ReplaceAll(query, "{order}", et.read.order)
	query = strings.ReplaceAll(query, "{e}", et.read.alias)
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
