package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// errUTF16 is returned for a text file saved as UTF-16 ("Unicode Text").
var errUTF16 = errors.New("the file is UTF-16 encoded: save it as UTF-8 (in Excel: CSV UTF-8) and import it again")

func isUTF16(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// ErrNoColumns is returned for a header that names no column of the type.
var ErrNoColumns = errors.New("the header names no column of the type")

// noColumns is the error for a header that names no column of the type.
func noColumns(h handler, where string) error {
	return fmt.Errorf("%w: %s names no column of type %s: is the type right? (columns are the field names, e.g. external_id, title, city)", ErrNoColumns, where, h.typeName())
}

func anyColumn(cols []string) bool {
	for _, c := range cols {
		if c != "" {
			return true
		}
	}
	return false
}

// mapHeader turns a header row into canonical column names ("" for a
// column the type does not take, which is reported once as ignored).
func (r *run) mapHeader(h handler, header []string) []string {
	cols := make([]string, len(header))
	taken := map[string]bool{}
	for i, name := range header {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\uFEFF"))
		if name == "" {
			continue
		}
		col, ok := h.column(name)
		if !ok || taken[col] {
			r.ignore(name)
			continue
		}
		taken[col] = true
		cols[i] = col
	}
	return cols
}

// maxIgnored bounds the ignored columns a report names (JSON Lines may
// bring new keys on every line), and maxNameChars each name.
const (
	maxIgnored   = 100
	maxNameChars = 80
)

// ignore notes a column the importer does not take, within bounds.
func (r *run) ignore(name string) {
	if len(r.ignored) >= maxIgnored {
		return
	}
	if rs := []rune(name); len(rs) > maxNameChars {
		name = string(rs[:maxNameChars]) + "…"
	}
	r.ignoreColumn(name)
}

// rowCells builds a record's cells from a row of text; ok is false when
// every cell is empty (a blank row, skipped).
func rowCells(cols, values []string) (map[string]cell, bool) {
	cells := make(map[string]cell, len(cols))
	any := false
	for i, col := range cols {
		v := ""
		if i < len(values) {
			v = values[i]
		}
		if strings.TrimSpace(v) != "" {
			any = true
		}
		if col != "" {
			cells[col] = cell{kind: cellText, text: v}
		}
	}
	for i := len(cols); i < len(values); i++ {
		if strings.TrimSpace(values[i]) != "" {
			any = true // a value beyond the header: the row is not blank
		}
	}
	return cells, any
}

// src reads one file for a run and holds it to the limits. With scan set
// it only checks them: rows are counted, not queued (the first pass of an
// import that writes, so that a file refused as a whole changes nothing).
type src struct {
	*run
	lim  Limits
	rows int
	scan bool
}

// take queues one data row, or fails once the file holds too many.
func (s *src) take(ctx context.Context, h handler, rec *record) error {
	if s.rows++; s.rows > s.lim.MaxRows {
		return errRows(s.lim.MaxRows, rec.sheet, rec.line)
	}
	if !s.scan {
		s.add(ctx, h, rec)
	}
	return nil
}

// checkValues holds a row of text to the column and cell limits.
func (s *src) checkValues(sheet string, line int, cols, values []string) error {
	if len(values) > s.lim.MaxColumns {
		return errColumns(s.lim.MaxColumns, sheet, line, len(values))
	}
	for i, v := range values {
		if cellTooLong(v, s.lim.MaxCellChars) {
			col := ""
			if i < len(cols) {
				col = cols[i]
			}
			return errCell(s.lim.MaxCellChars, sheet, line, col)
		}
	}
	return nil
}

// readCSV streams a CSV file: UTF-8 with or without a BOM, the delimiter
// (";", "," or tab) sniffed from the header line. encoding/csv holds a
// whole record in memory, so what it may read is rationed record by
// record.
func (s *src) readCSV(ctx context.Context, in io.Reader, h handler) error {
	budget := &budgetReader{r: in, total: s.lim.MaxFileBytes}
	const bufSize = 64 << 10
	budget.allow(int64(s.lim.MaxLineBytes) + bufSize)
	br := bufio.NewReaderSize(budget, bufSize)
	b, _ := br.Peek(3)
	if isUTF16(b) {
		return errUTF16
	}
	if bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = sniffDelimiter(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	lastLine := 0
	readErr := func(err error) error {
		switch {
		case errors.Is(err, errBudget):
			return errLine(s.lim.MaxLineBytes, lastLine)
		case errors.Is(err, errFileBudget):
			return errFile(s.lim.MaxFileBytes)
		}
		return err
	}
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		if le := readErr(err); le != err {
			return le
		}
		return fmt.Errorf("read the CSV header: %w", err)
	}
	if err := s.checkValues("", 1, nil, header); err != nil {
		return err
	}
	if h == nil {
		if h = byHeader(header); h == nil {
			return ErrNoType
		}
	}
	cols := s.mapHeader(h, header)
	if !anyColumn(cols) {
		return noColumns(h, "the CSV header")
	}
	lastLine = 1
	for {
		budget.allow(int64(s.lim.MaxLineBytes))
		values, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && !errors.Is(err, errBudget) && !errors.Is(err, errFileBudget) {
			lastLine = pe.Line
			if err := s.take(ctx, h, &record{line: pe.StartLine, err: &RowError{
				Message: "Dòng không đúng quy tắc CSV (dấu ngoặc kép \" chưa đóng hoặc đặt sai chỗ): " + pe.Err.Error() + "."}}); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			if le := readErr(err); le != err {
				return le
			}
			return fmt.Errorf("read the CSV file: %w", err)
		}
		line, _ := cr.FieldPos(0)
		lastLine, _ = cr.FieldPos(len(values) - 1)
		if err := s.checkValues("", line, cols, values); err != nil {
			return err
		}
		cells, ok := rowCells(cols, values)
		if !ok {
			continue
		}
		if err := s.take(ctx, h, &record{line: line, cells: cells}); err != nil {
			return err
		}
		if s.fatal != nil {
			return nil
		}
	}
}

// sniffDelimiter picks the separator the header line uses most.
func sniffDelimiter(br *bufio.Reader) rune {
	buf, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(buf, '\n'); i >= 0 {
		buf = buf[:i]
	}
	counts := map[rune]int{}
	quoted := false
	for _, b := range buf {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted && (b == ';' || b == ',' || b == '\t'):
			counts[rune(b)]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// readJSONL streams a JSON Lines file: one object per line, its type under
// "type" (def for lines without one). Blank lines are skipped.
func (s *src) readJSONL(ctx context.Context, in io.Reader, def handler) error {
	budget := &budgetReader{r: in, total: s.lim.MaxFileBytes, budget: math.MaxInt64}
	br := bufio.NewReaderSize(budget, 256<<10)
	if b, _ := br.Peek(2); isUTF16(b) {
		return errUTF16
	}
	for line := 1; ; line++ {
		b, tooLong, err := readLine(br, s.lim.MaxLineBytes)
		if errors.Is(err, errFileBudget) {
			return errFile(s.lim.MaxFileBytes)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read the JSON Lines file: %w", err)
		}
		if tooLong {
			return errLine(s.lim.MaxLineBytes, line-1)
		}
		if line == 1 {
			b = bytes.TrimPrefix(b, utf8BOM)
		}
		if b = bytes.TrimSpace(b); len(b) > 0 {
			rec := &record{line: line}
			h := s.parseJSONLine(b, rec, def)
			if err := s.checkRecord(rec); err != nil {
				return err
			}
			if err := s.take(ctx, h, rec); err != nil {
				return err
			}
		}
		if s.fatal != nil || errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// checkRecord holds a JSON line's keys and text to the column and cell
// limits (structured values are bounded by the line).
func (s *src) checkRecord(rec *record) error {
	if len(rec.cells) > s.lim.MaxColumns {
		return errColumns(s.lim.MaxColumns, "", rec.line, len(rec.cells))
	}
	for col, c := range rec.cells {
		long := cellTooLong(c.text, s.lim.MaxCellChars)
		for _, v := range c.list {
			long = long || cellTooLong(v, s.lim.MaxCellChars)
		}
		if long {
			return errCell(s.lim.MaxCellChars, "", rec.line, col)
		}
	}
	return nil
}

// readLine reads up to and without the next "\n"; of a line longer than
// max nothing is kept and tooLong is set.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(line, []byte("\n")), tooLong, err
	}
}

// structured are the columns whose JSON value is kept raw (lists of
// objects): none since the ledger's updates became rows (migration 00013).
var structured = map[string]bool{}

// parseJSONLine fills rec from one JSON object and returns its type's
// handler (nil when it names none).
func (r *run) parseJSONLine(b []byte, rec *record, def handler) handler {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		rec.err = &RowError{Message: "Dòng không phải JSON hợp lệ: mỗi dòng phải là một đối tượng {\"type\": …, …}."}
		return def
	}
	h := def
	if raw, ok := obj["type"]; ok && string(raw) != "null" {
		var name string
		if json.Unmarshal(raw, &name) != nil || handlerFor(name) == nil {
			rec.err = &RowError{Column: "type", Message: fmt.Sprintf("Loại mục %s không có trong danh sách: %s.", strings.Trim(string(raw), `"`), strings.Join(TypeNames(), ", "))}
			return def
		}
		h = handlerFor(name)
	}
	if h == nil {
		return nil
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rec.cells = make(map[string]cell, len(obj))
	for _, k := range keys {
		if k == "type" {
			continue
		}
		col, ok := h.column(k)
		if !ok {
			r.ignore(k)
			continue
		}
		c, ok := jsonCell(obj[k], structured[col])
		if !ok {
			rec.err = &RowError{Column: col, Message: "Giá trị không hợp lệ: dùng văn bản, số, true/false, null hoặc danh sách."}
			return h
		}
		rec.cells[col] = c
	}
	return h
}

func jsonCell(raw json.RawMessage, structured bool) (cell, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return cell{}, false
	}
	switch raw[0] {
	case 'n':
		return cell{kind: cellNull}, true
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return cell{}, false
		}
		return cell{kind: cellText, text: s}, true
	case 't', 'f':
		return cell{kind: cellText, text: string(raw)}, true
	case '{':
		return cell{kind: cellJSON, raw: raw}, true
	case '[':
		if structured {
			return cell{kind: cellJSON, raw: raw}, true
		}
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return cell{}, false
		}
		list := make([]string, 0, len(items))
		for _, it := range items {
			c, ok := jsonCell(it, false)
			if !ok || c.kind != cellText {
				return cell{kind: cellJSON, raw: raw}, true
			}
			list = append(list, c.text)
		}
		return cell{kind: cellList, list: list}, true
	default: // a number, kept as written
		return cell{kind: cellText, text: string(raw)}, true
	}
}

