package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"hoptac/internal/config"
	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/store"
)

// importUsage is the command's help; the type names come from the registry.
var importUsage = fmt.Sprintf(`usage: hoptac import FILE [--type T] [--publish] [--dry-run] [--as EMAIL] [--format F] [--report R]

  FILE       a .csv (UTF-8, "," or ";"), .xlsx (one sheet per type) or
             .jsonl file; "-" reads standard input (give --format)
  --type     entry type of a CSV file: %s
             (the header, or a file named jobs.csv, tells it otherwise); for
             XLSX the sheet of that type
  --publish  publish what is imported (otherwise new entries are drafts)
  --dry-run  check and classify every row, write nothing
  --as       import as this official: an editor only for their city, an
             admin for every city (default: the system, every city)
  --format   csv, xlsx or jsonl when the file name does not tell
  --report   where to write the full report, every rejected row (default:
             FILE.report.txt next to FILE; import-report.txt in the current
             folder when reading standard input)

The summary and the first 20 problems are printed; the report file has
all of them. A file over a limit (IMPORT_MAX_ROWS rows, 256 columns,
32 767 characters a cell, 1 MB a line, 256 MB a CSV or JSON Lines file,
32 MB an XLSX file or 256 MB unzipped) is refused as a whole: nothing is
written.
`, strings.Join(importer.TypeNames(), ", "))

// shownErrors is how many problems the command prints; the report file
// has every one.
const shownErrors = 20

// importArgs are the command line of `hoptac import`.
type importArgs struct {
	path, typ, as, report string
	format                importer.Format
	publish, dryRun       bool
	help                  bool
}

// parseImportArgs reads the flags, which may come before or after FILE.
func parseImportArgs(args []string) (importArgs, error) {
	var a importArgs
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.typ, "type", "", "")
	fs.BoolVar(&a.publish, "publish", false, "")
	fs.BoolVar(&a.dryRun, "dry-run", false, "")
	fs.StringVar(&a.as, "as", "", "")
	formatName := fs.String("format", "", "")
	fs.StringVar(&a.report, "report", "", "")
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				a.help = true
				return a, nil
			}
			return a, fmt.Errorf("import: %v\n\n%s", err, importUsage)
		}
		if rest = fs.Args(); len(rest) == 0 {
			break
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	if len(files) != 1 {
		return a, fmt.Errorf("import takes one FILE\n\n%s", importUsage)
	}
	a.path = files[0]
	if *formatName != "" {
		f, err := importer.ParseFormat(*formatName)
		if err != nil {
			return a, err
		}
		a.format = f
	}
	if a.path == "-" && a.format == importer.FormatAuto {
		return a, fmt.Errorf("import: give --format when reading standard input")
	}
	if a.report == "" {
		a.report = a.path + ".report.txt"
		if a.path == "-" {
			a.report = "import-report.txt"
		}
	}
	return a, nil
}

// importCommand runs `hoptac import`. Rejected rows are listed but do not
// fail the command; only a file (or database) that cannot be read does.
func importCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	a, err := parseImportArgs(args)
	if err != nil || a.help {
		if a.help {
			fmt.Fprint(stdout, importUsage)
		}
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if n, err := importer.SweepTemp(os.TempDir(), time.Now()); err == nil && n > 0 {
		fmt.Fprintf(os.Stderr, "removed %d temp files left by an earlier import\n", n)
	}

	opts := importer.Options{Type: a.typ, Publish: a.publish, DryRun: a.dryRun, Progress: os.Stderr,
		Limits: importer.Limits{MaxRows: cfg.ImportMaxRows}}
	who := "hệ thống / system"
	if a.as != "" {
		if ctx, who, err = actAs(ctx, st, a.as, &opts); err != nil {
			return err
		}
	}
	report, err := newReportFile(a.report, a.path, who)
	if err != nil {
		return err
	}
	opts.OnRow = report.row

	start := time.Now()
	rep, err := runImportFile(ctx, st, a, opts)
	elapsed := time.Since(start)
	msg, fileProblem := importer.Message(err)
	if cerr := report.finish(rep, msg, err); cerr != nil && err == nil {
		err = cerr
	}
	printImportReport(stdout, a.path, who, rep, elapsed, report)
	if err != nil {
		if fileProblem {
			return fmt.Errorf("import %s: %s\n(%w)", a.path, msg, err)
		}
		return fmt.Errorf("import %s: %w", a.path, err)
	}
	return nil
}

// actAs makes the import the official's: their department in the audit
// trail, their city scope. who names them in the report.
func actAs(ctx context.Context, st *store.Store, email string, opts *importer.Options) (_ context.Context, who string, _ error) {
	u, err := st.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		return ctx, "", fmt.Errorf("import: no account %q", email)
	}
	if err != nil {
		return ctx, "", err
	}
	if u.DisabledAt != nil {
		return ctx, "", fmt.Errorf("import: the account %q is disabled", u.Email)
	}
	actor := store.Actor{UserID: u.ID}
	if u.DepartmentCode != nil {
		actor.DepartmentCode = *u.DepartmentCode
	}
	opts.AllowCity = allowCityOf(u)
	who = u.Email + " (" + u.Role + ")"
	if u.City != nil {
		who = u.Email + " (" + u.Role + ", " + *u.City + ")"
	}
	return store.WithActor(ctx, actor), who, nil
}

