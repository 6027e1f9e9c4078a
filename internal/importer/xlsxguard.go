package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// checkXLSX reads every part of an XLSX archive once, decompressing it for
// real (the sizes in zip headers are the sender's word) and scanning its
// XML, before excelize is given the file. excelize's decoder keeps a whole
// text run, tag or element in memory, parses some parts whole when the
// file is opened and keeps small parts in memory: what it is given has to
// be bounded first.
func checkXLSX(b []byte, lim Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadXLSX, err)
	}
	if len(zr.File) > maxZipEntries {
		return errStructure(fmt.Sprintf("hơn %s phần trong tệp", vnInt(maxZipEntries)), maxZipEntries,
			fmt.Sprintf("%d zip entries, more than %d", len(zr.File), maxZipEntries))
	}
	xmlParts, err := parsedParts(zr)
	if err != nil {
		return err
	}
	var total, inMemory int64
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if strings.HasSuffix(name, "/") {
			continue
		}
		// excelize spills big sheets and string tables to a temp file;
		// everything else stays in memory, and some is parsed whole.
		spills := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
		partMax := lim.MaxXLSXUnzipped
		if !spills && (strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")) {
			partMax = maxOtherPart
		}
		declared := f.UncompressedSize64
		if declared > uint64(partMax) {
			return partTooBig(name, partMax, lim)
		}
		// Read no more than the part may hold, nor more than the
		// ratio allows from its compressed size.
		readMax := partMax
		if byRatio := int64(f.CompressedSize64) * lim.MaxXLSXRatio; byRatio < readMax {
			readMax = max(byRatio, ratioFloor)
		}
		if declared > uint64(readMax) {
			return errRatio(lim.MaxXLSXRatio, f.Name)
		}
		total += int64(declared)
		if total > lim.MaxXLSXUnzipped {
			return errUnzipped(lim.MaxXLSXUnzipped)
		}
		if !spills || declared <= xmlSpillSize {
			if inMemory += int64(declared); inMemory > maxInMemoryParts {
				return errStructure("các phần không phải trang tính lớn quá "+vnSize(maxInMemoryParts), maxInMemoryParts,
					fmt.Sprintf("more than %d bytes of parts kept in memory", maxInMemoryParts))
			}
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%w: part %s: %v", ErrBadXLSX, f.Name, err)
		}
		// XML parts are scanned; images and other binary parts are
		// only sized (their bytes would look like nonsense XML).
		var w io.Writer = io.Discard
		if xmlParts[name] || isXMLName(name) {
			w = newXMLGuard()
		}
		n, err := io.Copy(w, io.LimitReader(rc, readMax+1))
		rc.Close()
		if le := (*LimitError)(nil); errors.As(err, &le) {
			return le
		}
		if err != nil {
			return fmt.Errorf("%w: part %s: %v", ErrBadXLSX, f.Name, err)
		}
		if n > readMax {
			if readMax < partMax {
				return errRatio(lim.MaxXLSXRatio, f.Name)
			}
			return partTooBig(name, partMax, lim)
		}
	}
	return nil
}

// isXMLName tells an XML part by its name.
func isXMLName(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, ".vml")
}

// parsedRelTypes are the relationships whose target excelize parses as
// XML, whatever the target's name (a sheet may be called image1.png).
var parsedRelTypes = []string{"/officeDocument", "/worksheet", "/chartsheet", "/dialogsheet", "/sharedStrings", "/styles", "/theme", "/calcChain"}

// parsedParts lists (lower-cased) the parts that relationships name as
// parsed XML. The .rels parts are checked like any part before they are
// read.
func parsedParts(zr *zip.Reader) (map[string]bool, error) {
	out := map[string]bool{}
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		if f.UncompressedSize64 > maxOtherPart {
			return nil, errStructure("phần "+name+" lớn quá "+vnSize(maxOtherPart), maxOtherPart, fmt.Sprintf("part %s larger than %d bytes", name, maxOtherPart))
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w: part %s: %v", ErrBadXLSX, f.Name, err)
		}
		var buf bytes.Buffer
		_, err = io.Copy(io.MultiWriter(&buf, newXMLGuard()), io.LimitReader(rc, maxOtherPart+1))
		rc.Close()
		if le := (*LimitError)(nil); errors.As(err, &le) {
			return nil, le
		}
		if err != nil {
			return nil, fmt.Errorf("%w: part %s: %v", ErrBadXLSX, f.Name, err)
		}
		var rels struct {
			Rel []struct {
				Type, Target, TargetMode string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(buf.Bytes(), &rels) != nil {
			continue // excelize will say what is wrong
		}
		// xl/_rels/workbook.xml.rels is about xl/workbook.xml: targets
		// are relative to xl/.
		base := path.Dir(path.Dir(name))
		for _, r := range rels.Rel {
			if strings.EqualFold(r.TargetMode, "External") || !parsedType(r.Type) {
				continue
			}
			target := strings.ToLower(strings.ReplaceAll(r.Target, "\\", "/"))
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(base, target)
			}
			out[target] = true
		}
	}
	return out, nil
}

