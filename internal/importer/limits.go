package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits bound what one import may read, so that no file — however
// large, deep or compressed — can take the process past its memory budget.
// A file that breaks one is refused as a whole with a *LimitError.
type Limits struct {
	// MaxRows is the number of data rows one file may hold (all sheets
	// together); blank rows do not count.
	MaxRows int
	// MaxColumns is how many columns (JSON keys) a row may have.
	MaxColumns int
	// MaxCellChars is the longest cell, in characters (Excel's own limit
	// is 32 767).
	MaxCellChars int
	// MaxLineBytes is the longest CSV record or JSON line.
	MaxLineBytes int
	// MaxFileBytes is the largest CSV or JSON Lines file.
	MaxFileBytes int64
	// MaxXLSXBytes is the largest XLSX file (it is read whole: a zip
	// needs random access).
	MaxXLSXBytes int64
	// MaxXLSXUnzipped is the decompressed size of all the parts of an
	// XLSX file together, as really read, not as the zip headers claim.
	MaxXLSXUnzipped int64
	// MaxXLSXRatio is the largest compression ratio of a part bigger than
	// 1 MB; spreadsheets compress about 10:1, zip bombs 1000:1.
	MaxXLSXRatio int64
}

// Default limits.
const (
	DefaultMaxRows         = 100_000
	DefaultMaxColumns      = 256
	DefaultMaxCellChars    = 32_767
	DefaultMaxLineBytes    = 1 << 20
	DefaultMaxFileBytes    = 256 << 20
	DefaultMaxXLSXBytes    = 32 << 20
	DefaultMaxXLSXUnzipped = 256 << 20
	DefaultMaxXLSXRatio    = 100
)

// Structural bounds of an XLSX file's XML, fixed because no real
// spreadsheet comes near them.
const (
	maxZipEntries    = 10_000
	maxSheets        = 256
	maxXMLToken      = 1 << 20  // one tag, text run, comment or CDATA section
	maxXMLDepth      = 64       // nested elements
	maxRowXML        = 4 << 20  // one <row> element
	maxSharedString  = 1 << 20  // one <si> element
	maxSharedStrings = 1 << 20  // <si> elements in the shared strings table
	maxOtherPart     = 4 << 20  // styles, workbook, relationships… (parsed whole)
	maxInMemoryParts = 48 << 20 // parts excelize keeps in memory
	xmlSpillSize     = 1 << 20  // bigger sheets and string tables go to a temp file
	excelMaxRows     = 1_048_576
	excelMaxColumns  = 16_384
	ratioFloor       = 1 << 20 // smaller parts may compress as they like
)

// DefaultLimits are the limits of an import that sets none.
func DefaultLimits() Limits {
	return Limits{
		MaxRows: DefaultMaxRows, MaxColumns: DefaultMaxColumns, MaxCellChars: DefaultMaxCellChars,
		MaxLineBytes: DefaultMaxLineBytes, MaxFileBytes: DefaultMaxFileBytes,
		MaxXLSXBytes: DefaultMaxXLSXBytes, MaxXLSXUnzipped: DefaultMaxXLSXUnzipped, MaxXLSXRatio: DefaultMaxXLSXRatio,
	}
}

// orDefault fills the limits left at zero (or below).
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	return Limits{
		MaxRows: positiveOr(l.MaxRows, d.MaxRows), MaxColumns: positiveOr(l.MaxColumns, d.MaxColumns),
		MaxCellChars: positiveOr(l.MaxCellChars, d.MaxCellChars), MaxLineBytes: positiveOr(l.MaxLineBytes, d.MaxLineBytes),
		MaxFileBytes: positiveOr(l.MaxFileBytes, d.MaxFileBytes), MaxXLSXBytes: positiveOr(l.MaxXLSXBytes, d.MaxXLSXBytes),
		MaxXLSXUnzipped: positiveOr(l.MaxXLSXUnzipped, d.MaxXLSXUnzipped), MaxXLSXRatio: positiveOr(l.MaxXLSXRatio, d.MaxXLSXRatio),
	}
}

