// Package importer loads officials' spreadsheets — CSV, XLSX or JSON Lines —
// into the portal. Rows are streamed, never all held in memory; each row is
// parsed, validated, checked against the importing official's scope and
// then created, updated (upsert on external_id, else the natural key) or
// left alone when nothing changed. A bad row is reported with its line,
// column and a Vietnamese message and never stops the good ones.
package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"

	"hoptac/internal/codes"
	"hoptac/internal/store"
)

// Format is the kind of file imported.
type Format int

const (
	// FormatAuto means: tell the format from the file name (ImportFile only).
	FormatAuto Format = iota
	CSV
	XLSX
	JSONL
)

func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case XLSX:
		return "xlsx"
	case JSONL:
		return "jsonl"
	}
	return "auto"
}

// ParseFormat reads a format name: csv, xlsx, jsonl (or ndjson).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "csv":
		return CSV, nil
	case "xlsx":
		return XLSX, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	}
	return FormatAuto, fmt.Errorf("unknown import format %q: use csv, xlsx or jsonl", s)
}

// FormatOf tells the format from a file name's extension.
func FormatOf(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return FormatAuto, fmt.Errorf("cannot tell the format of %q: name it .csv, .xlsx or .jsonl", filepath.Base(path))
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return FormatAuto, fmt.Errorf("cannot tell the format of %q: name it .csv, .xlsx or .jsonl", filepath.Base(path))
	}
	return f, nil
}

// Sniff tells a file's format from its first bytes, for a file whose name
// does not say: a zip archive is XLSX, a first line that is a JSON object
// is JSON Lines, anything else is read as CSV.
func Sniff(content []byte) Format {
	b := bytes.TrimLeft(bytes.TrimPrefix(content, utf8BOM), " \t\r\n")
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return XLSX
	case bytes.HasPrefix(b, []byte("{")):
		return JSONL
	}
	return CSV
}

// Options say what to import and on whose behalf.
type Options struct {
	// Type is the entry type of a CSV file (a name of TypeNames; the plural
	// works too). For XLSX it picks
	// the sheet of that type (else the first sheet); without it every sheet
	// named after a type is imported. JSON Lines name the type of each line
	// (key "type"); Type is the default for lines that do not.
	Type string
	// Publish publishes what is imported. Otherwise new entries land as
	// drafts and existing ones keep their status.
	Publish bool
	// DryRun validates, classifies and writes every row as the import
	// would, in one transaction that is rolled back: nothing is kept.
	DryRun bool
	// AllowCity says whether the importing official may write entries of a
	// city; "both" is asked for entries of both cities. Nil allows all.
	AllowCity func(city string) bool
	// Department names the publishing department of a new entry; nil uses
	// DefaultDepartment.
	Department func(city, entityType string) string
	// Progress, if set, receives a progress bar: rows of an XLSX sheet, else
	// bytes read.
	Progress io.Writer
	// OnRow, if set, is told the outcome of every row (for a preview
	// page), in file order.
	OnRow func(RowResult)
	// Codes are the code tables rows are checked against, read once by the
	// caller that has them (the portal); nil reads them for this import.
	Codes *codes.Tables
	// Workers is how many rows are written at once (each in its own
	// transaction); 0 means DefaultWorkers.
	Workers int
	// Limits bound the file; those left at zero take DefaultLimits.
	Limits Limits
	// AnalyzeAfter is how many created or updated rows make the import
	// refresh the planner's statistics when it ends; 0 means
	// DefaultAnalyzeAfter.
	AnalyzeAfter int
}

// DefaultAnalyzeAfter: until autovacuum gets to a table (if it runs), the
// planner plans on the rows it saw before a big import: the search
// triggers' cached plans and the lists' counts then scan whole tables.
const DefaultAnalyzeAfter = 1000

// Action is what happened (or, in a dry run, would happen) to a row.
type Action string

const (
	Created   Action = "created"
	Updated   Action = "updated"
	Unchanged Action = "unchanged"
	Rejected  Action = "rejected"
)

// RowResult is one row's outcome.
type RowResult struct {
	Sheet  string // XLSX sheet, else ""
	Line   int
	Type   string // entry type, "" if unknown
	Key    string // external_id, else the natural key (tax code, city/code)
	Title  string // the entry's title as the row leaves it, when read that far
	ID     int64  // the entry's id (0 when rejected, or created in a dry run)
	Action Action
	Errors []RowError // when rejected
	// Changes are the columns an update changes, old → new, as codes (the
	// caller puts labels on them); nil otherwise.
	Changes []Change
}

// Change is one column an update changes.
type Change struct {
	Column   string
	Old, New string
}

