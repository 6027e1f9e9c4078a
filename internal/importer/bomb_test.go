package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hoptac/internal/importer"
	"hoptac/internal/importer/bombs"
	"hoptac/internal/testenv"
)

// TestImportBombs: every hostile file ends the import with a Vietnamese
// message naming the limit, writes nothing, and leaves no temp file. (The
// memory each one takes is measured on the real binary: see cmd/hoptac.)
func TestImportBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a few hundred MB of files")
	}
	st := testenv.Store(t)
	all, err := bombs.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	before := ourTempDirs(t)
	// Real imports (the dry runs are those of the command and the upload
	// page): the file is checked before anything is written.
	for _, b := range all {
		t.Run(b.Name, func(t *testing.T) {
			rep, err := importer.ImportFile(ctx, st, b.Path, importer.Options{Type: "company"})
			msg, ok := importer.Message(err)
			if !ok || !strings.Contains(msg, b.Want) {
				t.Fatalf("ImportFile(%s) = %v (message %q), want a message with %q", b.Name, err, msg, b.Want)
			}
			var le *importer.LimitError
			if !errors.As(err, &le) && !errors.Is(err, importer.ErrBadXLSX) {
				t.Errorf("ImportFile(%s) error = %T %v, want a *LimitError or ErrBadXLSX", b.Name, err, err)
			}
			if rep.Created != 0 || rep.Updated != 0 || rep.Rows() != 0 {
				t.Errorf("ImportFile(%s) went past the check: %+v", b.Name, rep)
			}
		})
	}
	var n int
	if err := st.DB().GetContext(ctx, &n, `SELECT count(*) FROM companies`); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d companies in the database after the bombs, want 0 (a refused file changes nothing)", n)
	}
	if after := ourTempDirs(t); len(after) > len(before) {
		t.Errorf("temp folders left behind: %v", after)
	}
}

// ourTempDirs lists this process's import temp folders and any excelize
// temp file in the temp folder.
func ourTempDirs(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"hoptac-import-" + strconv.Itoa(os.Getpid()) + "-*", "excelize-*"} {
		m, err := filepath.Glob(filepath.Join(os.TempDir(), pattern))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	return out
}
