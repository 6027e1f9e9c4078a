package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// handler imports the rows of one entry type.
type handler interface {
	typeName() string
	// matches tells whether a type name, plural, sheet name or Vietnamese
	// label ("jobs", "Việc làm") names this type.
	matches(name string) bool
	// column returns the canonical name of a column the type takes.
	column(name string) (string, bool)
	// order ranks columns for reporting; "" (the whole row) comes first.
	order(col string) int
	// prefetch reads the entries of several external_ids at once.
	prefetch(ctx context.Context, r *run, ids []string) error
	plan(ctx context.Context, r *run, rec *record) (RowResult, writeFunc)
	// applyForm reads a form (one row) into an entity; see ApplyForm.
	applyForm(ctx context.Context, r *run, rec *record, e any) ([]RowError, error)
	// columnNames lists the columns the type takes, in canonical order.
	columnNames() []string
	// help describes the columns for the people who fill a file.
	help(t *codes.Tables) []ColumnInfo
}

// Columns lists the columns (JSON Lines keys) an entry type takes, for the
// people who prepare the files; nil for an unknown type.
func Columns(entryType string) []string {
	if h := handlerFor(entryType); h != nil {
		return append([]string(nil), h.columnNames()...)
	}
	return nil
}

// writeFunc runs a row's write; see spec.plan.
type writeFunc func(ctx context.Context, res *RowResult) error

// specs are the import specs, as each kind's file registers its own
// (register).
var specs []handler

// register adds s to the import, for kind k: the kind gives its entry
// type, table, meta and city, and the column deciding the city (its
// form's city field).
func register[T any](k *kind.Kind[T], s *spec[T]) *spec[T] {
	s.entry, s.table, s.meta, s.city = k.Type(), k.Table(), k.Meta, k.City
	for _, f := range k.Fields() {
		if f.City {
			s.cityCol = f.Name
		}
	}
	specs = append(specs, s)
	return s
}

// handlers import each kind, in the registry's dependency order: parents
// before the children that name them. XLSX sheets are imported in this
// order. A kind without a spec stops the program at start-up.
var handlers []handler

func init() {
	for _, k := range kind.All {
		i := slices.IndexFunc(specs, func(h handler) bool { return h.typeName() == k.Type().Name })
		if i < 0 {
			panic("importer: no import spec for kind " + k.Type().Name)
		}
		handlers = append(handlers, specs[i])
	}
}

func handlerFor(name string) handler {
	for _, h := range handlers {
		if h.matches(name) {
			return h
		}
	}
	return nil
}

func handlerRank(h handler) int {
	for i, x := range handlers {
		if x == h {
			return i
		}
	}
	return len(handlers)
}

// TypeNames are the entry types an import takes, in import order: the
// registry's (handlers follow it), so that ErrNoType can name them before
// the specs are in order.
func TypeNames() []string {
	out := make([]string, len(kind.All))
	for i, k := range kind.All {
		out[i] = k.Type().Name
	}
	return out
}

// spec describes one entry type T for the generic row import.
type spec[T any] struct {
	// entry, table, meta, city and cityCol (the column that decides the
	// row's city, for the scope check) come from its kind (register).
	entry   domain.EntryType
	table   store.Table
	columns []string          // canonical order; external_id first
	aliases map[string]string // other names accepted for a column
	// fields maps a Validate or ConstraintError field that is not itself a
	// column to the column to blame ("" = the whole row).
	fields  map[string]string
	cityCol string
	natural *natural[T]

	meta        func(*T) *domain.Meta
	city        func(*T) string
	policyField func(*T) string // the field deciding a policy's department
	// plain are the columns read as written into the field of T with the
	// same db name: text, a whole number (int or *int), có/không (bool).
	// apply reads the others.
	plain    []string
	apply    func(ctx context.Context, c *rowCtx, e *T, isNew bool)
	check    func(c *rowCtx, e *T) // code tables: industry, occupation, ward
	validate func(*T) domain.FieldErrors
	// remember makes a parent entry (company, school, policy) known to the
	// rows after it; ref is pending until its insert is done.
	remember func(r *run, e, old *T, ref *parentRef)

	labelsOnce sync.Once
	labels     map[string]string // see labelColumns
	plainOnce  sync.Once
	plainAt    map[string][]int // plain column → field index in T
}

