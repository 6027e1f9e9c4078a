// Package kind is the registry of entry kinds. Each type of entry (job,
// company, school, …) is described once, in its own file here: its names
// and paths, how the store loads, lists, creates and updates it, its parent,
// and its search document. Code that serves every kind (back-office lists
// and forms, status changes, the search indexer) loops over All instead of
// switching on the type.
package kind

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Head is what every kind shares: enough to list, scope-check and link an
// entry whatever its type.
type Head struct {
	Type  domain.EntryType
	Meta  domain.Meta
	Title string
	City  string // the city that decides who may edit it ("both" for both)
	Key   string // what people know it by: tax code, school code, external_id (lists only)
}

// ListFilter selects entries for the back office: every status unless
// one is asked.
type ListFilter = store.AdminFilter

// Entry is one kind, whatever its Go type: the view of it that code serving
// every kind uses. Entries travel as pointers (*domain.Job, …) in `any`.
type Entry interface {
	Type() domain.EntryType
	Table() store.Table
	// Parent is the kind an entry names (a job its company), or "".
	Parent() string
	New() any
	Load(ctx context.Context, st *store.Store, id int64) (any, error)
	Create(ctx context.Context, st *store.Store, e any) error
	Update(ctx context.Context, st *store.Store, e any) error
	Head(ctx context.Context, st *store.Store, id int64) (Head, error)
	HeadOf(e any) Head
	// MetaOf is the entry's shared columns, to set status or version.
	MetaOf(e any) *domain.Meta
	// List is the back office's list; one query over the kind's table
	// serves every kind (store.AdminList).
	List(ctx context.Context, st *store.Store, f ListFilter) ([]Head, store.List[struct{}], error)
	// ParentKeys are the import columns naming the entry's parent that its
	// own fields lack (a program's school_city), for forms.
	ParentKeys(ctx context.Context, st *store.Store, e any) (map[string]string, error)
	// Fields are the back-office form's fields, in order.
	Fields() []Field
	// Example is one valid import row of this kind, column → value.
	Example() map[string]string
	// Warnings are what a form asks about before saving a valid entry
	// (a deadline already past): not errors, the official may save anyway.
	Warnings(ctx context.Context, st *store.Store, e any) ([]Warning, error)
	// Documents reads the public entries sel names as search documents.
	Documents(ctx context.Context, st *store.Store, names *search.Names, sel store.PublicSelection) ([]search.Document, error)
	// Columns are its public fields as the API and the downloads give
	// them (columns.go); Values are an entry's, in that order.
	Columns() []Column
	Values(e any) []any
	// PublicRows reads the public entries sel names, a batch at a time.
	PublicRows(ctx context.Context, st *store.Store, sel store.PublicSelection, row func(id int64, values []any) error) error
	// Summary is a line or two about the entry (a page's description, a
	// feed entry's summary); Schema its schema.org object for JSON-LD, nil
	// when it has none (an expired job); Cards reads public entries by id
	// (crawl.go).
	Summary(e any) string
	Schema(site Site, e any) any
	Cards(ctx context.Context, st *store.Store, ids []int64) ([]Card, error)

	// rank is the kind's place in All; problem the message of one of its
	// table's named rules (Explain).
	rank() int
	problem(constraint string) (problem, bool)
}

// Kind describes entries of Go type T. The store reads and writes a T by
// its type (store.ByID, st.Create, …), and every T gives its shared columns
// (domain.Meta.Shared), so a kind's file holds only what is its own and
// reads as a table.
type Kind[T any] struct {
	typ    domain.EntryType
	parent string
	// order is the kind's place in All: parents before the children that
	// name them (register).
	order int

	city func(*T) string

	document func(*search.Names, T) search.Document
	// parentKeys names the entry's parent by the import columns that name
	// it (a program's school_city), for forms; nil when the entry's own
	// fields already do.
	parentKeys func(context.Context, *store.Store, *T) (map[string]string, error)
	// fields are the back-office form's, in order; their names are import
	// columns, so a form is one row of a spreadsheet.
	fields []Field
	// example is one valid import row (column → value); the examples of
	// All, imported in order, make a consistent set (a job names the
	// example company).
	example map[string]string
	// columns are its public fields for the API and the downloads
	// (withMeta adds the shared ones).
	columns []column[T]

	columnsOnce sync.Once
	all         []column[T]
	// summary is the text a page's description and feed entries start
	// from; schema builds its schema.org object (schema.go), nil for none.
	summary func(*T) string
	schema  func(Site, *T) any
	// warn finds the entry's warnings; nil has none.
	warn func(context.Context, *store.Store, *T) ([]Warning, error)
	// problems are the kind's named database rules whose generic
	// message would not say enough, by constraint (Explain).
	problems map[string]problem
}

// Warning is one thing to check before saving, on a field (a column).
type Warning struct{ Field, Message string }

func (k *Kind[T]) Warnings(ctx context.Context, st *store.Store, e any) ([]Warning, error) {
	if k.warn == nil {
		return nil, nil
	}
	return k.warn(ctx, st, k.cast(e))
}

func (k *Kind[T]) Type() domain.EntryType { return k.typ }
func (k *Kind[T]) Table() store.Table     { return store.TableOf[T]() }
func (k *Kind[T]) Parent() string         { return k.parent }
func (k *Kind[T]) New() any               { return new(T) }

