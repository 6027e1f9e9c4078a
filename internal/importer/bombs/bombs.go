// Package bombs writes hostile import files for tests: XLSX files whose
// sheet is gigabytes of whitespace, one huge cell, millions of rows or a
// zip ratio bomb, and CSV and JSON Lines files with an endless line or too
// many rows. They are generated, never committed: the biggest XLSX is a
// few MB on disk and gigabytes unzipped, which is the point.
package bombs

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Bomb is one generated file.
type Bomb struct {
	Name string // file name, also the test name
	Path string
	// Want is part of the Vietnamese message the import must end with.
	Want string
}

// XLSX tells whether the bomb is a workbook.
func (b Bomb) XLSX() bool { return strings.HasSuffix(b.Name, ".xlsx") }

// Size is the file's size on disk.
func (b Bomb) Size() int64 {
	fi, err := os.Stat(b.Path)
	if err != nil {
		return -1
	}
	return fi.Size()
}

// Default limits the messages are written for (importer.DefaultLimits).
const (
	mb = 1 << 20
	gb = 1 << 30
)

type gen struct {
	b     Bomb
	write func(path string) error
}

// Write writes the bombs into dir: every one, or those whose file name
// ends with one of suffixes (".xlsx").
func Write(dir string, suffixes ...string) ([]Bomb, error) {
	return each(dir, suffixes, func(g gen) error {
		if err := g.write(g.b.Path); err != nil {
			return fmt.Errorf("write %s: %w", g.b.Name, err)
		}
		return nil
	})
}

// List returns the bombs Write wrote into dir (by another process), with
// the same suffixes.
func List(dir string, suffixes ...string) ([]Bomb, error) {
	return each(dir, suffixes, func(g gen) error {
		_, err := os.Stat(g.b.Path)
		return err
	})
}

// each runs do for every bomb whose name ends with one of suffixes (all
// when none), its path in dir, and returns them.
func each(dir string, suffixes []string, do func(gen) error) ([]Bomb, error) {
	out := make([]Bomb, 0, len(gens))
	for _, g := range gens {
		if !endsWithAny(g.b.Name, suffixes) {
			continue
		}
		g.b.Path = filepath.Join(dir, g.b.Name)
		if err := do(g); err != nil {
			return nil, err
		}
		out = append(out, g.b)
	}
	return out, nil
}

var gens = []gen{
	{Bomb{Name: "whitespace-sheet.xlsx", Want: "giải nén lớn quá 256 MB"},
		func(p string) error { return fillSheet(p, ' ', 3*gb, false) }},
	{Bomb{Name: "whitespace-sheet-lying-header.xlsx", Want: "Tệp XLSX bị hỏng"},
		func(p string) error { return fillSheet(p, ' ', 3*gb, true) }},
	{Bomb{Name: "whitespace-200mb.xlsx", Want: "nén bất thường"},
		func(p string) error { return fillSheet(p, ' ', 200*mb, false) }},
	{Bomb{Name: "huge-cell.xlsx", Want: "giải nén lớn quá 256 MB"},
		func(p string) error { return hugeCell(p, gb) }},
	{Bomb{Name: "huge-cell-200mb.xlsx", Want: "nén bất thường"},
		func(p string) error { return hugeCell(p, 200*mb) }},
	{Bomb{Name: "long-token.xlsx", Want: "dài quá 1 MB"},
		func(p string) error { return longToken(p, 3*mb) }},
	{Bomb{Name: "long-cell.xlsx", Want: "dài quá 32.767 ký tự"},
		func(p string) error { return rowsSheet(p, 1, strings.Repeat("Ô ", 20_000)) }},
	{Bomb{Name: "excel-row-limit.xlsx", Want: "hơn 1.048.576 dòng"},
		func(p string) error { return emptyRows(p, 1_100_000) }},
	{Bomb{Name: "three-million-same-rows.xlsx", Want: "nén bất thường"},
		func(p string) error { return sameRows(p, 3_000_000) }},
	{Bomb{Name: "too-many-rows.xlsx", Want: "hơn 100.000 dòng dữ liệu"},
		func(p string) error { return rowsSheet(p, 150_000, "") }},
	{Bomb{Name: "zip-ratio.xlsx", Want: "nén bất thường"},
		func(p string) error { return ratioPart(p, 200*mb) }},
	{Bomb{Name: "long-line.csv", Want: "dài quá 1 MB"},
		func(p string) error { return longLine(p, "name,tax_code\n", 64*mb) }},
	{Bomb{Name: "too-many-rows.csv", Want: "hơn 100.000 dòng dữ liệu"},
		func(p string) error { return manyRows(p, 1_000_000) }},
	{Bomb{Name: "huge-line.jsonl", Want: "dài quá 1 MB"},
		func(p string) error { return longLine(p, `{"type":"company","name":"ok"}`+"\n", 64*mb) }},
}

