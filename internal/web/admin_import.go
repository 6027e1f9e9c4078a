package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/store"
)

// MaxImportBytes is the largest spreadsheet the upload page takes, as the
// page states it. The app's body limit is this plus room for the rest of
// the form (maxFormOverhead), so a file of the stated size passes; a
// bigger body is refused with 413 before any handler runs. Bigger files
// go through `hoptac import`.
const MaxImportBytes = 4 << 20

// maxFormOverhead is the room the upload form's other fields and the
// multipart framing take besides the file.
const maxFormOverhead = 64 << 10

// DefaultImports is how many imports (previews and confirmations) the
// server runs at once: each may hold a file and its parsed rows in memory.
const DefaultImports = 2

// ImportGate bounds how many imports run at once. An import that finds
// it full is turned away at once, never queued: a queue of uploads would
// hold their files in memory while they wait.
type ImportGate struct{ slots chan struct{} }

// NewImportGate lets n imports run at once (at least one).
func NewImportGate(n int) *ImportGate {
	return &ImportGate{slots: make(chan struct{}, max(n, 1))}
}

// TryAcquire takes a slot if one is free.
func (g *ImportGate) TryAcquire() bool {
	select {
	case g.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// Release frees a slot taken by TryAcquire.
func (g *ImportGate) Release() { <-g.slots }

// busyImport answers an import that found the gate full.
func (s *server) busyImport(c *fiber.Ctx) error {
	c.Set(fiber.HeaderRetryAfter, "30")
	return s.importProblemStatus(c, fiber.StatusTooManyRequests,
		fmt.Sprintf("Hệ thống đang chạy %d lượt nhập dữ liệu cùng lúc (tối đa %d). Vui lòng đợi khoảng nửa phút rồi gửi lại tệp.", cap(s.imports.slots), cap(s.imports.slots)))
}

// importColumns lists one type's columns on the upload page.
type importColumns struct {
	Type    domain.EntryType
	Columns []importer.ColumnInfo
}

// maxListedValues is how many allowed values the page lists in place; a
// longer list (wards) is in the XLSX template.
const maxListedValues = 30

func (s *server) importHelp() []importColumns {
	var out []importColumns
	for _, t := range domain.EntryTypes {
		out = append(out, importColumns{t, importer.Help(t.Name, s.catalog)})
	}
	return out
}

// importTemplate sends the file to fill for a type: /mau/job.csv, .xlsx.
func (s *server) importTemplate(c *fiber.Ctx) error {
	name, ext, _ := strings.Cut(c.Params("file"), ".")
	t, ok := domain.TypeByName(name)
	if !ok {
		return fiber.ErrNotFound
	}
	format, err := importer.ParseFormat(ext)
	if err != nil || format == importer.JSONL {
		return fiber.ErrNotFound
	}
	b, err := importer.Template(t.Name, format, s.catalog)
	if err != nil {
		return err
	}
	ctype := "text/csv; charset=utf-8"
	if format == importer.XLSX {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	c.Set(fiber.HeaderContentType, ctype)
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="mau-%s.%s"`, t.Plural, format))
	return c.Send(b)
}

func (s *server) importForm(c *fiber.Ctx) error {
	return s.renderAdmin(c, "admin/import", "Nhập dữ liệu từ tệp", s.importPage(""))
}

// importPage is what the upload page shows, the limits included.
func (s *server) importPage(problem string) fiber.Map {
	lim := s.limits
	if lim.MaxRows <= 0 {
		lim.MaxRows = importer.DefaultMaxRows
	}
	return fiber.Map{"Types": domain.EntryTypes, "Help": s.importHelp(), "Problem": problem, "MaxListed": maxListedValues,
		"MaxMB": MaxImportBytes >> 20, "MaxRows": lim.MaxRows, "MaxColumns": importer.DefaultMaxColumns,
		"MaxCellChars": importer.DefaultMaxCellChars}
}

// importPreview takes the upload, keeps it, and shows what a real import
// would do (a dry run): nothing is written until the official confirms.
func (s *server) importPreview(c *fiber.Ctx) error {
	if !s.imports.TryAcquire() {
		return s.busyImport(c)
	}
	defer s.imports.Release()
	fh, err := c.FormFile("file")
	if err != nil {
		return s.importProblem(c, "Vui lòng chọn tệp CSV, XLSX hoặc JSON Lines để nhập.")
	}
	if fh.Size > MaxImportBytes {
		return s.importProblem(c, fmt.Sprintf("Tệp quá lớn: tối đa %d MB mỗi lần tải lên. Hãy chia tệp hoặc dùng lệnh hoptac import.", MaxImportBytes>>20))
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, MaxImportBytes+1))
	if err != nil {
		return err
	}
	format := formatOf(fh.Filename, content)
	typ := c.FormValue("type")
	if _, ok := domain.TypeByName(typ); !ok {
		typ = ""
	}
	// The file is read once here, so a file refused whole is said on
	// the upload page; its rows are shown by the preview's pages.
	if _, err := s.importRows(c, content, format, typ, false, true, nil); err != nil {
		if errors.Is(err, store.ErrUnavailable) {
			return err // the error handler's 503
		}
		return s.importProblem(c, s.importErrorMessage(c, err))
	}
	token, err := auth.NewToken()
	if err != nil {
		return err
	}
	if err := s.store.SaveUpload(c.UserContext(), token, store.Upload{
		UserID: sessionOf(c).User.ID, Filename: filepath.Base(fh.Filename), EntryType: typ, Content: content,
	}); err != nil {
		return err
	}
	next := "/admin/nhap-du-lieu/xem-truoc/" + token
	if c.FormValue("publish") == "1" {
		next += "?cong-bo=1"
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}

// importConfirm imports the file kept at the preview.
func (s *server) importConfirm(c *fiber.Ctx) error {
	if !s.imports.TryAcquire() {
		return s.busyImport(c)
	}
	defer s.imports.Release()
	up, err := s.store.TakeUpload(c.UserContext(), c.FormValue("token"), sessionOf(c).User.ID)
	if errors.Is(err, store.ErrNotFound) {
		return s.importProblem(c, "Không tìm thấy tệp đã tải lên (có thể đã nhập rồi hoặc quá hạn). Vui lòng tải tệp lên lại.")
	}
	if err != nil {
		return err
	}
	format := formatOf(up.Filename, up.Content)
	var rows []previewRow
	labels := map[string]columnLabels{}
	report, err := s.importRows(c, up.Content, format, up.EntryType, c.FormValue("publish") == "1", false, func(r importer.RowResult) {
		if len(rows) < maxResultRows && (r.Action != importer.Unchanged) {
			rows = append(rows, s.previewRowOf(r, labels))
		}
	})
	if err != nil {
		if errors.Is(err, store.ErrUnavailable) {
			return err // the error handler's 503
		}
		return s.importProblem(c, s.importErrorMessage(c, err))
	}
	return s.renderAdmin(c, "admin/import_result", "Kết quả nhập dữ liệu", fiber.Map{
		"Report": report, "Rows": rows, "Filename": up.Filename, "DryRun": false,
	})
}

// formatOf tells an upload's format from its name's extension, else from
// its first bytes. The entry type never comes from the name: the page's
// choice, the sheet names or the header say it.
func formatOf(filename string, content []byte) importer.Format {
	if f, err := importer.FormatOf(filename); err == nil {
		return f
	}
	return importer.Sniff(content)
}

// maxResultRows is how many changed or rejected rows the import's result
// page lists.
const maxResultRows = 500

// importRows imports (or dry-runs) a file as the signed-in official,
// telling onRow each row's outcome.
func (s *server) importRows(c *fiber.Ctx, content []byte, format importer.Format, typ string, publish, dryRun bool, onRow func(importer.RowResult)) (importer.Report, error) {
	o := official(c)
	return importer.Import(c.UserContext(), s.store, bytes.NewReader(content), format, importer.Options{
		Codes: s.catalog,
		Type:  typ, Publish: publish, DryRun: dryRun,
		AllowCity: o.CanEdit, Limits: s.limits,
		OnRow: onRow,
	})
}

// importErrorMessage says in Vietnamese why a file was refused. An error
// the importer has no words for goes to the log with the request id; the
// official sees a polite message, never err.Error().
func (s *server) importErrorMessage(c *fiber.Ctx, err error) string {
	if errors.Is(err, importer.ErrNoType) {
		return "Không nhận ra loại dữ liệu từ dòng tiêu đề của tệp: hãy chọn loại ở ô “Loại dữ liệu”, hoặc dùng tệp mẫu của loại đó."
	}
	if msg, ok := importer.Message(err); ok {
		return msg
	}
	s.log.Warn("import refused a file", slog.String("error", err.Error()),
		slog.String("request_id", c.GetRespHeader(fiber.HeaderXRequestID)))
	return "Không đọc được tệp. Hãy kiểm tra tệp là CSV (UTF-8), XLSX hoặc JSON Lines với dòng tiêu đề là tên cột, rồi thử lại."
}

func (s *server) importProblem(c *fiber.Ctx, msg string) error {
	return s.importProblemStatus(c, fiber.StatusUnprocessableEntity, msg)
}

func (s *server) importProblemStatus(c *fiber.Ctx, status int, msg string) error {
	c.Status(status)
	return s.renderAdmin(c, "admin/import", "Nhập dữ liệu từ tệp", s.importPage(msg))
}
