package importer

import (
	"errors"
	"fmt"
	"strings"

	"hoptac/internal/domain"
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
	prefetch(r *run, ids []string) error
	plan(r *run, rec *record) (RowResult, writeFunc)
	// applyForm reads a form (one row) into an entity; see ApplyForm.
	applyForm(r *run, rec *record, e any) ([]RowError, error)
	// columnNames lists the columns the type takes, in canonical order.
	columnNames() []string
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
type writeFunc func(res *RowResult) error

// handlers are the entry types in dependency order: parents before the
// children that name them. XLSX sheets are imported in this order.
var handlers = []handler{policySpec, companySpec, schoolSpec, jobSpec, programSpec, projectSpec, commitmentSpec}

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

func typeNames() []string {
	out := make([]string, len(handlers))
	for i, h := range handlers {
		out[i] = h.typeName()
	}
	return out
}

// spec describes one entry type T for the generic row import.
type spec[T any] struct {
	entry   domain.EntryType
	table   store.Table
	columns []string          // canonical order; external_id first
	aliases map[string]string // other names accepted for a column
	// fields maps a Validate or ConstraintError field that is not itself a
	// column to the column to blame ("" = the whole row).
	fields  map[string]string
	cityCol string // the column that decides the row's city (scope)
	natural *natural[T]

	meta          func(*T) *domain.Meta
	city          func(*T) string
	policyField   func(*T) string // the field deciding a policy's department
	byExternalID  func(r *run, id string) (T, error)
	byExternalIDs func(r *run, ids []string) ([]T, error)
	apply         func(c *rowCtx, e *T, isNew bool)
	check         func(c *rowCtx, e *T) // code tables: industry, occupation, ward
	validate      func(*T) domain.FieldErrors
	same          func(a, b *T) bool
	create        func(r *run, e *T) error
	// remember makes a parent entry (company, school, policy) known to the
	// rows after it; ref is pending until its insert is done.
	remember func(r *run, e, old *T, ref *parentRef)
}

func (s *spec[T]) columnNames() []string { return s.columns }

// natural is a type's natural key: company tax code, school city + code.
type natural[T any] struct {
	column string // the column to blame
	what   string // "Mã số thuế"
	key    func(c *rowCtx) string
	keyOf  func(*T) string
	find   func(r *run, key string) (T, error)
	taken  string // "Mã số thuế %s đã thuộc một doanh nghiệp khác."
	hasExt string // "Doanh nghiệp có mã số thuế %s đã có mã tham chiếu “%s”, khác với “%s” trong tệp."
}

func (s *spec[T]) typeName() string { return s.entry.Name }

func (s *spec[T]) matches(name string) bool {
	n := foldKey(name)
	return n == s.entry.Name || n == s.entry.Plural || n == foldKey(s.entry.LabelVI) ||
		n == strings.TrimPrefix(s.entry.Path, "/")
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
	return "", false
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

func (s *spec[T]) prefetch(r *run, ids []string) error {
	found, err := s.byExternalIDs(r, ids)
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
func (s *spec[T]) existing(r *run, ext string) (T, error) {
	key := s.entry.Name + "\x00" + ext
	if v, ok := r.prefetched[key]; ok {
		delete(r.prefetched, key)
		if v == nil {
			var zero T
			return zero, store.ErrNotFound
		}
		return *v.(*T), nil
	}
	return s.byExternalID(r, ext)
}

// plan checks one row and decides what it does. It returns the row's
// outcome and, when the row writes, the write to run; the write fills in
// the outcome (a refused write rejects the row) and returns only errors
// that stop the import.
func (s *spec[T]) plan(r *run, rec *record) (RowResult, writeFunc) {
	c := &rowCtx{r: r, h: s, rec: rec}
	res := RowResult{Sheet: rec.sheet, Line: rec.line, Type: s.entry.Name}
	reject := func() (RowResult, writeFunc) {
		res.Action, res.ID, res.Errors = Rejected, 0, c.rowErrors()
		return res, nil
	}

	// 1. Keys, and duplicates within the file.
	ext, _ := c.text("external_id")
	natKey := ""
	if s.natural != nil {
		natKey = s.natural.key(c)
	}
	res.Key = ext
	if ext == "" {
		res.Key = natKey
	}
	if ext == "" && s.natural == nil {
		c.fail("external_id", "Vui lòng nhập mã tham chiếu (external_id): nhờ mã này, nhập lại tệp sẽ cập nhật đúng mục thay vì tạo bản trùng.")
		return reject()
	}
	if ext != "" {
		if first, dup := r.seenKey(s.entry.Name+"\x00ext\x00"+ext, rec.line); dup {
			c.fail("external_id", fmt.Sprintf("Mã tham chiếu trùng với dòng %d trong cùng tệp.", first))
		}
	}
	if natKey != "" {
		if first, dup := r.seenKey(s.entry.Name+"\x00key\x00"+natKey, rec.line); dup {
			c.fail(s.natural.column, fmt.Sprintf("%s trùng với dòng %d trong cùng tệp.", s.natural.what, first))
		}
	}
	if c.failed() {
		return reject()
	}

	// 2. The entry it updates, if any: by external_id, else by natural key.
	var existing T
	found := false
	if ext != "" {
		e, err := s.existing(r, ext)
		switch {
		case err == nil:
			existing, found = e, true
		case !errors.Is(err, store.ErrNotFound):
			r.fatal = fmt.Errorf("import: line %d: %w", rec.line, err)
			return res, nil
		}
	}
	if natKey != "" {
		switch {
		case found && s.natural.keyOf(&existing) != natKey:
			other, err := s.natural.find(r, natKey)
			switch {
			case err == nil && s.meta(&other).ID != s.meta(&existing).ID:
				c.fail(s.natural.column, fmt.Sprintf(s.natural.taken, natKey))
			case err != nil && !errors.Is(err, store.ErrNotFound):
				r.fatal = fmt.Errorf("import: line %d: %w", rec.line, err)
				return res, nil
			}
		case !found:
			e, err := s.natural.find(r, natKey)
			switch {
			case err == nil:
				if old := s.meta(&e).ExternalID; ext != "" && old != "" && old != ext {
					// the row is checked against that entry, but not written
					c.fail("external_id", fmt.Sprintf(s.natural.hasExt, natKey, old, ext))
				}
				existing, found = e, true
			case !errors.Is(err, store.ErrNotFound):
				r.fatal = fmt.Errorf("import: line %d: %w", rec.line, err)
				return res, nil
			}
		}
	}
	// (A key problem found here is reported after the scope check, so that
	// rows out of scope say only that.)

	// 3. The entry as the row would leave it.
	var e T
	if found {
		e = existing
	}
	s.apply(c, &e, !found)
	if r.fatal != nil {
		return res, nil
	}
	m := s.meta(&e)
	if ext != "" {
		m.ExternalID = ext
	}

	// 4. Scope: the official may write entries of this city (and, for an
	// update, of the city the entry is in now).
	city := s.city(&e)
	if city != "" && !c.failedOn(s.cityCol) && !r.allowed(city) {
		c.errs = nil
		c.fail(s.cityCol, r.scopeMessage(city))
		return reject()
	}
	if found {
		if old := s.city(&existing); old != city && !r.allowed(old) {
			c.errs = nil
			c.fail(s.cityCol, r.scopeMessage(old))
			return reject()
		}
	}

	// 5. Code tables and the entry's own rules.
	if s.check != nil {
		s.check(c, &e)
	}
	fe := s.validate(&e)
	for _, f := range fe.Fields() {
		c.fail(s.colOf(f), fe[f])
	}
	dept := ""
	if !found {
		field := ""
		if s.policyField != nil {
			field = s.policyField(&e)
		}
		dept = r.department(city, s.entry.Name, field)
		if _, ok := r.ref.departments[dept]; !ok && city != "" && !c.failed() {
			c.fail("", fmt.Sprintf("Không có cơ quan công bố “%s” cho %s.", dept, r.ref.cityName(city)))
		}
	}
	if c.failed() {
		return reject()
	}

	// 6. Write: nothing when nothing changed, else one update (and the
	// publication if asked), or one insert. Writes run on the worker pool;
	// the entry is known to later rows (as a parent) at once.
	if found {
		old := s.meta(&existing)
		res.ID = old.ID
		changed := !s.same(&existing, &e)
		publish := r.opts.Publish && old.Status != domain.StatusPublished
		if !changed && !publish {
			res.Action = Unchanged
			return res, nil
		}
		res.Action = Updated
		if s.remember != nil {
			s.remember(r, &e, &existing, &parentRef{id: old.ID, ok: true})
		}
		if r.opts.DryRun {
			return res, nil
		}
		return res, func(res *RowResult) error {
			// A change and a publish are one transaction: never an entry
			// updated but left unpublished by a conflict in between.
			err := r.st.Batch(r.ctx, func(b *store.Batch) error {
				if changed {
					if err := b.Update(r.ctx, &e); err != nil {
						return err
					}
				}
				if publish {
					_, err := b.SetStatus(r.ctx, s.table, m.ID, m.Version, domain.StatusPublished, "")
					return err
				}
				return nil
			})
			if err != nil {
				return c.failWrite(res, err, s.colOf)
			}
			return nil
		}
	}
	m.Status = domain.StatusDraft
	if r.opts.Publish {
		m.Status = domain.StatusPublished
	}
	m.DepartmentCode = dept
	res.Action = Created
	if r.opts.DryRun {
		m.ID = r.fake()
		if s.remember != nil {
			s.remember(r, &e, nil, &parentRef{id: m.ID, ok: true})
		}
		return res, nil
	}
	ref := &parentRef{done: make(chan struct{})}
	if s.remember != nil {
		s.remember(r, &e, nil, ref)
	}
	return res, func(res *RowResult) error {
		defer close(ref.done)
		if err := s.create(r, &e); err != nil {
			return c.failWrite(res, err, s.colOf)
		}
		ref.id, ref.ok = m.ID, true
		res.ID = m.ID
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

func (r *run) company(taxCode string) (parentRef, bool) {
	return r.parent(r.companies, taxCode, func() (parentRef, error) {
		c, err := r.st.CompanyByTaxCode(r.ctx, taxCode)
		return parentRef{id: c.ID, city: c.City}, err
	})
}

func (r *run) school(city, code string) (parentRef, bool) {
	return r.parent(r.schools, city+"/"+code, func() (parentRef, error) {
		s, err := r.st.SchoolByCode(r.ctx, city, code)
		return parentRef{id: s.ID, city: s.City}, err
	})
}

func (r *run) program(externalID string) (parentRef, bool) {
	return r.parent(r.programs, externalID, func() (parentRef, error) {
		p, err := r.st.PolicyByExternalID(r.ctx, externalID)
		return parentRef{id: p.ID, city: p.City, kind: p.Kind}, err
	})
}