func endsWithAny(name string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return len(suffixes) == 0
}

// skeleton is a one-sheet workbook made by excelize, sheet "companies",
// whose parts a bomb reuses (all but the sheet).
func skeleton() (map[string][]byte, []string, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "companies"); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, nil, err
	}
	parts := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
		parts[zf.Name] = b
		names = append(names, zf.Name)
	}
	return parts, names, nil
}

const (
	sheetPart = "xl/worksheets/sheet1.xml"
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>`
	sheetTail = `</sheetData></worksheet>`
)

// raw is a part written as it is: compressed data and the sizes to claim.
type raw struct {
	data         []byte
	crc          uint32
	uncompressed uint64
}

// writeXLSX writes the skeleton with its sheet (and extra parts) replaced.
func writeXLSX(path string, sheet raw, extra map[string]raw) error {
	parts, names, err := skeleton()
	if err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	put := func(name string, r raw) error {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: name, Method: zip.Deflate, CRC32: r.crc,
			CompressedSize64: uint64(len(r.data)), UncompressedSize64: r.uncompressed,
		})
		if err == nil {
			_, err = w.Write(r.data)
		}
		return err
	}
	for _, name := range names {
		if _, ok := extra[name]; ok {
			continue // replaced
		}
		if name == sheetPart {
			err = put(name, sheet)
		} else {
			var w io.Writer
			if w, err = zw.Create(name); err == nil {
				_, err = w.Write(parts[name])
			}
		}
		if err != nil {
			return err
		}
	}
	for name, r := range extra {
		if err := put(name, r); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// filled deflates head + n bytes of fill + tail in little time.
func filled(head string, fill byte, n int64, tail string) raw {
	return repeated(head, []byte{fill}, n, tail)
}

// repeated deflates head + n units + tail in little time: once the 32 KB
// window holds only whole units, the compressed form of 1 MB of units
// decodes the same wherever it stands, so it is made once and repeated.
func repeated(head string, unit []byte, n int64, tail string) raw {
	per := max(mb/len(unit), 1) // units in a repeated chunk
	chunk := bytes.Repeat(unit, per)
	leadUnits := (64<<10)/len(unit) + 1 // more than the window
	lead := bytes.Repeat(unit, leadUnits)
	reps := (n - int64(leadUnits)) / int64(per)
	rest := bytes.Repeat(unit, int((n-int64(leadUnits))%int64(per)))

	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	crc := crc32.ChecksumIEEE([]byte(head))
	_, _ = w.Write([]byte(head))
	_, _ = w.Write(lead)
	_ = w.Flush()
	crc = crc32.Update(crc, crc32.IEEETable, lead)
	start := bytes.Clone(buf.Bytes())
	buf.Reset()
	_, _ = w.Write(chunk)
	_ = w.Flush()
	block := bytes.Clone(buf.Bytes())
	buf.Reset()
	for range reps {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	_, _ = w.Write(rest)
	_, _ = w.Write([]byte(tail))
	_ = w.Close()
	crc = crc32.Update(crc, crc32.IEEETable, rest)
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
	data := make([]byte, 0, len(start)+int(reps)*len(block)+buf.Len())
	data = append(data, start...)
	for range reps {
		data = append(data, block...)
	}
	data = append(data, buf.Bytes()...)
	size := len(head) + len(lead) + int(reps)*len(chunk) + len(rest) + len(tail)
	return raw{data: data, crc: crc, uncompressed: uint64(size)}
}

// fillSheet: a sheet of n bytes of fill between two rows. With lie, the
// zip header claims 1 KB.
func fillSheet(path string, fill byte, n int64, lie bool) error {
	r := filled(sheetHead, fill, n, `<row r="2"><c r="A2" t="inlineStr"><is><t>Công ty</t></is></c></row>`+sheetTail)
	if lie {
		r.uncompressed = 1 << 10
	}
	return writeXLSX(path, r, nil)
}

// hugeCell: one inline string cell of n letters.
func hugeCell(path string, n int64) error {
	return writeXLSX(path, filled(sheetHead+`<row r="2"><c r="A2" t="inlineStr"><is><t>`, 'A', n, `</t></is></c></row>`+sheetTail), nil)
}

// longToken: a sheet, small enough, with one 3 MB cell made of varied
// text (so that it compresses like text, not like a bomb).
func longToken(path string, n int) error {
	var b strings.Builder
	b.WriteString(sheetHead + `<row r="2"><c r="A2" t="inlineStr"><is><t>`)
	var word []byte
	for i := 0; b.Len() < n; i++ {
		word = append(strconv.AppendUint(word[:0], uint64(uint32(i)*2654435761), 16), ' ')
		b.Write(word)
	}
	b.WriteString(`</t></is></c></row>` + sheetTail)
	return writeXLSX(path, deflate([]byte(b.String())), nil)
}

func deflate(content []byte) raw {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	_, _ = w.Write(content)
	_ = w.Close()
	return raw{data: buf.Bytes(), crc: crc32.ChecksumIEEE(content), uncompressed: uint64(len(content))}
}

// rowsSheet: a header row then rows data rows, each with a varied name
// (cell, when given, is the name of the first).
func rowsSheet(path string, rows int, cell string) error {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(w, crc)
	n := int64(0)
	write := func(s string) {
		k, _ := io.WriteString(out, s)
		n += int64(k)
	}
	write(sheetHead)
	for i := 2; i <= rows+1; i++ {
		name := cell
		if name == "" || i > 2 {
			name = fmt.Sprintf("Công ty %d", i)
		}
		write(fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>`, i, i, name))
	}
	write(sheetTail)
	_ = w.Close()
	return writeXLSX(path, raw{data: buf.Bytes(), crc: crc.Sum32(), uncompressed: uint64(n)}, nil)
}