// sheetPlan is a sheet to read and the type of its rows.
type sheetPlan struct {
	sheet string
	h     handler
}

// sheetPlans are the sheets of f to import, parents first: those named
// after a type, or whose header tells it, or (with a type chosen, def)
// those of that type, else the first. Others are reported as ignored.
func (s *src) sheetPlans(f *excelize.File, def handler) ([]sheetPlan, error) {
	var plans []sheetPlan
	sheets := f.GetSheetList()
	if len(sheets) > maxSheets {
		return nil, errStructure("hơn "+vnInt(maxSheets)+" trang tính", maxSheets, fmt.Sprintf("more than %d sheets", maxSheets))
	}
	for _, name := range sheets {
		h := handlerFor(name)
		if h == nil && def == nil {
			h = sheetByHeader(f, name) // "Tháng 12" of jobs is still jobs
		}
		switch {
		case h == nil, def != nil && h != def:
			continue
		}
		plans = append(plans, sheetPlan{name, h})
	}
	if def != nil && len(plans) == 0 && len(sheets) > 0 {
		plans = append(plans, sheetPlan{sheets[0], def})
	}
	for _, name := range sheets {
		used := false
		for _, p := range plans {
			used = used || p.sheet == name
		}
		if !used && name != valuesSheet && name != columnsSheet {
			s.rep.IgnoredSheets = append(s.rep.IgnoredSheets, name)
		}
	}
	sort.SliceStable(plans, func(i, j int) bool { return handlerRank(plans[i].h) < handlerRank(plans[j].h) })
	return plans, nil
}

