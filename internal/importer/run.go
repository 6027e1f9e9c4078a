package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// run is one import in progress.
type run struct {
	st   *store.Store
	opts Options
	rep  Report
	ref  refData

	// seen maps each key met in this file to the line it was first met on.
	seen    map[string]int
	ignored map[string]bool

	// Parents found or written so far, by natural key: rows of children
	// (the kinds that name a parent) look them up here first.
	companies map[string]*parentRef // by tax code
	// companyNames are the tax codes of the companies this file names, by
	// folded name, for rows that name their company by name.
	companyNames map[string][]string
	schools      map[string]*parentRef // by city + "/" + code
	programs     map[string]*parentRef // policies by external_id
	// dry is the one transaction of a dry run, rolled back at its end;
	// nil for a real import.
	dry *store.Batch

	// Rows are read ahead in chunks: their existing entries are fetched
	// in one query per type, then the rows are checked in order and their
	// writes run on a pool of workers.
	chunk      []chunkItem
	prefetched map[string]any // type + "\x00" + external_id → *T, or nil when absent
	workers    int

	fatal    error
	bar      *progressbar.ProgressBar
	rowsBar  bool
	date1904 bool
}

type parentRef struct {
	id   int64
	city string
	kind string // policies: their kind
	ok   bool
	done chan struct{} // closed once a pending insert is done; nil if known
}

// wait waits for a pending insert and tells whether the entry exists.
func (p *parentRef) wait() bool {
	if p.done != nil {
		<-p.done
	}
	return p.ok
}

type chunkItem struct {
	h   handler
	rec *record
}

// chunkSize is how many rows are read ahead.
const chunkSize = 256

// DefaultWorkers is how many rows are written at once.
const DefaultWorkers = 4

func newRun(ctx context.Context, st *store.Store, opts Options) (*run, error) {
	r := &run{
		st: st, opts: opts,
		seen: map[string]int{}, ignored: map[string]bool{},
		companies: map[string]*parentRef{}, schools: map[string]*parentRef{}, programs: map[string]*parentRef{},
		companyNames: map[string][]string{},
		prefetched:   map[string]any{}, workers: opts.Workers,
	}
	if r.workers <= 0 {
		r.workers = DefaultWorkers
	}
	if opts.Codes != nil {
		r.ref = newRefData(opts.Codes)
		return r, nil
	}
	tables, err := codes.Load(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("import: read reference data: %w", err)
	}
	r.ref = refData{Tables: tables, words: newWordTables(tables)} // read for this import only
	return r, nil
}

// cellKind tells how a value was written.
type cellKind uint8

const (
	cellText cellKind = iota // a CSV/XLSX cell or a JSON string, number or boolean
	cellNull                 // JSON null: an empty value
	cellList                 // a JSON array of scalars
	cellJSON                 // a JSON array or object kept raw
)

type cell struct {
	kind cellKind
	text string
	list []string
	raw  []byte
}

// record is one data row, its cells keyed by canonical column name.
type record struct {
	sheet string
	line  int
	cells map[string]cell
	xlsx  bool
	err   *RowError // a problem reading the row: it is rejected with it
}

// ignoreColumn notes a column the importer does not take, once.
func (r *run) ignoreColumn(name string) {
	if name == "" || r.ignored[name] {
		return
	}
	r.ignored[name] = true
	r.rep.IgnoredColumns = append(r.rep.IgnoredColumns, name)
}

// add queues one record for import with the handler of its type.
func (r *run) add(ctx context.Context, h handler, rec *record) {
	if r.rowsBar && r.bar != nil {
		_ = r.bar.Add(1)
	}
	r.chunk = append(r.chunk, chunkItem{h, rec})
	if len(r.chunk) >= chunkSize {
		r.flush(ctx)
	}
}