// sameRows: a header row then rows identical data rows: a few hundred KB
// that say 3 million rows.
func sameRows(path string, rows int) error {
	return writeXLSX(path, repeated(sheetHead, []byte(`<row><c t="inlineStr"><is><t>Công ty</t></is></c></row>`), int64(rows), sheetTail), nil)
}

// emptyRows: empty rows, each numbered, so that they compress like a
// sheet (about 10:1), not like a bomb.
func emptyRows(path string, rows int) error {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(w, crc)
	line := make([]byte, 0, 64)
	n, _ := io.WriteString(out, sheetHead)
	for i := 2; i <= rows+1; i++ {
		line = append(strconv.AppendInt(append(line[:0], `<row r="`...), int64(i), 10), `"/>`...)
		k, _ := out.Write(line)
		n += k
	}
	k, _ := io.WriteString(out, sheetTail)
	n += k
	_ = w.Close()
	return writeXLSX(path, raw{data: buf.Bytes(), crc: crc.Sum32(), uncompressed: uint64(n)}, nil)
}

// ratioPart: a well-formed workbook carrying a 200 MB part of zeros.
func ratioPart(path string, n int64) error {
	return writeXLSX(path, deflate([]byte(sheetHead+sheetTail)), map[string]raw{
		"xl/media/image1.png": filled("", 0, n, ""),
	})
}

// longLine: head, then one line of n letters and no newline.
func longLine(path, head string, n int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, mb)
	_, _ = w.WriteString(head)
	chunk := bytes.Repeat([]byte("x"), mb)
	for written := int64(0); written < n; written += mb {
		_, _ = w.Write(chunk)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// manyRows: a companies CSV of n rows (their tax codes are invalid, so a
// dry run that got through would reject every one).
func manyRows(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, mb)
	_, _ = w.WriteString("external_id;tax_code;name;industry;city\n")
	var line []byte
	for i := 1; i <= n; i++ {
		id := strconv.AppendInt(nil, int64(i), 10)
		line = append(append(line[:0], "B-"...), id...)
		line = append(append(append(line, ';'), "000000000"[:max(0, 10-len(id)-1)]...), '9')
		line = append(append(line, id...), ";Công ty Bom "...)
		line = append(append(line, id...), ";C;hcm\n"...)
		_, _ = w.Write(line)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