func parsedType(t string) bool {
	for _, suffix := range parsedRelTypes {
		if strings.HasSuffix(t, suffix) {
			return true
		}
	}
	return false
}

func partTooBig(name string, max int64, lim Limits) *LimitError {
	if max == lim.MaxXLSXUnzipped {
		return errUnzipped(max)
	}
	return errStructure("phần "+name+" lớn quá "+vnSize(max), max, fmt.Sprintf("part %s larger than %d bytes", name, max))
}

// xmlGuard scans XML as it is written, byte by byte, and fails once a
// token (tag, text run, comment, CDATA section, declaration), the nesting
// depth, a <row> or <si> element, the cells of a row, the rows of a sheet
// or the strings of a table pass their bound. It keeps no more than an
// element name, so its own memory is constant.
type xmlGuard struct {
	state    uint8
	tok      int64  // bytes of the current token
	name     []byte // the element name being read, prefix included, cut at 32
	closing  bool   // the tag being read is an end tag
	prev     byte
	quote    byte
	tail     [2]byte
	bang     []byte
	declNest int
	depth    int
	rowBytes int64 // -1 outside a row
	cells    int
	rows     int
	siBytes  int64 // -1 outside a shared string
	strings  int
}

const (
	gText uint8 = iota
	gName
	gTag
	gQuoted
	gBang
	gComment
	gCDATA
	gPI
	gDecl
)

func newXMLGuard() *xmlGuard { return &xmlGuard{rowBytes: -1, siBytes: -1} }

func (g *xmlGuard) Write(p []byte) (int, error) {
	for i, c := range p {
		if err := g.byte(c); err != nil {
			return i, err
		}
	}
	return len(p), nil
}

func (g *xmlGuard) byte(c byte) error {
	if err := g.count(); err != nil {
		return err
	}
	switch g.state {
	case gText:
		if c == '<' {
			g.state, g.name, g.closing, g.tok = gName, g.name[:0], false, 1
		}
	case gName:
		return g.byteName(c)
	case gTag:
		switch c {
		case '"', '\'':
			g.state, g.quote = gQuoted, c
		case '>':
			return g.tagEnd()
		}
		g.prev = c
	case gQuoted:
		if c == g.quote {
			g.state, g.prev = gTag, c
		}
	case gBang:
		return g.byteBang(c)
	case gComment:
		g.endAfter(c, [2]byte{'-', '-'})
	case gCDATA:
		g.endAfter(c, [2]byte{']', ']'})
	case gPI:
		g.endAfter(c, [2]byte{g.tail[0], '?'})
	case gDecl:
		return g.byteDecl(c)
	}
	return nil
}

// count adds one byte to the current token, row and shared string, and
// fails past their bounds.
func (g *xmlGuard) count() error {
	g.tok++
	if g.tok > maxXMLToken {
		return errStructure("một thẻ, ô hoặc khoảng trắng dài quá "+vnSize(maxXMLToken), maxXMLToken,
			fmt.Sprintf("an XML token longer than %d bytes", maxXMLToken))
	}
	if g.rowBytes >= 0 {
		if g.rowBytes++; g.rowBytes > maxRowXML {
			return errStructure("một dòng dài quá "+vnSize(maxRowXML), maxRowXML, fmt.Sprintf("a <row> longer than %d bytes", maxRowXML))
		}
	}
	if g.siBytes >= 0 {
		if g.siBytes++; g.siBytes > maxSharedString {
			return errStructure("một chuỗi dùng chung dài quá "+vnSize(maxSharedString), maxSharedString,
				fmt.Sprintf("an <si> longer than %d bytes", maxSharedString))
		}
	}
	return nil
}

// byteName reads an element's name, or tells a comment, CDATA section,
// declaration or processing instruction from it.
func (g *xmlGuard) byteName(c byte) error {
	start := len(g.name) == 0 && !g.closing
	switch {
	case start && c == '/':
		g.closing = true
	case start && c == '!':
		g.state, g.bang = gBang, g.bang[:0]
	case start && c == '?':
		g.state, g.tail = gPI, [2]byte{}
	case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>':
		if err := g.element(); err != nil {
			return err
		}
		g.state, g.prev = gTag, c
		if c == '>' {
			return g.tagEnd()
		}
	default:
		if len(g.name) < 32 {
			g.name = append(g.name, c)
		}
	}
	return nil
}