// runImportFile imports standard input, a file of a given format, or a
// file whose name tells its format.
func runImportFile(ctx context.Context, st *store.Store, a importArgs, opts importer.Options) (importer.Report, error) {
	switch {
	case a.path == "-":
		return importer.Import(ctx, st, os.Stdin, a.format, opts)
	case a.format != importer.FormatAuto:
		f, err := os.Open(a.path)
		if err != nil {
			return importer.Report{}, err
		}
		defer f.Close()
		return importer.Import(ctx, st, f, a.format, opts)
	}
	return importer.ImportFile(ctx, st, a.path, opts)
}

// reportFile is the full account of an import, written as rows come: every
// problem of every rejected row, then the summary.
type reportFile struct {
	path  string
	f     *os.File
	w     *bufio.Writer
	shown []importer.RowError // the first shownErrors problems
	more  int                 // problems beyond those
	err   error
}

func newReportFile(path, input, who string) (*reportFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("import: create the report file: %w (choose another with --report)", err)
	}
	r := &reportFile{path: path, f: f, w: bufio.NewWriter(f)}
	fmt.Fprintf(r.w, "Tệp / file: %s\nNgười nhập / imported by: %s\nLúc / at: %s\n\nDòng bị từ chối / rejected rows:\n",
		input, who, time.Now().Format(time.RFC3339))
	return r, nil
}

// row is the import's OnRow: it writes the problems of a rejected row.
func (r *reportFile) row(res importer.RowResult) {
	for _, e := range res.Errors {
		if len(r.shown) < shownErrors {
			r.shown = append(r.shown, e)
		} else {
			r.more++
		}
		if _, err := fmt.Fprintf(r.w, "  %s\n", e); err != nil && r.err == nil {
			r.err = err
		}
	}
}

func (r *reportFile) finish(rep importer.Report, msg string, importErr error) error {
	fmt.Fprintf(r.w, "\n%s\n", rep.Summary())
	if len(rep.IgnoredColumns) > 0 {
		fmt.Fprintf(r.w, "Cột bị bỏ qua / ignored columns: %s\n", strings.Join(rep.IgnoredColumns, ", "))
	}
	if len(rep.IgnoredSheets) > 0 {
		fmt.Fprintf(r.w, "Trang không nhập / ignored sheets: %s\n", strings.Join(rep.IgnoredSheets, ", "))
	}
	switch {
	case msg != "":
		fmt.Fprintf(r.w, "\nKhông nhập được tệp / the file was refused: %s\n(%v)\n", msg, importErr)
	case importErr != nil:
		fmt.Fprintf(r.w, "\nDừng lại vì lỗi / stopped by an error: %v\n", importErr)
	}
	err := r.w.Flush()
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	if r.err != nil {
		err = r.err
	}
	if err != nil {
		return fmt.Errorf("import: write the report file %s: %w", r.path, err)
	}
	return nil
}

// allowCityOf is the import scope of an official: an admin any city and
// entries of both cities, an editor only their own city.
func allowCityOf(u store.User) func(string) bool {
	if u.Role == "admin" {
		return func(string) bool { return true }
	}
	return func(city string) bool {
		return city != domain.Both && u.City != nil && city == *u.City
	}
}

func printImportReport(w io.Writer, path, who string, rep importer.Report, elapsed time.Duration, report *reportFile) {
	fmt.Fprintf(w, "Tệp / file: %s — người nhập / imported by: %s\n", path, who)
	fmt.Fprintln(w, rep.Summary())
	if rows := rep.Rows(); rows > 0 && elapsed > 0 {
		fmt.Fprintf(w, "%d dòng trong %s (%.0f dòng/giây) — %d rows in %s (%.0f rows/s)\n",
			rows, elapsed.Round(time.Millisecond), float64(rows)/elapsed.Seconds(),
			rows, elapsed.Round(time.Millisecond), float64(rows)/elapsed.Seconds())
	}
	if len(rep.IgnoredColumns) > 0 {
		fmt.Fprintf(w, "Cột bị bỏ qua / ignored columns: %s\n", strings.Join(rep.IgnoredColumns, ", "))
	}
	if len(rep.IgnoredSheets) > 0 {
		fmt.Fprintf(w, "Trang không nhập / ignored sheets: %s\n", strings.Join(rep.IgnoredSheets, ", "))
	}
	if len(report.shown) > 0 {
		fmt.Fprintf(w, "Dòng bị từ chối / rejected rows (%d):\n", rep.RejectedRows())
		for _, e := range report.shown {
			fmt.Fprintf(w, "  %s\n", e)
		}
		if report.more > 0 {
			fmt.Fprintf(w, "  … và %d lỗi khác / and %d more\n", report.more, report.more)
		}
	}
	fmt.Fprintf(w, "Báo cáo đầy đủ / full report: %s\n", report.path)
}
