package importer_test

import (
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/testenv"
)

// TestImportTextPolicy: the import refuses what the forms refuse — NUL,
// over-long text, links that are not http(s) — row by row, on the column,
// with the same Vietnamese message, and stores nothing of those rows.
func TestImportTextPolicy(t *testing.T) {
	st := testenv.Store(t)
	row := func(n int, extra string) string {
		return `{"type":"company","tax_code":"` + testenv.TaxCode(t, 7000+100*n) + `","industry":"C","city":"cantho",` + extra + `}`
	}
	jsonl := strings.Join([]string{
		row(1, `"name":"Công ty Một"`),
		row(2, `"name":"Công ty\u0000Hai"`),
		row(3, `"name":"`+strings.Repeat("Ư", 301)+`"`),
		row(4, `"name":"Công ty Bốn","description":"`+strings.Repeat("d", 10001)+`"`),
		row(5, `"name":"Công ty Năm","website":"ftp://example.org"`),
	}, "\n")
	var res result
	rep, err := importer.Import(ctx, st, strings.NewReader(jsonl), importer.JSONL, importer.Options{OnRow: collect(&res)})
	if err != nil || rep.Created != 1 || rep.RejectedRows() != 4 {
		t.Fatalf("import = %+v, %v; want 1 created, 4 rejected (%v)", rep, err, res.rejected)
	}
	want := []rejection{
		{"company", 2, "name", domain.MsgBadText},
		{"company", 3, "name", domain.TooLongMessage(300)},
		{"company", 4, "description", domain.TooLongMessage(10000)},
		{"company", 5, "website", "Địa chỉ web phải bắt đầu bằng http:// hoặc https://."},
	}
	sameRejections(t, "text policy", res.rejected, want)
	if n := testenv.Count(t, st, `SELECT count(*) FROM companies`); n != 1 {
		t.Errorf("%d companies stored, want 1", n)
	}
}
