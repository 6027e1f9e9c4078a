package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestXMLGuard: the scan before excelize passes real sheet XML and stops
// each shape of hostile XML at its bound.
func TestXMLGuard(t *testing.T) {
	row := func(i int) string {
		return `<row r="` + strconv.Itoa(i) + `"><c r="A` + strconv.Itoa(i) + `" t="s"><v>1</v></c></row>`
	}
	sheet := func(body string) string {
		return `<?xml version="1.0"?><!-- made by hand --><worksheet xmlns="x"><sheetData>` + body + `</sheetData></worksheet>`
	}
	tests := []struct {
		name string
		xml  string
		want string // "" for none, else part of the English detail
	}{
		{"a sheet", sheet(row(1) + row(2) + `<row r="3"/>`), ""},
		{"prefixed names, quoted >, CDATA and a DOCTYPE", `<!DOCTYPE x [<!ENTITY a "b">]><x:worksheet><x:sheetData><x:row a=">"><x:c><x:is><x:t><![CDATA[<<>>]]></x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`, ""},
		{"whitespace between rows", sheet(row(1) + strings.Repeat(" ", maxXMLToken+1) + row(2)), "XML token"},
		{"a long text", sheet(`<row><c t="inlineStr"><is><t>` + strings.Repeat("a", maxXMLToken+1) + `</t></is></c></row>`), "XML token"},
		{"a long tag", sheet(`<row` + strings.Repeat(` a="1"`, maxXMLToken/6+1) + `/>`), "XML token"},
		{"a long comment", sheet(`<!--` + strings.Repeat("<>", maxXMLToken/2+1) + `-->`), "XML token"},
		{"a long CDATA", sheet(`<![CDATA[` + strings.Repeat("<>", maxXMLToken/2+1) + `]]>`), "XML token"},
		{"a row of many short cells", sheet(`<row>` + strings.Repeat(`<c><v>1</v></c>`, excelMaxColumns+1) + `</row>`), "cells in a row"},
		{"a long row", sheet(`<row>` + strings.Repeat(`<c><is><t>`+strings.Repeat("b", 1000)+`</t></is></c>`, maxRowXML/1000) + `</row>`), "<row> longer"},
		{"deep nesting", sheet(strings.Repeat("<a>", maxXMLDepth+1)), "nested deeper"},
		{"too many shared strings", `<sst>` + strings.Repeat(`<si><t/></si>`, maxSharedStrings+1) + `</sst>`, "shared strings"},
		{"a long shared string", `<sst><si>` + strings.Repeat(`<r><t>ab</t></r>`, maxSharedString/15) + `</si></sst>`, "<si> longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := io.Copy(newXMLGuard(), strings.NewReader(tt.xml))
			var le *LimitError
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("guard(%s) = %v, want no error", tt.name, err)
			case tt.want != "" && (!errors.As(err, &le) || !strings.Contains(le.Error(), tt.want) || le.Message == ""):
				t.Errorf("guard(%s) = %v, want a LimitError about %q", tt.name, err, tt.want)
			}
		})
	}
	g := newXMLGuard()
	_, _ = io.Copy(g, strings.NewReader(sheet(row(1)+row(2)+`<row r="3"/>`)))
	if g.rows != 3 || g.depth != 0 {
		t.Errorf("guard counted %d rows, depth %d; want 3 rows, depth 0", g.rows, g.depth)
	}
}

