package importer

import (
	"bufio"
	"errors"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

func TestParseNumber(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in    string
		money bool
		want  int64
		ok    bool
	}{
		{"8000000", true, 8000000, true},
		{"8.000.000", true, 8000000, true},
		{"8,000,000", true, 8000000, true},
		{"8 000 000", true, 8000000, true},
		{"8\u00a0000\u00a0000", true, 8000000, true},
		{"8.000.000 đ", true, 8000000, true},
		{"8000000 VND", true, 8000000, true},
		{"-5", false, -5, true},
		{"+12", false, 12, true},
		{"1.200", false, 1200, true},
		{"8.5", true, 0, false},
		{"8.000,000", true, 0, false},
		{"80.00.000", true, 0, false},
		{"1e6", true, 0, false},
		{"mười", false, 0, false},
		{"", false, 0, false},
		{"99999999999999999999", false, 0, false},
	} {
		got, ok := parseNumber(c.in, c.money)
		if got != c.want || ok != c.ok {
			t.Errorf("parseNumber(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	r := &run{}
	c := &rowCtx{r: r, rec: &record{}}
	x := &rowCtx{r: r, rec: &record{xlsx: true}}
	for _, tc := range []struct {
		c    *rowCtx
		in   string
		want string
	}{
		{c, "2025-12-31", "2025-12-31"},
		{c, "31/12/2025", "2025-12-31"},
		{c, "1/7/2025", "2025-07-01"},
		{c, "29/02/2024", "2024-02-29"},
		{c, "29/02/2025", ""},
		{c, "31/02/2026", ""},
		{c, "2025-13-01", ""},
		{c, "12/31/2025", ""},
		{c, "31-12-2025", ""},
		{c, "46022", ""}, // a serial number only counts in a spreadsheet
		{x, "46022", "2025-12-31"},
		{x, "46022.5", ""},
	} {
		got, ok := tc.c.parseDate(tc.in)
		if (tc.want == "") == ok || (ok && got.Format("2006-01-02") != tc.want) {
			t.Errorf("parseDate(%q, xlsx %v) = %v, %v; want %q", tc.in, tc.c.rec.xlsx, got, ok, tc.want)
		}
	}
}

func TestSniffDelimiter(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]rune{
		"a;b;c\n1,5;2;3\n":       ';',
		"a,b,c\n1;2;3\n":         ',',
		"\"a;b\",c,d\n":          ',',
		"a\tb\tc\n":              '\t',
		"external_id\n":          ',',
		"external_id;title":      ';',
		"a,b;c;d\r\n1,2;3;4\r\n": ';',
		"\"x,y,z\";\"u,v\";w\n":  ';',
		"title,\"a;b;c;d;e\"\n":  ',',
	} {
		if got := sniffDelimiter(bufio.NewReader(strings.NewReader(in))); got != want {
			t.Errorf("sniffDelimiter(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormTaxCode(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"0312345673":     "0312345673",
		"312345673":      "0312345673", // a number cell lost the leading zero
		" 0312 345 673 ": "0312345673",
		"0312345673-001": "0312345673-001",
		"31234567":       "31234567",
	} {
		if got := normTaxCode(in); got != want {
			t.Errorf("normTaxCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadLine(t *testing.T) {
	t.Parallel()
	br := bufio.NewReaderSize(strings.NewReader(strings.Repeat("x", 40)+"\nshort\nlast"), 16)
	var got []string
	for {
		line, tooLong, err := readLine(br, 32)
		if tooLong {
			got = append(got, "<too long>")
		} else {
			got = append(got, string(line))
		}
		if err != nil {
			break
		}
	}
	if strings.Join(got, "|") != "<too long>|short|last" {
		t.Errorf("lines = %q", got)
	}
}

// TestFailWrite: a write the database refuses rejects the row on the
// right column; any other error stops the import.
func TestFailWrite(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		err    error
		column string
		msg    string
		fatal  bool
	}{
		{&store.ConstraintError{Constraint: "jobs_ward_city_fkey", Table: "jobs", Field: "ward_code", Rule: store.RuleForeignKey}, "ward", "Phường/xã không thuộc thành phố đã chọn.", false},
		{&store.ConstraintError{Constraint: "jobs_ward_code_fkey", Table: "jobs", Field: "ward_code", Rule: store.RuleForeignKey}, "ward", "Phường/xã không có trong danh mục hoặc không tồn tại.", false},
		{&store.ConstraintError{Constraint: "jobs_company_id_fkey", Table: "jobs", Field: "company_id", Rule: store.RuleForeignKey}, "company_tax_code", "Doanh nghiệp không có trong danh mục hoặc không tồn tại.", false},
		{&store.ConstraintError{Constraint: "jobs_department_code_fkey", Table: "jobs", Field: "department_code", Rule: store.RuleForeignKey}, "", "Cơ quan công bố không có trong danh mục hoặc không tồn tại.", false},
		{domain.FieldErrors{"company": "m"}, "company_tax_code", "m", false},
		{store.ErrConflict, "", "Mục này vừa được người khác sửa trong lúc nhập, nên chưa được ghi: hãy nhập lại tệp.", false},
		{errors.New("connection refused"), "", "", true},
	} {
		rc := &rowCtx{h: jobSpec, rec: &record{line: 9}}
		var res RowResult
		err := rc.failWrite(&res, c.err, jobSpec.colOf)
		if c.fatal {
			if err == nil || res.Action != "" {
				t.Errorf("failWrite(%v) = %v, %+v; want a fatal error", c.err, err, res)
			}
			continue
		}
		if err != nil || res.Action != Rejected || len(res.Errors) != 1 || res.Errors[0].Column != c.column || res.Errors[0].Message != c.msg || res.Errors[0].Line != 9 {
			t.Errorf("failWrite(%v) = %v, %+v; want line 9 [%s] %s", c.err, err, res, c.column, c.msg)
		}
	}
}

func TestHandlerFor(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"job": "job", "Jobs": "job", "Việc làm": "job", "viec-lam": "job", "companies": "company",
		"Doanh nghiệp": "company", "Cơ sở GDNN": "school", "programs": "program", "policies": "policy",
		"Nhiệm vụ hợp tác": "commitment", "Hướng dẫn": "",
	} {
		h := handlerFor(name)
		got := ""
		if h != nil {
			got = h.typeName()
		}
		if got != want {
			t.Errorf("handlerFor(%q) = %q, want %q", name, got, want)
		}
	}
}