// applyPlain reads the plain columns into e; a plain column without a
// field of that db name is a programming error, caught by the tests.
func (s *spec[T]) applyPlain(c *rowCtx, e *T) {
	s.plainOnce.Do(func() {
		s.plainAt = map[string][]int{}
		for _, f := range reflect.VisibleFields(reflect.TypeFor[T]()) {
			if tag := f.Tag.Get("db"); tag != "" && slices.Contains(s.plain, tag) {
				s.plainAt[tag] = f.Index
			}
		}
		for _, col := range s.plain {
			if _, ok := s.plainAt[col]; !ok {
				panic("importer: " + s.entry.Name + " has no field for plain column " + col)
			}
		}
	})
	v := reflect.ValueOf(e).Elem()
	for _, col := range s.plain {
		switch dst := v.FieldByIndex(s.plainAt[col]).Addr().Interface().(type) {
		case *string:
			c.setString(col, dst)
		case *int:
			c.setInt(col, dst)
		case **int:
			c.setIntPtr(col, dst)
		case *bool:
			c.setBool(col, dst)
		default:
			panic(fmt.Sprintf("importer: plain column %s of %s is a %T", col, s.entry.Name, dst))
		}
	}
}

func (s *spec[T]) columnNames() []string { return s.columns }

// natural is a type's natural key: company tax code, school city + code.
type natural[T any] struct {
	column string // the column to blame
	what   string // "Mã số thuế"
	key    func(c *rowCtx) string
	keyOf  func(*T) string
	find   func(st *store.Store, ctx context.Context, key string) (T, error)
	taken  string // "Mã số thuế %s đã thuộc một doanh nghiệp khác."
	hasExt string // "Doanh nghiệp có mã số thuế %s đã có mã tham chiếu “%s”, khác với “%s” trong tệp."
}

func (s *spec[T]) typeName() string { return s.entry.Name }

func (s *spec[T]) matches(name string) bool {
	n := foldKey(name)
	return n == s.entry.Name || n == s.entry.Plural || n == foldKey(s.entry.LabelVI) ||
		n == foldKey(s.entry.MenuVI) || n == strings.TrimPrefix(s.entry.Path, "/") || formerLabels[n] == s.entry.Name
}

// formerLabels are type names files written before the pages used plain
// words still carry.
var formerLabels = map[string]string{
	foldKey("Cơ sở GDNN"): "school", foldKey("Cơ sở giáo dục nghề nghiệp"): "school",
	foldKey("Ngành, nghề đào tạo"): "program", foldKey("Đào tạo"): "program",
}

func (s *spec[T]) column(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, ok := s.aliases[n]; ok {
		return a, true
	}
	for _, c := range s.columns {
		if c == n {
			return c, true
		}
	}
	// The form's label works as a header too ("Chức danh tuyển dụng").
	c, ok := s.labelColumns()[wordKey(name)]
	return c, ok
}

// labelColumns maps the folded form labels of the kind's fields to their
// columns, built once.
func (s *spec[T]) labelColumns() map[string]string {
	s.labelsOnce.Do(func() {
		s.labels = map[string]string{}
		if k, ok := kind.ByName(s.entry.Name); ok {
			for _, f := range k.Fields() {
				if slices.Contains(s.columns, f.Name) {
					s.labels[wordKey(f.Label)] = f.Name
				}
			}
		}
	})
	return s.labels
}

func (s *spec[T]) order(col string) int {
	if col == "" {
		return -1
	}
	for i, c := range s.columns {
		if c == col {
			return i
		}
	}
	return len(s.columns)
}

// colOf names the column to blame for a field of Validate or the database.
func (s *spec[T]) colOf(field string) string {
	if c, ok := s.fields[field]; ok {
		return c
	}
	if c, ok := s.column(field); ok {
		return c
	}
	if strings.HasSuffix(field, "_code") {
		if c, ok := s.column(strings.TrimSuffix(field, "_code")); ok {
			return c
		}
	}
	return ""
}

func (s *spec[T]) prefetch(ctx context.Context, r *run, ids []string) error {
	found, err := store.ByExternalIDs[T](ctx, r.st, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		r.prefetched[s.entry.Name+"\x00"+id] = nil
	}
	for i := range found {
		m := s.meta(&found[i])
		r.prefetched[s.entry.Name+"\x00"+m.ExternalID] = &found[i]
	}
	return nil
}

