package web_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoptac/internal/testenv"
)

// TestImportTemplates: the upload page lists each type's columns with
// what they take and links its templates; a template filled in as people
// write imports whatever the file's name, the type told by its header or
// its sheet's name.
func TestImportTemplates(t *testing.T) {
	t.Parallel()
	_, b, token := canThoEditor(t, "ba@cantho.gov.vn")

	page := b.do(http.MethodGet, "/admin/nhap-du-lieu", nil)
	for _, want := range []string{"/admin/nhap-du-lieu/mau/job.xlsx", "/admin/nhap-du-lieu/mau/company.csv",
		"<code>employment_type</code>", "Toàn thời gian; Bán thời gian", "Bắt buộc", "tối đa 4 MB"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("upload page lacks %q", want)
		}
	}

	r := b.do(http.MethodGet, "/admin/nhap-du-lieu/mau/company.csv", nil)
	if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Disposition"), "mau-companies.csv") {
		t.Fatalf("CSV template = %d %q", r.status, r.header.Get("Content-Disposition"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV template: %v rows, %v", len(rows), err)
	}
	set := func(col, v string) {
		for i, h := range rows[0] {
			if h == col {
				rows[1][i] = v
				return
			}
		}
		t.Fatalf("CSV template has no column %s: %v", col, rows[0])
	}
	if got := strings.Join(rows[1], "|"); !strings.Contains(got, "TP. Hồ Chí Minh") {
		t.Errorf("example row %q: want the city by name", got)
	}
	set("tax_code", testenv.TaxCode(t, 4100))
	set("city", "Can Tho")
	set("ward", "Ninh Kiều")
	var filled bytes.Buffer
	w := csv.NewWriter(&filled)
	_ = w.WriteAll(rows)
	up := b.upload("/admin/nhap-du-lieu", token, "doanh-nghiep-thang-12.csv", filled.String(), nil)
	if up.status != http.StatusOK || !strings.Contains(up.body, "Xác nhận nhập 1 dòng") {
		t.Fatalf("preview of the filled CSV template = %d: %.1500s", up.status, up.body)
	}

	x := b.do(http.MethodGet, "/admin/nhap-du-lieu/mau/job.xlsx", nil)
	if x.status != http.StatusOK {
		t.Fatalf("XLSX template = %d", x.status)
	}
	f, err := excelize.OpenReader(strings.NewReader(x.body), excelize.Options{TmpDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Việc làm|Giá trị cho phép|Hướng dẫn cột" {
		t.Errorf("XLSX template sheets = %q", got)
	}
	values, _ := f.GetRows("Giá trị cho phép")
	var text strings.Builder
	for _, row := range values {
		text.WriteString(strings.Join(row, "|") + "\n")
	}
	for _, want := range []string{"employment_type|full_time|Toàn thời gian", "ward|26737|Phường Tân Định (TP. Hồ Chí Minh)|Quận 1", "occupation|8|8 – Thợ lắp ráp"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("allowed values sheet lacks %q", want)
		}
	}
	// A sheet named otherwise is still jobs by its header (its example row
	// is of TP. Hồ Chí Minh, refused to a Cần Thơ editor).
	_ = f.SetSheetName("Việc làm", "Tháng 12")
	var buf bytes.Buffer
	_ = f.Write(&buf)
	up = b.upload("/admin/nhap-du-lieu", token, "bang-tinh", buf.String(), nil)
	if up.status != http.StatusOK || !strings.Contains(up.body, "Tháng 12 · 2") || !strings.Contains(up.body, "Bạn không có quyền nhập dữ liệu của TP. Hồ Chí Minh") || strings.Contains(up.body, "trang tính sau không mang tên") {
		t.Errorf("preview of the XLSX template = %d: %s", up.status, up.body[strings.Index(up.body, "<main"):])
	}
}