// readXLSX imports the sheets of a workbook. The archive is read whole (a
// zip needs random access) and checked part by part (checkXLSX); each
// sheet's rows are then streamed, big sheets from a temp file that is
// removed when the read ends, whatever happens.
func (s *src) readXLSX(ctx context.Context, in io.Reader, def handler) error {
	b, err := io.ReadAll(io.LimitReader(in, s.lim.MaxXLSXBytes+1))
	if err != nil {
		return fmt.Errorf("read the XLSX file: %w", err)
	}
	if int64(len(b)) > s.lim.MaxXLSXBytes {
		return errFile(s.lim.MaxXLSXBytes)
	}
	if err := checkXLSX(b, s.lim); err != nil {
		return err
	}
	dir, err := newTempDir()
	if err != nil {
		return fmt.Errorf("read the XLSX file: %w", err)
	}
	defer os.RemoveAll(dir)
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		UnzipSizeLimit: s.lim.MaxXLSXUnzipped, UnzipXMLSizeLimit: xmlSpillSize, TmpDir: dir,
	})
	b = nil // excelize has its own copy
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadXLSX, err)
	}
	defer f.Close()
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	plans, err := s.sheetPlans(f, def)
	if err != nil {
		return err
	}
	for _, p := range plans {
		if err := s.readSheet(ctx, f, p.sheet, p.h); err != nil {
			return err
		}
		if s.fatal != nil {
			return nil
		}
	}
	return nil
}

