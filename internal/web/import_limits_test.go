package web_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/importer"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
)

// newImportApp is the app with its import limits and gate set.
func newImportApp(t *testing.T, st *store.Store, limits importer.Limits, gate *web.ImportGate) *fiber.App {
	t.Helper()
	return newApp(t, st, withDeps(web.Deps{ImportLimits: limits, Imports: gate}))
}

// importTempFiles lists this process's import temp folders and excelize
// temp files.
func importTempFiles(t *testing.T) []string {
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

// TestUploadBombs: every XLSX bomb uploaded to the import page gets the
// page back with a Vietnamese message naming the limit — 422, or 413 for
// a file bigger than the request limit — never a 500; nothing is kept for
// confirmation, nothing written, no temp file left.
func TestUploadBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes XLSX bombs")
	}
	st := testenv.Store(t)
	app := newImportApp(t, st, importer.Limits{}, nil)
	newUser(t, st, "bom@hcm.gov.vn", auth.RoleEditor, "hcm")
	b, token := signedIn(t, app, "bom@hcm.gov.vn")
	all := testenv.WriteBombs(t, t.TempDir(), ".xlsx")
	before := importTempFiles(t)
	baseline := testenv.ProcStatus(t, os.Getpid(), "VmHWM") // signing in hashes with argon2 (64 MiB)
	for _, bomb := range all {
		t.Run(bomb.Name, func(t *testing.T) {
			content, err := os.ReadFile(bomb.Path)
			if err != nil {
				t.Fatal(err)
			}
			if len(content) > web.MaxImportBytes {
				// Refused by the server before any handler (app.Test
				// only returns an error for it): over a real socket.
				status, body := postOverSocket(t, app, content)
				if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Dữ liệu gửi lên vượt quá giới hạn") {
					t.Errorf("upload %s (%d MB) = %d: %.300s; want 413 with the Vietnamese page", bomb.Name, len(content)>>20, status, body)
				}
				return
			}
			r := b.upload("/admin/nhap-du-lieu", token, bomb.Name, string(content), map[string]string{"type": "company"})
			switch {
			case r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, bomb.Want) || !strings.Contains(r.body, "Chưa nhập được"):
				t.Errorf("upload %s = %d: %.2000s; want 422 with %q", bomb.Name, r.status, r.body, bomb.Want)
			case strings.Contains(r.body, `name="token"`):
				t.Errorf("upload %s: the page offers to confirm the import", bomb.Name)
			}
		})
	}
	if peak := testenv.ProcStatus(t, os.Getpid(), "VmHWM"); peak >= 300<<20 && !raceEnabled {
		t.Errorf("peak RSS of the test process after the uploads: %d MB, want under 300 MB", peak>>20)
	} else {
		t.Logf("peak RSS of the test process: %d MB before the uploads, %d MB after", baseline>>20, peak>>20)
	}
	if after := importTempFiles(t); len(after) > len(before) {
		t.Errorf("temp files left behind: %v", after)
	}
	var n int
	if err := st.DB().GetContext(ctx, &n, `SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM import_uploads)`); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d companies or kept uploads after the bombs, want none", n)
	}
}

// postOverSocket serves app on a loopback port and starts posting content
// to the upload page: the request head only, as the server answers a
// Content-Length over its limit before reading the body.
func postOverSocket(t *testing.T, app *fiber.App, content []byte) (int, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Listener(ln) }()
	defer func() {
		_ = app.Shutdown()
		<-done
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(conn, "POST /admin/nhap-du-lieu HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: %d\r\n\r\n", len(content))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestUploadRowLimit: the configured row limit refuses a longer file as a
// whole, on the preview already.
func TestUploadRowLimit(t *testing.T) {
	st := testenv.Store(t)
	app := newImportApp(t, st, importer.Limits{MaxRows: 3}, nil)
	newUser(t, st, "dong@hcm.gov.vn", auth.RoleEditor, "hcm")
	b, token := signedIn(t, app, "dong@hcm.gov.vn")
	form := b.do(http.MethodGet, "/admin/nhap-du-lieu", nil)
	if !strings.Contains(form.body, "3 dòng dữ liệu") {
		t.Errorf("the upload page does not state the row limit:\n%.3000s", form.body)
	}
	var csv strings.Builder
	csv.WriteString("tax_code;name;industry;city\n")
	for i := 1; i <= 5; i++ {
		csv.WriteString(testenv.TaxCode(t, 9100+i) + ";Công ty " + strconv.Itoa(i) + ";C;hcm\n")
	}
	r := b.upload("/admin/nhap-du-lieu", token, "companies.csv", csv.String(), nil)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Tệp có hơn 3 dòng dữ liệu") {
		t.Errorf("upload of 5 rows with a limit of 3 = %d: %.2000s; want 422 naming the limit", r.status, r.body)
	}
}

// TestUploadWhileImportsRun: with every import slot taken, an upload is
// turned away at once with a Vietnamese message and Retry-After, and goes
// through once a slot is free.
func TestUploadWhileImportsRun(t *testing.T) {
	st := testenv.Store(t)
	gate := web.NewImportGate(1)
	app := newImportApp(t, st, importer.Limits{}, gate)
	newUser(t, st, "ban@hcm.gov.vn", auth.RoleEditor, "hcm")
	b, token := signedIn(t, app, "ban@hcm.gov.vn")
	csv := "tax_code;name;industry;city\n" + testenv.TaxCode(t, 9200) + ";Công ty Bận;C;hcm\n"

	if !gate.TryAcquire() { // an import in progress
		t.Fatal("TryAcquire on an empty gate = false")
	}
	r := b.upload("/admin/nhap-du-lieu", token, "companies.csv", csv, nil)
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "lượt nhập dữ liệu cùng lúc") || r.header.Get("Retry-After") == "" {
		t.Errorf("upload while the gate is full = %d, Retry-After %q: %.2000s; want 429 with the Vietnamese message", r.status, r.header.Get("Retry-After"), r.body)
	}
	r = b.do(http.MethodPost, "/admin/nhap-du-lieu/xac-nhan", map[string][]string{"_csrf": {token}, "token": {"x"}})
	if r.status != http.StatusTooManyRequests {
		t.Errorf("confirm while the gate is full = %d, want 429", r.status)
	}
	gate.Release()
	r = b.upload("/admin/nhap-du-lieu", token, "companies.csv", csv, nil)
	if r.status != http.StatusOK || !strings.Contains(r.body, "Xem trước") {
		t.Errorf("upload once the gate is free = %d: %.500s; want the preview", r.status, r.body)
	}
	if !gate.TryAcquire() {
		t.Error("the preview kept its slot")
	}
}