// existing finds the entry of an external_id, read ahead if it was.
func (s *spec[T]) existing(ctx context.Context, r *run, ext string) (T, error) {
	key := s.entry.Name + "\x00" + ext
	if v, ok := r.prefetched[key]; ok {
		delete(r.prefetched, key)
		if v == nil {
			var zero T
			return zero, store.ErrNotFound
		}
		return *v.(*T), nil
	}
	return store.ByExternalID[T](ctx, r.st, ext)
}

// plan checks one row and decides what it does. It returns the row's
// outcome and, when the row writes, the write to run; the write fills in
// the outcome (a refused write rejects the row) and returns only errors
// that stop the import. The checks run as named steps, in order; the first
// that rejects the row (or stops the import) ends them.
func (s *spec[T]) plan(ctx context.Context, r *run, rec *record) (RowResult, writeFunc) {
	p := &rowPlan[T]{s: s, r: r, c: &rowCtx{r: r, h: s, rec: rec},
		res: RowResult{Sheet: rec.sheet, Line: rec.line, Type: s.entry.Name}}
	for _, step := range []func(context.Context) verdict{p.keys, p.findExisting, p.applyRow, p.checkScope, p.validate} {
		switch step(ctx) {
		case rejected:
			p.res.Action, p.res.ID, p.res.Errors = Rejected, 0, p.c.rowErrors()
			return p.res, nil
		case stopped:
			return p.res, nil
		}
	}
	if p.found {
		return p.update(ctx)
	}
	return p.create()
}

// verdict is what a step of plan decided.
type verdict int

const (
	next     verdict = iota // go on to the next step
	rejected                // the row is rejected with the problems noted
	stopped                 // the import stops (r.fatal is set)
)

// rowPlan is one row on its way through plan's steps.
type rowPlan[T any] struct {
	s   *spec[T]
	r   *run
	c   *rowCtx
	res RowResult

	ext, natKey string
	existing    T // the entry the row updates, if found
	found       bool
	e           T // the entry as the row would leave it
	dept        string
}

// keys reads the row's keys and refuses duplicates within the file.
func (p *rowPlan[T]) keys(context.Context) verdict {
	s, c := p.s, p.c
	p.ext, _ = c.text("external_id")
	if s.natural != nil {
		p.natKey = s.natural.key(c)
	}
	p.res.Key = p.ext
	if p.ext == "" {
		p.res.Key = p.natKey
	}
	if p.ext == "" && s.natural == nil {
		c.fail("external_id", "Vui lòng nhập mã tham chiếu (external_id): nhờ mã này, nhập lại tệp sẽ cập nhật đúng mục thay vì tạo bản trùng.")
		return rejected
	}
	if p.ext != "" {
		if first, dup := p.r.seenKey(s.entry.Name+"\x00ext\x00"+p.ext, c.rec.line); dup {
			c.fail("external_id", fmt.Sprintf("Mã tham chiếu trùng với dòng %d trong cùng tệp.", first))
		}
	}
	if p.natKey != "" {
		if first, dup := p.r.seenKey(s.entry.Name+"\x00key\x00"+p.natKey, c.rec.line); dup {
			c.fail(s.natural.column, fmt.Sprintf("%s trùng với dòng %d trong cùng tệp.", s.natural.what, first))
		}
	}
	if c.failed() {
		return rejected
	}
	return next
}

// findExisting finds the entry the row updates: by external_id, else by
// natural key. A key problem found here is reported after the scope
// check, so that rows out of scope say only that.
func (p *rowPlan[T]) findExisting(ctx context.Context) verdict {
	s, r := p.s, p.r
	if p.ext != "" {
		e, err := s.existing(ctx, r, p.ext)
		switch {
		case err == nil:
			p.existing, p.found = e, true
		case !errors.Is(err, store.ErrNotFound):
			return p.stop(err)
		}
	}
	if p.natKey == "" {
		return next
	}
	if p.found {
		if s.natural.keyOf(&p.existing) == p.natKey {
			return next
		}
		other, err := s.natural.find(r.st, ctx, p.natKey)
		switch {
		case err == nil && s.meta(&other).ID != s.meta(&p.existing).ID:
			p.c.fail(s.natural.column, fmt.Sprintf(s.natural.taken, p.natKey))
		case err != nil && !errors.Is(err, store.ErrNotFound):
			return p.stop(err)
		}
		return next
	}
	e, err := s.natural.find(r.st, ctx, p.natKey)
	switch {
	case err == nil:
		if old := s.meta(&e).ExternalID; p.ext != "" && old != "" && old != p.ext {
			// the row is checked against that entry, but not written
			p.c.fail("external_id", fmt.Sprintf(s.natural.hasExt, p.natKey, old, p.ext))
		}
		p.existing, p.found = e, true
	case !errors.Is(err, store.ErrNotFound):
		return p.stop(err)
	}
	return next
}