// TestBudgetReader: a reader above may read its allowance, then fails;
// the file limit lets a file of exactly that size end with EOF.
func TestBudgetReader(t *testing.T) {
	b := &budgetReader{r: strings.NewReader(strings.Repeat("x", 100)), total: 100}
	b.allow(10)
	if n, err := io.ReadFull(b, make([]byte, 10)); n != 10 || err != nil {
		t.Fatalf("read within the allowance = %d, %v", n, err)
	}
	if _, err := b.Read(make([]byte, 1)); !errors.Is(err, errBudget) {
		t.Errorf("read past the allowance = %v, want errBudget", err)
	}
	b.allow(1000)
	if got, err := io.ReadAll(b); len(got) != 90 || err != nil {
		t.Errorf("read the rest of a file of exactly the limit = %d bytes, %v; want 90, nil", len(got), err)
	}
	b = &budgetReader{r: strings.NewReader(strings.Repeat("x", 101)), total: 100}
	b.allow(1000)
	if _, err := io.ReadAll(b); !errors.Is(err, errFileBudget) {
		t.Errorf("read a file over the limit = %v, want errFileBudget", err)
	}
}

// TestTextLimits: CSV and JSON Lines rows are held to the column, cell,
// line and row limits; each breach ends the read with its message.
func TestTextLimits(t *testing.T) {
	lim := Limits{MaxRows: 2, MaxColumns: 4, MaxCellChars: 5, MaxLineBytes: 100 << 10, MaxFileBytes: 1 << 20}.orDefault()
	tests := []struct {
		name   string
		format Format
		in     string
		want   string // part of the Vietnamese message, "" for no error
	}{
		{"csv within limits", CSV, "name;city\nabcde;hcm\nđđđđđ;hcm\n", ""},
		{"csv too many rows", CSV, "name;city\na;hcm\nb;hcm\nc;hcm\n", "dòng 4: Tệp có hơn 2 dòng dữ liệu"},
		{"csv blank lines do not count", CSV, "name;city\na;hcm\n\n;\n;\nb;hcm\n", ""},
		{"csv bad quotes count as rows", CSV, "name;city\n\"a;hcm\n", ""},
		{"csv a wide header", CSV, "name;city;a;b;c\n", "Dòng có 5 cột, vượt giới hạn 4 cột"},
		{"csv a wide row", CSV, "name;city\na;b;c;d;e\n", "dòng 2: Dòng có 5 cột"},
		{"csv a long cell", CSV, "name;city\nabcdef;hcm\n", "dòng 2: Một ô (cột name) dài quá 5 ký tự"},
		{"csv a long line", CSV, "name;city\n" + strings.Repeat("a", 300<<10) + "\n", "Sau dòng 1, một dòng dài quá 100 KB"},
		{"csv a long quoted record over many lines", CSV, "name;city\n\"" + strings.Repeat("a\n", 150<<10) + "\";hcm\n", "dài quá 100 KB"},
		{"csv a big file", CSV, "name;city\n" + strings.Repeat(";\n", 600<<10), "Tệp lớn quá 1 MB"},
		{"jsonl within limits", JSONL, `{"type":"company","name":"abc"}` + "\n", ""},
		{"jsonl too many rows", JSONL, strings.Repeat(`{"type":"company","name":"abc"}`+"\n", 3), "dòng 3: Tệp có hơn 2 dòng dữ liệu"},
		{"jsonl a long line", JSONL, `{"type":"company","name":"` + strings.Repeat("a", 200<<10) + `"}`, "Một dòng dài quá 100 KB"},
		{"jsonl a long cell", JSONL, `{"type":"company","name":"abcdef"}`, "dòng 1: Một ô (cột name) dài quá 5 ký tự"},
		{"jsonl a long list item", JSONL, `{"type":"job","priority_groups":["abcdef"]}`, "Một ô (cột priority_groups)"},
		{"jsonl many keys", JSONL, `{"type":"company","name":"a","city":"hcm","industry":"C","address":"x","email":"y"}`, "Dòng có 5 cột"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &src{run: &run{ignored: map[string]bool{}}, lim: lim, scan: true}
			err := s.read(context.Background(), strings.NewReader(tt.in), tt.format, handlerFor("company"))
			msg, _ := Message(err)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("read(%s) = %v, want no error", tt.name, err)
			case tt.want != "" && !strings.Contains(msg, tt.want):
				t.Errorf("read(%s) = %v (message %q), want a message with %q", tt.name, err, msg, tt.want)
			}
		})
	}
}