// flush imports the queued records: existing entries read ahead, each row
// checked in file order, writes on the worker pool, outcomes reported in
// file order.
func (r *run) flush(ctx context.Context) {
	items := r.chunk
	r.chunk = make([]chunkItem, 0, chunkSize)
	if len(items) == 0 || r.fatal != nil {
		return
	}
	r.prefetch(ctx, items)
	results := make([]RowResult, len(items))
	fatal := make([]error, len(items))
	var wg sync.WaitGroup
	slots := make(chan struct{}, r.workers)
	for i, it := range items {
		if r.fatal == nil {
			r.fatal = ctx.Err()
		}
		if r.fatal != nil {
			break
		}
		res, write := r.plan(ctx, it.h, it.rec)
		results[i] = res
		if write != nil && r.dry != nil {
			// one transaction: its writes run in turn
			fatal[i] = write(ctx, &results[i])
		} else if write != nil {
			wg.Add(1)
			slots <- struct{}{}
			go func(i int) {
				defer func() { <-slots; wg.Done() }()
				fatal[i] = write(ctx, &results[i])
			}(i)
		}
	}
	wg.Wait()
	for i := range items {
		if fatal[i] != nil && r.fatal == nil {
			r.fatal = fatal[i]
		}
		if results[i].Action != "" {
			r.emit(results[i])
		}
	}
	clear(r.prefetched)
}

// prefetch reads the existing entries of the chunk's external_ids.
func (r *run) prefetch(ctx context.Context, items []chunkItem) {
	ids := map[handler][]string{}
	for _, it := range items {
		if it.h == nil || it.rec.err != nil {
			continue
		}
		if c, ok := it.rec.cells["external_id"]; ok && c.kind == cellText {
			if id := strings.TrimSpace(c.text); id != "" && goodText(id) {
				ids[it.h] = append(ids[it.h], id)
			}
		}
	}
	for _, h := range handlers {
		if len(ids[h]) == 0 {
			continue
		}
		if err := h.prefetch(ctx, r, ids[h]); err != nil {
			r.fatal = fmt.Errorf("import: read existing entries: %w", err)
			return
		}
	}
}

// plan checks one record; see spec.plan.
func (r *run) plan(ctx context.Context, h handler, rec *record) (RowResult, writeFunc) {
	reject := func(e RowError) (RowResult, writeFunc) {
		e.Sheet, e.Line = rec.sheet, rec.line
		res := RowResult{Sheet: rec.sheet, Line: rec.line, Action: Rejected, Errors: []RowError{e}}
		if h != nil {
			res.Type = h.typeName()
		}
		return res, nil
	}
	switch {
	case rec.err != nil:
		return reject(*rec.err)
	case h == nil:
		return reject(RowError{Column: "type", Message: "Thiếu loại mục (type): " + strings.Join(TypeNames(), ", ") + "."})
	}
	if col := badText(h, rec); col != "" {
		return reject(RowError{Column: col, Message: "Dòng không phải UTF-8 hợp lệ: hãy lưu tệp với bảng mã UTF-8 (Unicode) rồi nhập lại."})
	}
	return h.plan(ctx, r, rec)
}

// emit counts a row's outcome and tells the caller.
func (r *run) emit(res RowResult) {
	switch res.Action {
	case Created:
		r.rep.Created++
	case Updated:
		r.rep.Updated++
	case Unchanged:
		r.rep.Unchanged++
	case Rejected:
		r.rep.reject(res.Errors)
	}
	if r.opts.OnRow != nil {
		r.opts.OnRow(res)
	}
}

// badText returns the first column (in the type's order) whose text is not
// valid UTF-8. U+FFFD counts as invalid too: it is what a lossy conversion
// (or a spreadsheet program reading the wrong encoding) leaves behind.
func badText(h handler, rec *record) string {
	bad := ""
	for col, c := range rec.cells {
		ok := true
		switch c.kind {
		case cellText:
			ok = goodText(c.text)
		case cellList:
			for _, s := range c.list {
				ok = ok && goodText(s)
			}
		case cellJSON:
			ok = utf8.Valid(c.raw) && !strings.ContainsRune(string(c.raw), utf8.RuneError)
		}
		if !ok && (bad == "" || h.order(col) < h.order(bad)) {
			bad = col
		}
	}
	return bad
}

func goodText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError)
}

// allowed applies the scope rule.
func (r *run) allowed(city string) bool {
	return r.opts.AllowCity == nil || r.opts.AllowCity(city)
}

func (r *run) scopeMessage(city string) string {
	if city == domain.Both {
		return "Bạn không có quyền nhập dữ liệu của cả hai thành phố (chỉ quản trị viên được nhập mục chung của hai thành phố)."
	}
	return fmt.Sprintf("Bạn không có quyền nhập dữ liệu của %s.", r.ref.CityName(city))
}

// department picks the publishing department of a new entry.
func (r *run) department(city, typ, field string) string {
	if r.opts.Department != nil {
		return r.opts.Department(city, typ)
	}
	return DefaultDepartment(city, typ, field)
}