func (p *rowPlan[T]) stop(err error) verdict {
	p.r.fatal = fmt.Errorf("import: line %d: %w", p.c.rec.line, err)
	return stopped
}

// applyRow builds the entry as the row would leave it.
func (p *rowPlan[T]) applyRow(ctx context.Context) verdict {
	if p.found {
		p.e = p.existing
	}
	p.s.applyPlain(p.c, &p.e)
	p.s.apply(ctx, p.c, &p.e, !p.found)
	if p.r.fatal != nil {
		return stopped
	}
	if k, ok := kind.ByName(p.s.entry.Name); ok {
		p.res.Title = k.HeadOf(&p.e).Title
	}
	if p.ext != "" {
		p.s.meta(&p.e).ExternalID = p.ext
	}
	return next
}

// checkScope: the official may write entries of this city (and, for an
// update, of the city the entry is in now).
func (p *rowPlan[T]) checkScope(context.Context) verdict {
	s, r, c := p.s, p.r, p.c
	city := s.city(&p.e)
	if city != "" && !c.failedOn(s.cityCol) && !r.allowed(city) {
		c.errs = nil
		c.fail(s.cityCol, r.scopeMessage(city))
		return rejected
	}
	if p.found {
		if old := s.city(&p.existing); old != city && !r.allowed(old) {
			c.errs = nil
			c.fail(s.cityCol, r.scopeMessage(old))
			return rejected
		}
	}
	return next
}

// validate applies the code tables and the entry's own rules, and finds a
// new entry's publishing department.
func (p *rowPlan[T]) validate(context.Context) verdict {
	s, r, c := p.s, p.r, p.c
	if s.check != nil {
		s.check(c, &p.e)
	}
	fe := s.validate(&p.e)
	for _, f := range fe.Fields() {
		c.fail(s.colOf(f), fe[f])
	}
	if !p.found {
		field := ""
		if s.policyField != nil {
			field = s.policyField(&p.e)
		}
		city := s.city(&p.e)
		p.dept = r.department(city, s.entry.Name, field)
		if _, ok := r.ref.Department(p.dept); !ok && city != "" && !c.failed() {
			c.fail("", fmt.Sprintf("Không có cơ quan công bố “%s” cho %s.", p.dept, r.ref.CityName(city)))
		}
	}
	if c.failed() {
		return rejected
	}
	return next
}

// update saves the entry and, if asked, publishes it, in one transaction
// (see run.write). PostgreSQL decides whether the row changes
// (store.ErrUnchanged). The entry is known to later rows (as a parent) at
// once.
func (p *rowPlan[T]) update(ctx context.Context) (RowResult, writeFunc) {
	s, r, c, e := p.s, p.r, p.c, &p.e
	old := s.meta(&p.existing)
	p.res.ID = old.ID
	publish := r.opts.Publish && old.Status != domain.StatusPublished
	if s.remember != nil {
		s.remember(r, e, &p.existing, &parentRef{id: old.ID, ok: true})
	}
	p.res.Action = Updated // until the write says otherwise
	changes := s.changes(&p.existing, e)
	m := s.meta(e)
	return p.res, func(ctx context.Context, res *RowResult) error {
		// A change and a publish are one transaction: never an entry
		// updated but left unpublished by a conflict in between.
		changed := true
		err := r.write(ctx, func(b *store.Batch) error {
			switch err := b.Update(ctx, e); {
			case errors.Is(err, store.ErrUnchanged):
				changed = false
			case err != nil:
				return err
			}
			if publish {
				_, err := b.SetStatus(ctx, s.table, m.ID, m.Version, domain.StatusPublished, "")
				return err
			}
			return nil
		})
		if err != nil {
			return c.failWrite(res, err, s.colOf)
		}
		res.Action, res.Changes = Updated, changes
		if publish {
			res.Changes = append(res.Changes, Change{Column: "status", Old: string(old.Status), New: string(domain.StatusPublished)})
		}
		if !changed && !publish {
			res.Action, res.Changes = Unchanged, nil
		}
		return nil
	}
}