func (k *Kind[T]) ParentKeys(ctx context.Context, st *store.Store, e any) (map[string]string, error) {
	if k.parentKeys == nil {
		return nil, nil
	}
	return k.parentKeys(ctx, st, k.cast(e))
}

func (k *Kind[T]) Fields() []Field { return k.fields }

func (k *Kind[T]) Example() map[string]string {
	out := make(map[string]string, len(k.example))
	for c, v := range k.example {
		out[c] = v
	}
	return out
}

// sharer is every entity: it gives its shared columns.
type sharer interface{ Shared() *domain.Meta }

func (k *Kind[T]) meta(e *T) *domain.Meta { return any(e).(sharer).Shared() }

func (k *Kind[T]) load(ctx context.Context, st *store.Store, id int64) (T, error) {
	return store.ByID[T](ctx, st, id)
}

func (k *Kind[T]) public(ctx context.Context, st *store.Store, sel store.PublicSelection) ([]T, error) {
	return store.Public[T](ctx, st, sel)
}

func (k *Kind[T]) Load(ctx context.Context, st *store.Store, id int64) (any, error) {
	e, err := k.load(ctx, st, id)
	return &e, err
}

// Get loads one entry whatever its status, as its own Go type.
func (k *Kind[T]) Get(ctx context.Context, st *store.Store, id int64) (T, error) {
	return k.load(ctx, st, id)
}

// Meta and City are what MetaOf and HeadOf give, for code that holds a *T.
func (k *Kind[T]) Meta(e *T) *domain.Meta { return k.meta(e) }
func (k *Kind[T]) City(e *T) string       { return k.city(e) }

func (k *Kind[T]) rank() int { return k.order }

func (k *Kind[T]) problem(constraint string) (problem, bool) {
	p, ok := k.problems[constraint]
	return p, ok
}

func (k *Kind[T]) Create(ctx context.Context, st *store.Store, e any) error {
	return st.Create(ctx, k.cast(e))
}

func (k *Kind[T]) Update(ctx context.Context, st *store.Store, e any) error {
	return st.Update(ctx, k.cast(e))
}

func (k *Kind[T]) Head(ctx context.Context, st *store.Store, id int64) (Head, error) {
	e, err := k.load(ctx, st, id)
	if err != nil {
		return Head{Type: k.typ}, err
	}
	return k.head(&e), nil
}

func (k *Kind[T]) HeadOf(e any) Head         { return k.head(k.cast(e)) }
func (k *Kind[T]) MetaOf(e any) *domain.Meta { return k.meta(k.cast(e)) }

func (k *Kind[T]) head(e *T) Head {
	return Head{Type: k.typ, Meta: *k.meta(e), Title: store.Title(e), City: k.city(e)}
}

func (k *Kind[T]) List(ctx context.Context, st *store.Store, f ListFilter) ([]Head, store.List[struct{}], error) {
	l, err := st.AdminList(ctx, k.Table(), f)
	if err != nil {
		return nil, store.List[struct{}]{}, err
	}
	heads := make([]Head, len(l.Items))
	for i, r := range l.Items {
		heads[i] = Head{Type: k.typ, Title: r.Title, City: r.City, Key: r.Key, Meta: domain.Meta{
			ID: r.ID, Slug: r.Slug, Status: r.Status, Version: r.Version, ExternalID: r.ExternalID,
			DepartmentCode: r.DepartmentCode, UpdatedAt: r.UpdatedAt}}
	}
	return heads, store.List[struct{}]{Total: l.Total, Page: l.Page, PerPage: l.PerPage}, nil
}

func (k *Kind[T]) Documents(ctx context.Context, st *store.Store, names *search.Names, sel store.PublicSelection) ([]search.Document, error) {
	entries, err := k.public(ctx, st, sel)
	if err != nil {
		return nil, err
	}
	docs := make([]search.Document, len(entries))
	for i, e := range entries {
		docs[i] = k.document(names, e)
	}
	return docs, nil
}

// cast is the one place an `any` becomes a T; a wrong type is a
// programming error, not a user's.
func (k *Kind[T]) cast(e any) *T {
	t, ok := e.(*T)
	if !ok {
		panic(fmt.Sprintf("kind %s: got %T, want *%T", k.typ.Name, e, *new(T)))
	}
	return t
}

// All lists every kind in dependency order: parents before the children
// that name them (a program's policy before its tasks, a company before
// its jobs, a school before its programs). Each kind's file adds its kind
// (register); code that serves every kind loops over All.
var All []Entry

// register adds k to All at its place (order).
func register[T any](k *Kind[T]) *Kind[T] {
	if _, ok := any(new(T)).(sharer); !ok {
		panic(fmt.Sprintf("kind %s: *%T has no Shared", k.typ.Name, *new(T)))
	}
	i := 0
	for i < len(All) && All[i].rank() < k.order {
		i++
	}
	All = slices.Insert(All, i, Entry(k))
	return k
}

// ByName finds a kind by its API name (job, company, …).
func ByName(name string) (Entry, bool) {
	for _, k := range All {
		if k.Type().Name == name {
			return k, true
		}
	}
	return nil, false
}

// ByPlural finds a kind by its collection name (jobs, companies, …), as
// back-office paths and the API name them.
func ByPlural(plural string) (Entry, bool) {
	for _, k := range All {
		if k.Type().Plural == plural {
			return k, true
		}
	}
	return nil, false
}

func entryType(name string) domain.EntryType {
	t, ok := domain.TypeByName(name)
	if !ok {
		panic("kind: no entry type " + name)
	}
	return t
}