// byteBang reads what follows "<!": a comment, CDATA or a declaration.
func (g *xmlGuard) byteBang(c byte) error {
	g.bang = append(g.bang, c)
	switch b := string(g.bang); {
	case b == "--":
		g.state, g.tail = gComment, [2]byte{}
	case b == "[CDATA[":
		g.state, g.tail = gCDATA, [2]byte{}
	case !strings.HasPrefix("--", b) && !strings.HasPrefix("[CDATA[", b):
		g.state, g.declNest = gDecl, 0
		return g.byteDecl(c)
	}
	return nil
}

// endAfter ends a comment, CDATA section or processing instruction at a
// '>' that follows end (the last two bytes seen).
func (g *xmlGuard) endAfter(c byte, end [2]byte) {
	if c == '>' && g.tail == end {
		g.state, g.tok = gText, 0
	}
	g.tail = [2]byte{g.tail[1], c}
}

func (g *xmlGuard) byteDecl(c byte) error {
	switch c {
	case '[':
		g.declNest++
	case ']':
		g.declNest--
	case '>':
		if g.declNest <= 0 {
			g.state, g.tok = gText, 0
		}
	}
	return nil
}

// local is the element name without its namespace prefix.
func (g *xmlGuard) local() string {
	n := g.name
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		n = n[i+1:]
	}
	return string(n)
}

// element is called once an element's name has been read.
func (g *xmlGuard) element() error {
	name := g.local()
	if g.closing {
		g.depth--
		switch name {
		case "row":
			g.rowBytes = -1
		case "si":
			g.siBytes = -1
		}
		return nil
	}
	switch name {
	case "row":
		if g.rows++; g.rows > excelMaxRows {
			return errStructure("trang tính có hơn "+vnInt(excelMaxRows)+" dòng", excelMaxRows,
				fmt.Sprintf("more than %d rows in a sheet", excelMaxRows))
		}
		g.rowBytes, g.cells = g.tok, 0
	case "c":
		if g.rowBytes >= 0 {
			if g.cells++; g.cells > excelMaxColumns {
				return errStructure("một dòng có hơn "+vnInt(excelMaxColumns)+" ô", excelMaxColumns,
					fmt.Sprintf("more than %d cells in a row", excelMaxColumns))
			}
		}
	case "si":
		if g.strings++; g.strings > maxSharedStrings {
			return errStructure("hơn "+vnInt(maxSharedStrings)+" chuỗi dùng chung", maxSharedStrings,
				fmt.Sprintf("more than %d shared strings", maxSharedStrings))
		}
		g.siBytes = g.tok
	}
	return nil
}

// tagEnd is called on the '>' closing a start or end tag.
func (g *xmlGuard) tagEnd() error {
	g.state, g.tok = gText, 0
	if g.closing {
		return nil
	}
	if g.prev == '/' { // <row/>, <si/>: empty, already closed
		switch g.local() {
		case "row":
			g.rowBytes = -1
		case "si":
			g.siBytes = -1
		}
		return nil
	}
	if g.depth++; g.depth > maxXMLDepth {
		return errStructure("các thẻ lồng nhau quá "+strconv.Itoa(maxXMLDepth)+" tầng", maxXMLDepth,
			fmt.Sprintf("XML nested deeper than %d", maxXMLDepth))
	}
	return nil
}

// tempPrefix names the folders excelize's temp files go to: one per
// XLSX read, named after the process, removed when the read ends.
const tempPrefix = "hoptac-import-"

func newTempDir() (string, error) {
	return os.MkdirTemp("", tempPrefix+strconv.Itoa(os.Getpid())+"-")
}

// SweepTemp removes what imports that never finished (the process was
// killed) left in dir, normally os.TempDir(): our folders whose process
// is gone, and excelize temp files of older versions (excelize-*) not
// touched for an hour. It returns how many it removed.
func SweepTemp(dir string, now time.Time) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	var errs []error
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, tempPrefix) && e.IsDir():
			pidText, _, _ := strings.Cut(strings.TrimPrefix(name, tempPrefix), "-")
			pid, err := strconv.Atoi(pidText)
			if err != nil || pid <= 0 || alive(pid) {
				continue
			}
			if err := os.RemoveAll(path); err != nil {
				errs = append(errs, err)
				continue
			}
			removed++
		case strings.HasPrefix(name, "excelize-") && e.Type().IsRegular():
			info, err := e.Info()
			if err != nil || now.Sub(info.ModTime()) < time.Hour {
				continue
			}
			if err := os.Remove(path); err != nil {
				errs = append(errs, err)
				continue
			}
			removed++
		}
	}
	return removed, errors.Join(errs...)
}

// alive tells whether a process runs with this id (ours included).
func alive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