// byHeader finds the type whose columns a header names: the one naming
// most of its columns, at least two, and more than any other type does.
func byHeader(header []string) handler {
	var best handler
	bestN, tie := 0, false
	for _, h := range handlers {
		n, seen := 0, map[string]bool{}
		for _, name := range header {
			if col, ok := h.column(strings.TrimPrefix(name, "\uFEFF")); ok && !seen[col] {
				seen[col] = true
				n++
			}
		}
		switch {
		case n > bestN:
			best, bestN, tie = h, n, false
		case n == bestN:
			tie = true
		}
	}
	if bestN < 2 || tie {
		return nil
	}
	return best
}

// sheetByHeader reads a sheet's first non-empty row to tell its type.
func sheetByHeader(f *excelize.File, sheet string) handler {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil
	}
	defer rows.Close()
	for n := 0; n < 10 && rows.Next(); n++ {
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil || len(values) > maxHeaderColumns {
			return nil
		}
		if _, ok := rowCells(make([]string, len(values)), values); ok {
			return byHeader(values)
		}
	}
	return nil
}

// maxHeaderColumns bounds the header row read to tell a sheet's type.
const maxHeaderColumns = 1000

func (s *src) readSheet(ctx context.Context, f *excelize.File, sheet string, h handler) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	defer rows.Close()
	// The row count is not known: excelize would parse the whole sheet
	// to read its dimension.
	s.rowProgress(sheet, -1)
	var cols []string
	for n := 1; rows.Next(); n++ {
		if n > excelMaxRows {
			return errStructure("trang tính có hơn "+vnInt(excelMaxRows)+" dòng", excelMaxRows,
				fmt.Sprintf("more than %d rows in sheet %q", excelMaxRows, sheet))
		}
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("read sheet %q row %d: %w", sheet, n, err)
		}
		if err := s.checkValues(sheet, n, cols, values); err != nil {
			return err
		}
		if cols == nil {
			if _, ok := rowCells(make([]string, len(values)), values); ok {
				if cols = s.mapHeader(h, values); !anyColumn(cols) {
					return noColumns(h, fmt.Sprintf("the first row of sheet %q", sheet))
				}
			}
			continue
		}
		cells, ok := rowCells(cols, values)
		if !ok {
			continue
		}
		if err := s.take(ctx, h, &record{sheet: sheet, line: n, cells: cells, xlsx: true}); err != nil {
			return err
		}
		if s.fatal != nil {
			return nil
		}
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	return nil
}