// Report sums up an import.
type Report struct {
	Created, Updated, Unchanged int
	// Rejected lists the problems of the rejected rows, in file order, up
	// to MaxReportErrors (OnRow is told every one); a row with several bad
	// cells has several entries (see RejectedRows).
	Rejected []RowError
	// OmittedErrors counts the problems left out of Rejected.
	OmittedErrors int
	rejectedRows  int
	// IgnoredColumns are the columns (keys) the importer does not take,
	// each named once.
	IgnoredColumns []string
	// IgnoredSheets are the XLSX sheets that name no entry type.
	IgnoredSheets []string
	// Would is set for a dry run: the counts say what would happen.
	Would bool
}

// RowError is one problem of a rejected row.
type RowError struct {
	Sheet   string // XLSX sheet, else ""
	Line    int    // the file line (CSV: where the record starts) or sheet row; the header is line 1
	Column  string // the column or key, "" for the whole row
	Message string // in Vietnamese, for the official who made the file
}

func (e RowError) String() string {
	var b strings.Builder
	if e.Sheet != "" {
		fmt.Fprintf(&b, "trang %q, ", e.Sheet)
	}
	fmt.Fprintf(&b, "dòng %d", e.Line)
	if e.Column != "" {
		fmt.Fprintf(&b, ", cột %s", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// MaxReportErrors is how many problems a Report keeps, and
// maxMessageChars how much of each message (a message may quote the
// value): a file of rejected rows must not fill the memory.
const (
	MaxReportErrors = 1000
	maxMessageChars = 300
)

// reject counts a rejected row and keeps its problems while there is room;
// long messages are cut (in errs too, so OnRow sees the same).
func (r *Report) reject(errs []RowError) {
	r.rejectedRows++
	for i := range errs {
		if m := errs[i].Message; len(m) > maxMessageChars {
			if rs := []rune(m); len(rs) > maxMessageChars {
				errs[i].Message = string(rs[:maxMessageChars]) + "…"
			}
		}
		if len(r.Rejected) < MaxReportErrors {
			r.Rejected = append(r.Rejected, errs[i])
		} else {
			r.OmittedErrors++
		}
	}
}

// RejectedRows counts the rows rejected (Rejected may hold several
// problems of one row).
func (r Report) RejectedRows() int {
	if r.rejectedRows > 0 {
		return r.rejectedRows
	}
	n := 0
	for i, e := range r.Rejected {
		if i == 0 || e.Line != r.Rejected[i-1].Line || e.Sheet != r.Rejected[i-1].Sheet {
			n++
		}
	}
	return n
}

// Rows is the number of data rows read.
func (r Report) Rows() int { return r.Created + r.Updated + r.Unchanged + r.RejectedRows() }

// Summary is a one-line account in Vietnamese and English.
func (r Report) Summary() string {
	verb := ""
	if r.Would {
		verb = " (chạy thử / dry run: chưa ghi gì)"
	}
	return fmt.Sprintf("Tạo mới %d, cập nhật %d, không đổi %d, bị từ chối %d dòng%s — created %d, updated %d, unchanged %d, rejected %d rows",
		r.Created, r.Updated, r.Unchanged, r.RejectedRows(), verb, r.Created, r.Updated, r.Unchanged, r.RejectedRows())
}

// ErrNoType is returned when a CSV file's entry type is neither given nor
// told by its header.
var ErrNoType = fmt.Errorf("the entry type of a CSV file is not known from its header: pass --type (%s)", strings.Join(TypeNames(), ", "))

// ImportFile imports the file at path; its format comes from the extension.
// A CSV file named after an entry type (jobs.csv) needs no Options.Type.
func ImportFile(ctx context.Context, st *store.Store, path string, opts Options) (Report, error) {
	format, err := FormatOf(path)
	if err != nil {
		return Report{Would: opts.DryRun}, err
	}
	if format == CSV && opts.Type == "" {
		base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if h := handlerFor(base); h != nil {
			opts.Type = h.typeName()
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return Report{Would: opts.DryRun}, err
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	return importFrom(ctx, st, f, size, format, opts)
}

// Import reads r in the given format. XLSX is a zip archive and is read
// whole (compressed) before its sheets are streamed; CSV and JSON Lines are
// streamed row by row.
func Import(ctx context.Context, st *store.Store, r io.Reader, format Format, opts Options) (Report, error) {
	size := int64(-1)
	switch v := r.(type) {
	case interface{ Stat() (os.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	case interface{ Len() int }:
		size = int64(v.Len())
	}
	return importFrom(ctx, st, r, size, format, opts)
}

func importFrom(ctx context.Context, st *store.Store, r io.Reader, size int64, format Format, opts Options) (Report, error) {
	opts.Limits = opts.Limits.orDefault()
	var def handler
	if opts.Type != "" {
		if def = handlerFor(opts.Type); def == nil {
			return Report{Would: opts.DryRun}, fmt.Errorf("unknown entry type %q: use %s", opts.Type, strings.Join(TypeNames(), ", "))
		}
	}
	if format != CSV && format != JSONL && format != XLSX {
		return Report{Would: opts.DryRun}, fmt.Errorf("import: no format given")
	}
	// A file refused as a whole changes nothing and costs little: it is
	// read once against the limits before any row is looked at.
	rs, cleanup, err := rewindable(r, opts.Limits)
	if err != nil {
		return Report{Would: opts.DryRun}, err
	}
	defer cleanup()
	scan := &src{run: &run{ignored: map[string]bool{}}, lim: opts.Limits, scan: true}
	if err := scan.read(ctx, rs, format, def); err != nil {
		return Report{Would: opts.DryRun}, err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return Report{Would: opts.DryRun}, fmt.Errorf("import: rewind the file: %w", err)
	}
	r = rs
	run, err := newRun(ctx, st, opts)
	if err != nil {
		return Report{Would: opts.DryRun}, err
	}
	s := &src{run: run, lim: opts.Limits}
	in := r
	if format != XLSX {
		in = run.byteProgress(r, size)
	}
	readAll := func() error {
		err := s.read(ctx, in, format, def)
		run.flush(ctx)
		return err
	}
	if opts.DryRun {
		err = st.RolledBack(ctx, func(b *store.Batch) error {
			run.dry = b
			return readAll()
		})
	} else {
		err = readAll()
	}
	run.finishProgress()
	if err == nil {
		err = run.fatal
	}
	rep := run.report()
	if !opts.DryRun && rep.Created+rep.Updated >= positiveOr(opts.AnalyzeAfter, DefaultAnalyzeAfter) {
		// What was written stays written: stale statistics only slow
		// reads down, so a failure here does not fail the import.
		_ = st.AnalyzeEntries(ctx)
	}
	return rep, err
}

func (s *src) read(ctx context.Context, in io.Reader, format Format, def handler) error {
	switch format {
	case CSV:
		return s.readCSV(ctx, in, def)
	case JSONL:
		return s.readJSONL(ctx, in, def)
	default:
		return s.readXLSX(ctx, in, def)
	}
}

// rewindable returns r if it can seek back to where it is now, else a
// temp file holding a copy of it (no bigger than the file limit) that
// cleanup removes.
func rewindable(r io.Reader, lim Limits) (io.ReadSeeker, func(), error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		if at, err := rs.Seek(0, io.SeekCurrent); err == nil {
			return &offsetSeeker{rs, at}, func() {}, nil
		}
	}
	dir, err := newTempDir()
	if err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	f, err := os.Create(filepath.Join(dir, "input"))
	if err == nil {
		limit := max(lim.MaxFileBytes, lim.MaxXLSXBytes)
		var n int64
		if n, err = io.Copy(f, io.LimitReader(r, limit+1)); err == nil && n > limit {
			err = errFile(limit)
		}
		if err == nil {
			_, err = f.Seek(0, io.SeekStart)
		}
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		cleanup()
		var le *LimitError
		if errors.As(err, &le) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("import: keep a copy of the input: %w", err)
	}
	return f, func() { f.Close(); cleanup() }, nil
}

// offsetSeeker makes position start of a ReadSeeker position 0.
type offsetSeeker struct {
	io.ReadSeeker
	start int64
}

func (o *offsetSeeker) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		offset += o.start
	}
	n, err := o.ReadSeeker.Seek(offset, whence)
	return n - o.start, err
}

// byteProgress counts bytes read into the progress bar, if there is one.
func (r *run) byteProgress(in io.Reader, size int64) io.Reader {
	if r.opts.Progress == nil {
		return in
	}
	r.bar = progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(r.opts.Progress),
		progressbar.OptionSetDescription("import"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionSetRenderBlankState(true),
	)
	return &countingReader{r: in, bar: r.bar}
}

// rowProgress counts rows (of an XLSX sheet) into the progress bar.
func (r *run) rowProgress(desc string, rows int64) {
	if r.opts.Progress == nil {
		return
	}
	r.finishProgress()
	r.rowsBar = true
	r.bar = progressbar.NewOptions64(rows,
		progressbar.OptionSetWriter(r.opts.Progress),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("rows"),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionSetRenderBlankState(true),
	)
}

func (r *run) finishProgress() {
	if r.bar != nil {
		_ = r.bar.Finish()
		fmt.Fprintln(r.opts.Progress)
		r.bar = nil
	}
}

type countingReader struct {
	r   io.Reader
	bar *progressbar.ProgressBar
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		_ = c.bar.Add(n)
	}
	return n, err
}

// report returns the report so far.
func (r *run) report() Report {
	rep := r.rep
	rep.Would = r.opts.DryRun
	return rep
}