func positiveOr[T int | int64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Limit names which bound a file broke.
type Limit string

const (
	LimitRows      Limit = "rows"
	LimitColumns   Limit = "columns"
	LimitCell      Limit = "cell"
	LimitLine      Limit = "line"
	LimitFile      Limit = "file"
	LimitUnzipped  Limit = "unzipped"
	LimitRatio     Limit = "ratio"
	LimitStructure Limit = "structure" // the XML of an XLSX file: depth, token, row or part size, sheets, parts
)

// LimitError is a file refused as a whole because it breaks a limit.
// Nothing of it is written.
type LimitError struct {
	Limit Limit
	Max   int64  // the bound broken
	Sheet string // XLSX sheet, if known
	Line  int    // the line or row, if known
	// Message says it in Vietnamese, for the official who made the file.
	Message string
	detail  string // English, for logs and the CLI
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("the file exceeds the import limit on %s (%s)", e.Limit, e.detail)
}

// where is "dòng 12: ", "trang "jobs", dòng 12: " or "".
func where(sheet string, line int) string {
	var b strings.Builder
	if sheet != "" {
		fmt.Fprintf(&b, "trang %q", sheet)
	}
	if line > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "dòng %d", line)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	return b.String()
}

// vnInt writes a number with Vietnamese digit grouping: 100.000.
func vnInt(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// vnSize writes a byte count in MB or KB.
func vnSize(n int64) string {
	if n >= 1<<20 {
		return vnInt(n>>20) + " MB"
	}
	return vnInt(n>>10) + " KB"
}

const splitHint = " Hãy chia tệp thành nhiều tệp nhỏ hơn rồi nhập lần lượt."

func errRows(max int, sheet string, line int) *LimitError {
	return &LimitError{Limit: LimitRows, Max: int64(max), Sheet: sheet, Line: line,
		Message: where(sheet, line) + "Tệp có hơn " + vnInt(int64(max)) + " dòng dữ liệu, vượt giới hạn mỗi lần nhập." + splitHint,
		detail:  fmt.Sprintf("more than %d data rows", max)}
}

func errColumns(max int, sheet string, line, got int) *LimitError {
	return &LimitError{Limit: LimitColumns, Max: int64(max), Sheet: sheet, Line: line,
		Message: fmt.Sprintf("%sDòng có %s cột, vượt giới hạn %s cột. Hãy xóa các cột thừa ở bên phải rồi nhập lại.", where(sheet, line), vnInt(int64(got)), vnInt(int64(max))),
		detail:  fmt.Sprintf("%d columns, more than %d", got, max)}
}

func errCell(max int, sheet string, line int, column string) *LimitError {
	col := ""
	if column != "" {
		col = " (cột " + column + ")"
	}
	return &LimitError{Limit: LimitCell, Max: int64(max), Sheet: sheet, Line: line,
		Message: fmt.Sprintf("%sMột ô%s dài quá %s ký tự, vượt giới hạn mỗi ô. Hãy rút gọn nội dung ô đó rồi nhập lại.", where(sheet, line), col, vnInt(int64(max))),
		detail:  fmt.Sprintf("a cell longer than %d characters", max)}
}

func errLine(max int, afterLine int) *LimitError {
	msg := "Một dòng dài quá " + vnSize(int64(max)) + ", vượt giới hạn mỗi dòng. Hãy kiểm tra tệp (có thể thiếu dấu xuống dòng hoặc một dấu ngoặc kép chưa đóng)."
	if afterLine > 0 {
		msg = fmt.Sprintf("Sau dòng %d, m", afterLine) + strings.TrimPrefix(msg, "M")
	}
	return &LimitError{Limit: LimitLine, Max: int64(max), Line: afterLine + 1,
		Message: msg,
		detail:  fmt.Sprintf("a line longer than %d bytes", max)}
}

func errFile(max int64) *LimitError {
	return &LimitError{Limit: LimitFile, Max: max,
		Message: "Tệp lớn quá " + vnSize(max) + ", vượt giới hạn mỗi lần nhập." + splitHint,
		detail:  fmt.Sprintf("a file larger than %d bytes", max)}
}

func errUnzipped(max int64) *LimitError {
	return &LimitError{Limit: LimitUnzipped, Max: max,
		Message: "Tệp XLSX khi giải nén lớn quá " + vnSize(max) + ", vượt giới hạn mỗi lần nhập." + splitHint,
		detail:  fmt.Sprintf("more than %d bytes once unzipped", max)}
}

func errRatio(max int64, part string) *LimitError {
	return &LimitError{Limit: LimitRatio, Max: max,
		Message: fmt.Sprintf("Tệp XLSX bị nén bất thường (phần %s nén hơn %d lần), có thể là tệp độc hại nên không được nhập. Hãy mở tệp trong Excel, lưu lại rồi nhập lại.", part, max),
		detail:  fmt.Sprintf("part %s compressed more than %d:1", part, max)}
}

func errStructure(what string, max int64, detail string) *LimitError {
	return &LimitError{Limit: LimitStructure, Max: max,
		Message: "Tệp XLSX có cấu trúc vượt giới hạn (" + what + "), nên không được nhập. Hãy mở tệp trong Excel, lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi nhập lại.",
		detail:  detail}
}

// ErrBadXLSX is returned for a file that is not a readable XLSX workbook
// (not a zip, a damaged one, or parts that are not what they claim).
var ErrBadXLSX = errors.New("the file is not a readable XLSX workbook")

// Message is what to tell an official about an import that failed with
// err, in Vietnamese; ok is false for an error that is not about the file
// (the database, a bug), which the caller reports its own way.
func Message(err error) (msg string, ok bool) {
	var le *LimitError
	switch {
	case errors.As(err, &le):
		return le.Message, true
	case errors.Is(err, ErrBadXLSX):
		return "Tệp XLSX bị hỏng hoặc không phải sổ làm việc Excel (.xlsx). Hãy mở tệp trong Excel, lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi nhập lại.", true
	case errors.Is(err, ErrNoType):
		return "Không nhận ra loại dữ liệu từ dòng tiêu đề của tệp CSV: hãy chọn loại dữ liệu, hoặc dùng tệp mẫu của loại đó (tên cột như trong tệp mẫu).", true
	case errors.Is(err, ErrNoColumns):
		return "Dòng tiêu đề của tệp không có cột nào của loại dữ liệu đã chọn: hãy kiểm tra loại dữ liệu và tên cột (như trong danh sách cột, ví dụ external_id, title, city).", true
	case errors.Is(err, errUTF16):
		return "Tệp được lưu với bảng mã UTF-16: hãy lưu lại với bảng mã UTF-8 (trong Excel: CSV UTF-8) rồi nhập lại.", true
	}
	return "", false
}

// errBudget is what a budgetReader returns past its budget.
var errBudget = errors.New("import: read budget exceeded")

// budgetReader refuses to read more than an allowance set by its owner
// (one CSV record's worth, or a whole file's), so a reader above it that
// buffers without bound (encoding/csv) cannot be fed more than that.
type budgetReader struct {
	r      io.Reader
	n      int64 // bytes read so far
	budget int64 // n may not pass this
	total  int64 // nor this (the file limit)
}

func (b *budgetReader) allow(more int64) { b.budget = b.n + more }

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.n > b.total {
		return 0, errFileBudget
	}
	// One byte past the file limit is read, to tell a file of exactly
	// the limit (EOF next) from a bigger one.
	left := min(b.budget, b.total+1) - b.n
	if left <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

var errFileBudget = errors.New("import: file budget exceeded")

// cellTooLong tells whether s has more than max characters.
func cellTooLong(s string, max int) bool {
	return len(s) > max && utf8.RuneCountInString(s) > max
}
