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
             (a file named jobs.csv needs none); for XLSX the sheet of that type
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

// importCommand runs `hoptac import`. Rejected rows are listed but do not
// fail the command; only a file (or database) that cannot be read does.
func importCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	typ := fs.String("type", "", "")
	publish := fs.Bool("publish", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	as := fs.String("as", "", "")
	formatName := fs.String("format", "", "")
	reportPath := fs.String("report", "", "")
	// Flags may come before or after FILE.
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, importUsage)
				return nil
			}
			return fmt.Errorf("import: %v\n\n%s", err, importUsage)
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	if len(files) != 1 {
		return fmt.Errorf("import takes one FILE\n\n%s", importUsage)
	}
	path := files[0]
	format := importer.FormatAuto
	if *formatName != "" {
		f, err := importer.ParseFormat(*formatName)
		if err != nil {
			return err
		}
		format = f
	}
	if path == "-" && format == importer.FormatAuto {
		return fmt.Errorf("import: give --format when reading standard input")
	}

	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	if *reportPath == "" {
		*reportPath = path + ".report.txt"
		if path == "-" {
			*reportPath = "import-report.txt"
		}
	}
	if n, err := importer.SweepTemp(os.TempDir(), time.Now()); err == nil && n > 0 {
		fmt.Fprintf(os.Stderr, "removed %d temp files left by an earlier import\n", n)
	}

	opts := importer.Options{Type: *typ, Publish: *publish, DryRun: *dryRun, Progress: os.Stderr,
		Limits: importer.Limits{MaxRows: cfg.ImportMaxRows}}
	who := "hệ thống / system"
	if *as != "" {
		u, err := st.UserByEmail(ctx, *as)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("import: no account %q", *as)
		}
		if err != nil {
			return err
		}
		if u.DisabledAt != nil {
			return fmt.Errorf("import: the account %q is disabled", u.Email)
		}
		actor := store.Actor{UserID: u.ID}
		if u.DepartmentCode != nil {
			actor.DepartmentCode = *u.DepartmentCode
		}
		ctx = store.WithActor(ctx, actor)
		opts.AllowCity = allowCityOf(u)
		who = u.Email
		if u.City != nil {
			who += " (" + u.Role + ", " + *u.City + ")"
		} else {
			who += " (" + u.Role + ")"
		}
	}

	report, err := newReportFile(*reportPath, path, who)
	if err != nil {
		return err
	}
	opts.OnRow = report.row

	start := time.Now()
	var rep importer.Report
	switch {
	case path == "-":
		rep, err = importer.Import(ctx, st, os.Stdin, format, opts)
	case format != importer.FormatAuto:
		var f *os.File
		if f, err = os.Open(path); err == nil {
			rep, err = importer.Import(ctx, st, f, format, opts)
			f.Close()
		}
	default:
		rep, err = importer.ImportFile(ctx, st, path, opts)
	}
	elapsed := time.Since(start)
	msg, fileProblem := importer.Message(err)
	if cerr := report.finish(rep, msg, err); cerr != nil && err == nil {
		err = cerr
	}
	printImportReport(stdout, path, who, rep, elapsed, report)
	if err != nil {
		if fileProblem {
			return fmt.Errorf("import %s: %s\n(%w)", path, msg, err)
		}
		return fmt.Errorf("import %s: %w", path, err)
	}
	return nil
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