// changes lists the columns whose values differ between old and e, in the
// type's column order, each value as text.
func (s *spec[T]) changes(old, e *T) []Change {
	a, b := flatten(old), flatten(e)
	var out []Change
	seen := map[string]bool{}
	for key, nv := range b {
		col := s.colOf(key)
		if col == "" || seen[col] || a[key] == nv || !slices.Contains(s.columns, col) {
			continue
		}
		seen[col] = true
		out = append(out, Change{Column: col, Old: a[key], New: nv})
	}
	slices.SortFunc(out, func(x, y Change) int { return s.order(x.Column) - s.order(y.Column) })
	return out
}

// flatten reads an entry's JSON fields as text: null is "", a list is
// "a; b", a date is yyyy-mm-dd.
func flatten(e any) map[string]string {
	raw, err := json.Marshal(e)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		switch x := v.(type) {
		case nil:
			out[k] = ""
		case string:
			out[k] = strings.TrimSuffix(x, "T00:00:00Z")
		case []any:
			parts := make([]string, len(x))
			for i, p := range x {
				parts[i] = fmt.Sprint(p)
			}
			out[k] = strings.Join(parts, "; ")
		case map[string]any:
			b, _ := json.Marshal(x)
			out[k] = string(b)
		default:
			b, _ := json.Marshal(x)
			out[k] = string(b)
		}
	}
	return out
}

// create inserts the entry, as a draft unless the import publishes.
func (p *rowPlan[T]) create() (RowResult, writeFunc) {
	s, r, c, e := p.s, p.r, p.c, &p.e
	m := s.meta(e)
	m.Status = domain.StatusDraft
	if r.opts.Publish {
		m.Status = domain.StatusPublished
	}
	m.DepartmentCode = p.dept
	p.res.Action = Created
	ref := &parentRef{done: make(chan struct{})}
	if s.remember != nil {
		s.remember(r, e, nil, ref)
	}
	return p.res, func(ctx context.Context, res *RowResult) error {
		defer close(ref.done)
		if err := r.write(ctx, func(b *store.Batch) error { return b.Create(ctx, e) }); err != nil {
			return c.failWrite(res, err, s.colOf)
		}
		ref.id, ref.ok = m.ID, true
		res.ID = m.ID
		if r.opts.DryRun {
			res.ID = 0 // rolled back: the id is no entry's
		}
		return nil
	}
}

// Parents by natural key, from this import's cache (waiting for a
// parent still being written) or the database.

func (r *run) parent(cache map[string]*parentRef, key string, find func() (parentRef, error)) (parentRef, bool) {
	if p, ok := cache[key]; ok {
		if p.wait() {
			return *p, true
		}
		delete(cache, key) // its insert failed: ask the database
	}
	p, err := find()
	if errors.Is(err, store.ErrNotFound) {
		return parentRef{}, false
	}
	if err != nil {
		r.fatal = fmt.Errorf("import: find %s: %w", key, err)
		return parentRef{}, false
	}
	p.ok = true
	cache[key] = &p
	return p, true
}

func (r *run) company(ctx context.Context, taxCode string) (parentRef, bool) {
	return r.parent(r.companies, taxCode, func() (parentRef, error) {
		c, err := r.st.CompanyByTaxCode(ctx, taxCode)
		return parentRef{id: c.ID, city: c.City}, err
	})
}

func (r *run) school(ctx context.Context, city, code string) (parentRef, bool) {
	return r.parent(r.schools, city+"/"+code, func() (parentRef, error) {
		s, err := r.st.SchoolByCode(ctx, city, code)
		return parentRef{id: s.ID, city: s.City}, err
	})
}

func (r *run) program(ctx context.Context, externalID string) (parentRef, bool) {
	return r.parent(r.programs, externalID, func() (parentRef, error) {
		p, err := store.ByExternalID[domain.Policy](ctx, r.st, externalID)
		return parentRef{id: p.ID, city: p.City, kind: p.Kind}, err
	})
}

// wardAliases: a ward column may be called ward or ward_code.
var wardAliases = map[string]string{"ward_code": "ward"}