// DefaultDepartment is the body competent for an entry since March 2025:
// Sở GD&ĐT for schools, programs and vocational policies, Sở Y tế for
// social protection, else Sở Nội vụ. Entries of both cities go to HCMC's.
func DefaultDepartment(city, entityType, policyField string) string {
	if city == domain.Both || city == "" {
		city = "hcm"
	}
	switch {
	case entityType == "school", entityType == "program", entityType == "policy" && policyField == "vocational":
		return city + "-sogddt"
	case entityType == "policy" && policyField == "social":
		return city + "-soyt"
	}
	return city + "-sonv"
}

// write runs one row's writes: in a transaction of its own, or, in a dry
// run, in a savepoint of the run's one transaction, which is rolled back
// at the end. Both run the same statements on the same rows before them,
// so the preview and the import give every row the same verdict.
func (r *run) write(ctx context.Context, fn func(b *store.Batch) error) error {
	if r.dry != nil {
		return r.dry.Savepoint(ctx, fn)
	}
	return r.st.Batch(ctx, fn)
}

// rowCtx collects one row's problems, first one per column.
type rowCtx struct {
	r    *run
	h    handler
	rec  *record
	errs map[string]string
}

func (c *rowCtx) fail(col, msg string) {
	if c.errs == nil {
		c.errs = map[string]string{}
	}
	if _, ok := c.errs[col]; !ok {
		c.errs[col] = msg
	}
}

func (c *rowCtx) failed() bool { return len(c.errs) > 0 }

func (c *rowCtx) failedOn(col string) bool {
	_, ok := c.errs[col]
	return ok
}

// rowErrors lists the problems in the type's column order, whole-row first.
func (c *rowCtx) rowErrors() []RowError {
	out := make([]RowError, 0, len(c.errs))
	for col, msg := range c.errs {
		out = append(out, RowError{Sheet: c.rec.sheet, Line: c.rec.line, Column: col, Message: msg})
	}
	sortRowErrors(out, c.h)
	return out
}

func sortRowErrors(errs []RowError, h handler) {
	for i := 1; i < len(errs); i++ {
		for j := i; j > 0 && h.order(errs[j].Column) < h.order(errs[j-1].Column); j-- {
			errs[j], errs[j-1] = errs[j-1], errs[j]
		}
	}
}

// seenKey notes key on this row and returns the line it was first met on
// if an earlier row of the file had it.
func (r *run) seenKey(key string, line int) (int, bool) {
	if first, ok := r.seen[key]; ok {
		return first, true
	}
	r.seen[key] = line
	return 0, false
}

// failWrite rejects a row whose write the database refused; any other
// error is returned: it stops the import.
func (c *rowCtx) failWrite(res *RowResult, err error, colOf func(string) string) error {
	var ce *store.ConstraintError
	var fe domain.FieldErrors
	switch {
	case errors.As(err, &ce):
		field, msg := kind.Explain(ce)
		c.fail(colOf(field), msg)
	case errors.As(err, &fe):
		for _, f := range fe.Fields() {
			c.fail(colOf(f), fe[f])
		}
	case errors.Is(err, store.ErrConflict):
		c.fail("", "Mục này vừa được người khác sửa trong lúc nhập, nên chưa được ghi: hãy nhập lại tệp.")
	case errors.Is(err, store.ErrNotFound):
		c.fail("", "Mục này vừa bị xóa trong lúc nhập, nên chưa được ghi: hãy nhập lại tệp.")
	default:
		return fmt.Errorf("import: line %d: %w", c.rec.line, err)
	}
	res.Action, res.ID, res.Errors = Rejected, 0, c.rowErrors()
	return nil
}

// refData is the code tables rows are checked against, with the words
// people write for their codes.
type refData struct {
	*codes.Tables
	words wordTables
}

// wordCache keeps the words of the code tables a caller passes: the
// portal loads its tables once, and every form and import reads them.
var wordCache sync.Map // *codes.Tables → wordTables

func newRefData(t *codes.Tables) refData {
	if w, ok := wordCache.Load(t); ok {
		return refData{Tables: t, words: w.(wordTables)}
	}
	w := newWordTables(t)
	wordCache.Store(t, w)
	return refData{Tables: t, words: w}
}

// foldKey is the form names are compared in: no diacritics, lower case,
// single spaces.
func foldKey(s string) string { return codes.Fold(s) }