// TestReportBounds: a report keeps the first MaxReportErrors problems,
// counts the rest and the rows, and cuts long messages.
func TestReportBounds(t *testing.T) {
	var rep Report
	long := strings.Repeat("ô", 5000)
	for i := 1; i <= MaxReportErrors+10; i++ {
		rep.reject([]RowError{{Line: i, Column: "name", Message: long}})
	}
	if len(rep.Rejected) != MaxReportErrors || rep.OmittedErrors != 10 || rep.RejectedRows() != MaxReportErrors+10 {
		t.Errorf("report keeps %d, omits %d, counts %d rows; want %d, 10, %d", len(rep.Rejected), rep.OmittedErrors, rep.RejectedRows(), MaxReportErrors, MaxReportErrors+10)
	}
	if n := len([]rune(rep.Rejected[0].Message)); n != maxMessageChars+1 {
		t.Errorf("a long message is cut to %d characters, want %d and an ellipsis", n, maxMessageChars+1)
	}
}

// TestSweepTemp: folders of processes that are gone and old excelize
// files are removed; a live process's folder and fresh files are kept.
func TestSweepTemp(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, isDir bool, age time.Duration) string {
		p := filepath.Join(dir, name)
		var err error
		if isDir {
			err = os.MkdirAll(filepath.Join(p, "excelize-1"), 0o700)
		} else {
			err = os.WriteFile(p, []byte("x"), 0o600)
		}
		if err == nil {
			err = os.Chtimes(p, time.Now().Add(-age), time.Now().Add(-age))
		}
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	gone := mk(tempPrefix+"999999999-1", true, 0) // no such process
	ours := mk(tempPrefix+strconv.Itoa(os.Getpid())+"-1", true, 0)
	parent := mk(tempPrefix+strconv.Itoa(os.Getppid())+"-1", true, 0)
	old := mk("excelize-123", false, 2*time.Hour)
	fresh := mk("excelize-456", false, time.Minute)
	other := mk("unrelated", false, 48*time.Hour)
	n, err := SweepTemp(dir, time.Now())
	if err != nil || n != 2 {
		t.Errorf("SweepTemp = %d, %v; want 2 removed", n, err)
	}
	for p, want := range map[string]bool{gone: false, old: false, ours: true, parent: true, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("after the sweep, %s exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// TestCheckXLSXParts: images are sized, not scanned as XML (random bytes
// would look like deep nonsense XML), while a part the relationships name
// as a sheet is scanned whatever its name.
func TestCheckXLSXParts(t *testing.T) {
	build := func(parts map[string][]byte) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, b := range parts {
			w, err := zw.Create(name)
			if err == nil {
				_, err = w.Write(b)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	noise := make([]byte, 2<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	rels := func(target string) []byte {
		return []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="` + target + `"/></Relationships>`)
	}
	deep := []byte(strings.Repeat("<a>", maxXMLDepth+1))
	tests := []struct {
		name  string
		parts map[string][]byte
		want  string // "" for no error
	}{
		{"an image of noise", map[string][]byte{"xl/_rels/workbook.xml.rels": rels("worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml": []byte("<worksheet/>"), "xl/media/image1.png": noise}, ""},
		{"bad XML in an .xml part", map[string][]byte{"xl/worksheets/sheet1.xml": deep}, "nested deeper"},
		{"a sheet named like an image", map[string][]byte{"xl/_rels/workbook.xml.rels": rels("media/image1.png"), "xl/media/image1.png": deep}, "nested deeper"},
		{"a sheet named like an image, absolute", map[string][]byte{"xl/_rels/workbook.xml.rels": rels("/xl/media/image1.png"), "xl/media/image1.png": deep}, "nested deeper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkXLSX(build(tt.parts), DefaultLimits())
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("checkXLSX(%s) = %v, want nil", tt.name, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("checkXLSX(%s) = %v, want an error about %q", tt.name, err, tt.want)
			}
		})
	}
}
