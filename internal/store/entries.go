package store

import (
	"context"
	"fmt"
	"reflect"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// The reads and writes every entry type has alike, written once: each
// aggregate's file gives its table (addTable) its select list, its joins
// and its own insert and update, and these serve every type by its Go
// type (*domain.Job, *domain.Company, …).

// entryRead is what the shared reads need of one table: the alias its
// columns and joins name the row by, its select list and its joins; for
// its lists, what follows FROM (the alias, the joins and the filters,
// bound by name from the type's filter) and the list's order.
type entryRead struct{ alias, columns, joins, where, order string }

// The shared reads, written for each table by forTable ({e}, {columns}
// and {joins} are its entryRead). An empty import key never matches.
const (
	entryByIDSQL            = `SELECT {columns} FROM {table} {e} {joins} WHERE {e}.id = $1`
	entryByExternalIDSQL    = `SELECT {columns} FROM {table} {e} {joins} WHERE {e}.external_id = $1 AND {e}.external_id <> ''`
	entriesByExternalIDsSQL = `SELECT {columns} FROM {table} {e} {joins} WHERE {e}.external_id = ANY($1) AND {e}.external_id <> ''`
	publicEntriesSQL        = `SELECT {columns} FROM {public_table} {e} {joins}
WHERE (cardinality($1::bigint[]) = 0 OR {e}.id = ANY ($1)) AND {e}.id > $2
ORDER BY {e}.id LIMIT $3`
)

// The shared lists (listEntries): the back office's (any status), the
// public's, and the API's pages (Paging.ByID) in id order with the total
// counted apart, so no window has to hold every matching row beside the
// page.
const (
	entryListSQL = `SELECT {columns}, count(*) OVER () AS total_count FROM {table}{where}
ORDER BY {order}
LIMIT :limit OFFSET :offset`
	publicEntryListSQL = `SELECT {columns}, count(*) OVER () AS total_count FROM {public_table}{where}
ORDER BY {order}
LIMIT :limit OFFSET :offset`
	publicEntryCountSQL = `SELECT count(*) FROM {public_table}{where}`
	publicEntryPageSQL  = `SELECT {columns}, 0 AS total_count FROM {public_table}{where}
  AND {e}.id > :after_id
ORDER BY {e}.id LIMIT :limit OFFSET :offset`
)

// entryReads are the shared reads and lists of one table, written once
// (addTable).
type entryReads struct {
	byID, byExternalID, byExternalIDs, public string
	lists                                     entryLists
}

func readsFor(t Table) entryReads {
	return entryReads{
		byID:          forTable(entryByIDSQL, t),
		byExternalID:  forTable(entryByExternalIDSQL, t),
		byExternalIDs: forTable(entriesByExternalIDsSQL, t),
		public:        forTable(publicEntriesSQL, t),
		lists: entryLists{
			any:         forTable(entryListSQL, t),
			public:      forTable(publicEntryListSQL, t),
			publicCount: forTable(publicEntryCountSQL, t),
			publicByID:  forTable(publicEntryPageSQL, t),
		},
	}
}

// listOf runs the list of entries of type T for filter f (bound by name),
// whose status and paging are given apart; split takes an item and the
// total from a row R (the entry beside its total_count).
func listOf[R any, T any](ctx context.Context, s *Store, status *string, f any, p *Paging, split func(R) (T, int)) (List[T], error) {
	return listEntries(ctx, s, tableFor[T]().reads.lists, status, f, p, split)
}

// tableFor is the table of entries of Go type T; a type without one is a
// programming error.
func tableFor[T any]() entryTable {
	want := reflect.TypeFor[T]()
	for _, t := range entryTables {
		if t.goType == want {
			return t
		}
	}
	panic(fmt.Sprintf("store: no entry table holds %v", want))
}

// TableOf is the table that holds entries of type T.
func TableOf[T any]() Table { return tableFor[T]().name }

// Title is an entry's title, the text its slug is made from.
func Title[T any](e *T) string { return tableFor[T]().title(e) }

// ByID reads one entry of type T whatever its status; ErrNotFound when
// there is none.
func ByID[T any](ctx context.Context, s *Store, id int64) (T, error) {
	t := tableFor[T]()
	return readCompleted[T](ctx, s, t, t.reads.byID, id)
}

// ByExternalID finds an entry of type T by its import key; an empty key
// never matches.
func ByExternalID[T any](ctx context.Context, s *Store, externalID string) (T, error) {
	t := tableFor[T]()
	return readCompleted[T](ctx, s, t, t.reads.byExternalID, externalID)
}

// ByExternalIDs finds the entries of type T of several import keys; keys
// that match nothing are missing from the result.
func ByExternalIDs[T any](ctx context.Context, s *Store, ids []string) ([]T, error) {
	t := tableFor[T]()
	return readAllCompleted[T](ctx, s, t, t.reads.byExternalIDs, pq.Array(ids))
}

// Public reads the public entries of type T that sel names, from the
// type's public_* view.
func Public[T any](ctx context.Context, s *Store, sel PublicSelection) ([]T, error) {
	t := tableFor[T]()
	return readAllCompleted[T](ctx, s, t, t.reads.public, sel.args()...)
}

// readCompleted reads the one row of a query and completes it
// (entryTable.complete).
func readCompleted[T any](ctx context.Context, s *Store, t entryTable, query string, args ...any) (T, error) {
	e, err := readOne[T](ctx, s, query, args...)
	if err != nil || t.complete == nil {
		return e, err
	}
	one := []T{e}
	err = t.complete(ctx, s.reader(ctx), one)
	return one[0], err
}

// readAllCompleted reads the rows of a query and completes them.
func readAllCompleted[T any](ctx context.Context, s *Store, t entryTable, query string, args ...any) ([]T, error) {
	out, err := readAll[T](ctx, s, query, args...)
	if err != nil {
		return nil, err
	}
	if t.complete == nil {
		return out, nil
	}
	return out, t.complete(ctx, s.reader(ctx), out)
}

// Create inserts an entry (a *domain.Job, *domain.Company, …) and fills
// in its id, timestamps and version.
func (s *Store) Create(ctx context.Context, entry any) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return create(ctx, tx, entry) })
}

// Create inserts an entry inside the batch.
func (b *Batch) Create(ctx context.Context, entry any) error {
	return translate(create(ctx, b.tx, entry))
}

// Update saves an entry if its version is still current; else
// ErrConflict. ErrUnchanged: nothing would change.
func (s *Store) Update(ctx context.Context, entry any) error {
	return s.Batch(ctx, func(b *Batch) error { return b.Update(ctx, entry) })
}

func create(ctx context.Context, tx *sqlx.Tx, entry any) error {
	for _, t := range entryTables {
		if handled, err := t.create(ctx, tx, entry); handled {
			return err
		}
	}
	return fmt.Errorf("store: cannot create a %T", entry)
}
