package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// maxImportRSS is the memory budget of one import, whatever the file.
const maxImportRSS = 300 << 20

// importRun is one run of `hoptac import`.
type importRun struct {
	stdout, stderr string
	exit           int
	maxRSS         int64 // bytes
	elapsed        time.Duration
}

func runImport(t *testing.T, databaseURL string, env []string, args ...string) importRun {
	t.Helper()
	return runImportIn(t, "", nil, databaseURL, env, args...)
}

// runImportIn runs `hoptac import` in folder dir with stdin.
func runImportIn(t *testing.T, dir string, stdin io.Reader, databaseURL string, env []string, args ...string) importRun {
	t.Helper()
	cmd := exec.Command(testenv.Binary(t), append([]string{"import"}, args...)...)
	cmd.Dir, cmd.Stdin = dir, stdin
	cmd.Env = append(os.Environ(), "DATABASE_URL="+databaseURL, "LOG_LEVEL=warn")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := importRun{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("run hoptac import: %v", err)
	}
	r.exit = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // KiB on Linux
	}
	return r
}

// TestImportCommandBombs runs the real binary on every bomb and holds it
// to the memory budget: each must end with its Vietnamese message and
// exit 1, under 300 MB, leaving no temp file and writing nothing. (These
// are real imports: the upload page's test covers the dry run.)
func TestImportCommandBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and writes a few hundred MB of files")
	}
	dbURL := testenv.DatabaseURL(t)
	dir := t.TempDir()
	all := testenv.WriteBombs(t, dir)
	for _, b := range all {
		t.Run(b.Name, func(t *testing.T) {
			report := filepath.Join(dir, b.Name+".report.txt")
			tmp := t.TempDir() // the child's temp folder: it must be left empty
			r := runImport(t, dbURL, []string{"TMPDIR=" + tmp}, b.Path, "--type", "company", "--report", report)
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("hoptac import %s left temp files: %v", b.Name, left)
			}
			t.Logf("%s (%d KB on disk): peak RSS %d MB in %s", b.Name, b.Size()>>10, r.maxRSS>>20, r.elapsed.Round(time.Millisecond))
			if r.exit != 1 || !strings.Contains(r.stderr, b.Want) {
				t.Errorf("hoptac import %s: exit %d, stderr %q; want exit 1 and %q", b.Name, r.exit, r.stderr, b.Want)
			}
			if r.maxRSS <= 0 || r.maxRSS >= maxImportRSS {
				t.Errorf("hoptac import %s: peak RSS %d MB, want under %d MB", b.Name, r.maxRSS>>20, maxImportRSS>>20)
			}
			if len(r.stdout) > 4<<10 {
				t.Errorf("hoptac import %s printed %d bytes, want a short summary", b.Name, len(r.stdout))
			}
			if full, err := os.ReadFile(report); err != nil || !strings.Contains(string(full), b.Want) {
				t.Errorf("report %s = %q, %v; want it to name the limit (%q)", report, full, err, b.Want)
			}
		})
	}
	st, err := store.Open(context.Background(), dbURL, store.Options{MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM companies`); err != nil || n != 0 {
		t.Errorf("%d companies in the database after the bombs (%v), want 0: a refused file changes nothing", n, err)
	}
}

// TestImportCommandSummary: the command prints the counts and the first
// 20 problems; the report file, next to the input by default, has every
// one. IMPORT_MAX_ROWS bounds the rows.
func TestImportCommandSummary(t *testing.T) {
	dbURL := testenv.DatabaseURL(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "companies.csv")
	var csv strings.Builder
	csv.WriteString("external_id;tax_code;name;industry;city\n")
	for i := 1; i <= 50; i++ {
		fmt.Fprintf(&csv, "S-%d;123;Công ty %d;C;hcm\n", i, i) // a bad tax code on every row
	}
	if err := os.WriteFile(path, []byte(csv.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	r := runImport(t, dbURL, nil, path, "--dry-run")
	if r.exit != 0 {
		t.Fatalf("hoptac import: exit %d, stderr %s", r.exit, r.stderr)
	}
	if n := strings.Count(r.stdout, "cột tax_code"); n != 20 {
		t.Errorf("stdout lists %d problems, want the first 20:\n%s", n, r.stdout)
	}
	report := path + ".report.txt"
	for _, want := range []string{"bị từ chối 50 dòng", "và 30 lỗi khác", "Báo cáo đầy đủ / full report: " + report} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	full, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(full), "cột tax_code"); n != 50 {
		t.Errorf("the report file lists %d problems, want 50:\n%s", n, full)
	}
	if !strings.Contains(string(full), "dòng 51, cột tax_code") {
		t.Errorf("the report file lacks the last row's problem:\n%s", full)
	}

	// Standard input: the report goes to the current folder; the copy
	// kept to read the file twice is removed.
	cwd, tmpIn := t.TempDir(), t.TempDir()
	r = runImportIn(t, cwd, strings.NewReader(csv.String()), dbURL, []string{"TMPDIR=" + tmpIn}, "-", "--format", "csv", "--type", "company")
	if r.exit != 0 || !strings.Contains(r.stdout, "Báo cáo đầy đủ / full report: import-report.txt") {
		t.Errorf("hoptac import - : exit %d, stdout %q, stderr %q", r.exit, r.stdout, r.stderr)
	}
	if full, err := os.ReadFile(filepath.Join(cwd, "import-report.txt")); err != nil || strings.Count(string(full), "cột tax_code") != 50 {
		t.Errorf("report of standard input = %v, %d problems; want 50", err, strings.Count(string(full), "cột tax_code"))
	}
	if left, _ := os.ReadDir(tmpIn); len(left) > 0 {
		t.Errorf("reading standard input left temp files: %v", left)
	}

	// A temp folder left by an import that was killed is removed at the
	// next start; a live process's is kept.
	tmp := t.TempDir()
	stale := filepath.Join(tmp, "hoptac-import-999999999-1")
	live := filepath.Join(tmp, fmt.Sprintf("hoptac-import-%d-1", os.Getpid()))
	for _, d := range []string{stale, live} {
		if err := os.MkdirAll(filepath.Join(d, "excelize-1"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	r = runImport(t, dbURL, []string{"IMPORT_MAX_ROWS=10", "TMPDIR=" + tmp}, path, "--report", filepath.Join(dir, "r.txt"))
	if r.exit != 1 || !strings.Contains(r.stderr, "Tệp có hơn 10 dòng dữ liệu") {
		t.Errorf("IMPORT_MAX_ROWS=10: exit %d, stderr %q; want the row limit named", r.exit, r.stderr)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temp folder is still there (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the live process's temp folder was removed: %v", err)
	}
}
