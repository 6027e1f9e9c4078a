package web_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoptac/internal/testenv"
)

// upload posts a file through the import page's multipart form.
func (b *browser) upload(path, token, filename, content string, fields map[string]string) response {
	b.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", token)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	part, _ := w.CreateFormFile("file", filename)
	_, _ = io.WriteString(part, content)
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := b.app.Test(req, -1)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/admin/nhap-du-lieu/xem-truoc/") {
		return b.do(http.MethodGet, resp.Header.Get("Location"), nil) // as a browser follows it
	}
	return response{status: resp.StatusCode, body: string(raw), location: resp.Header.Get("Location"), header: resp.Header}
}

func TestUploadPreviewsThenImportsOnConfirmation(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "an@cantho.gov.vn")
	good := testenv.TaxCode(t, 7000)
	other := testenv.TaxCode(t, 8000)
	csv := "\ufeffexternal_id;tax_code;name;industry;city;employees\n" +
		"CT-1;" + good + ";Công ty Gạo Cái Răng;C;cantho;120\n" +
		"CT-2;0100109107;Công ty Sai Mã;C;cantho;10\n" +
		"HCM-1;" + other + ";Công ty Ngoài Phạm Vi;G;hcm;5\n"

	r := b.upload("/admin/nhap-du-lieu", token, "companies.csv", csv, map[string]string{"publish": "1"})
	if r.status != http.StatusOK {
		t.Fatalf("preview = %d: %.500s", r.status, r.body)
	}
	for _, want := range []string{"Xem trước", "Sẽ tạo mới", "2 dòng bị từ chối", "Mã số thuế", "Xác nhận nhập 1 dòng"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if n := count(t, st, "companies"); n != 0 {
		t.Fatalf("the preview wrote %d companies", n)
	}
	m := regexp.MustCompile(`name="token" value="([^"]+)"`).FindStringSubmatch(r.body)
	if m == nil {
		t.Fatal("no confirmation token in the preview")
	}
	confirm := b.do(http.MethodPost, "/admin/nhap-du-lieu/xac-nhan", formOf("_csrf", token, "token", m[1], "publish", "1"))
	if confirm.status != http.StatusOK || !strings.Contains(confirm.body, "Đã nhập") {
		t.Fatalf("confirm = %d", confirm.status)
	}
	c, err := st.CompanyByTaxCode(ctx, good)
	if err != nil || c.Status != "published" || c.City != "cantho" {
		t.Fatalf("imported company = %+v, %v", c, err)
	}
	if n := count(t, st, "companies"); n != 1 {
		t.Errorf("companies = %d, want only the good row", n)
	}
	// The token works once.
	again := b.do(http.MethodPost, "/admin/nhap-du-lieu/xac-nhan", formOf("_csrf", token, "token", m[1]))
	if again.status != http.StatusUnprocessableEntity || !strings.Contains(again.body, "Không tìm thấy tệp") {
		t.Errorf("second confirm = %d, want a clear refusal", again.status)
	}
}

func formOf(kv ...string) map[string][]string {
	out := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = []string{kv[i+1]}
	}
	return out
}

// TestUploadRefusalsAreVietnamese: a file the importer cannot read is
// explained in Vietnamese; the English error stays in the log.
func TestUploadRefusalsAreVietnamese(t *testing.T) {
	t.Parallel()
	_, b, token := canThoEditor(t, "lan@cantho.gov.vn")
	tests := []struct{ name, file, content, want string }{
		{"a header naming no column", "viec-lam.csv", "mã;tên\n1;2\n", "Dòng tiêu đề của tệp không có cột nào"},
		{"UTF-16", "companies.csv", "\xff\xfet\x00a\x00x\x00", "UTF-16"},
	}
	for _, tt := range tests {
		r := b.upload("/admin/nhap-du-lieu", token, tt.file, tt.content, map[string]string{"type": "job"})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, tt.want) {
			t.Errorf("upload of %s = %d, want 422 saying %q:\n%.1500s", tt.name, r.status, tt.want, r.body)
		}
		for _, english := range []string{"names no column", "encoded", "import:"} {
			if strings.Contains(r.body, english) {
				t.Errorf("upload of %s shows the English error (%q) to the official", tt.name, english)
			}
		}
	}
}

// TestImportPreviewRowByRow: the preview lists every row with what will
// happen to it — created, updated (old → new), unchanged, rejected with
// the column's label and a Vietnamese message — in pages, narrowed by
// verdict; a NUL byte is rejected in the preview as on confirm, and the
// page never shows a database error.
func TestImportPreviewRowByRow(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "chi@cantho.gov.vn")
	header := "external_id;tax_code;name;industry;city\n"
	first := header + "A;" + testenv.TaxCode(t, 100) + ";Công ty Cũ;C;Cần Thơ\nB;" + testenv.TaxCode(t, 200) + ";Công ty Giữ;C;Cần Thơ\n"
	confirmFile(t, b, token, first, "1")

	file := header + "A;" + testenv.TaxCode(t, 100) + ";Công ty Mới;C;Cần Thơ\n" +
		"B;" + testenv.TaxCode(t, 200) + ";Công ty Giữ;C;Cần Thơ\n" +
		"N;" + testenv.TaxCode(t, 300) + ";Công ty\x00NUL;C;Cần Thơ\n"
	for i := range 60 {
		file += fmt.Sprintf("M%d;%s;Công ty Số %d;C;Can Tho\n", i, testenv.TaxCode(t, 1000+i*20), i)
	}
	r := b.upload("/admin/nhap-du-lieu", token, "tep.csv", file, nil)
	if r.status != http.StatusOK {
		t.Fatalf("preview = %d: %.300s", r.status, r.body)
	}
	for _, want := range []string{"<strong>Cập nhật</strong>", "Tên doanh nghiệp: <del>Công ty Cũ</del> → <ins>Công ty Mới</ins>",
		"<strong>Không đổi</strong>", "<strong>Tạo mới</strong>", "<strong>Bị từ chối</strong>", "Trang 2", "Xác nhận nhập 61 dòng"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if strings.Contains(r.body, "pq:") || strings.Contains(r.body, "invalid byte") {
		t.Error("the preview shows a database error")
	}
	page2 := regexp.MustCompile(`href="(/admin/nhap-du-lieu/xem-truoc/[^"]+trang=2[^"]*)"`).FindStringSubmatch(r.body)
	if page2 == nil {
		t.Fatal("no link to page 2")
	}
	p2 := b.do(http.MethodGet, strings.ReplaceAll(page2[1], "&amp;", "&"), nil)
	if !strings.Contains(p2.body, "M59") || strings.Contains(p2.body, ">M0<") {
		t.Errorf("page 2 does not list the last rows only")
	}
	rej := regexp.MustCompile(`href="(/admin/nhap-du-lieu/xem-truoc/[^"]+chi=rejected[^"]*)"`).FindStringSubmatch(r.body)
	if rej == nil {
		t.Fatal("no link to the rejected rows")
	}
	only := b.do(http.MethodGet, strings.ReplaceAll(rej[1], "&amp;", "&"), nil)
	if strings.Count(only.body, "<strong>Bị từ chối</strong>") != 1 || strings.Contains(only.body, "<strong>Tạo mới</strong>") {
		t.Errorf("the rejected view lists other rows")
	}
	res := confirmPreview(t, b, token, r.body)
	for _, want := range []string{"Đã tạo mới</dt><dd>60", "Đã cập nhật</dt><dd>1", "Bị từ chối</dt><dd>1"} {
		if !strings.Contains(res, want) {
			t.Errorf("result lacks %q", want)
		}
	}
	if strings.Contains(res, "pq:") {
		t.Error("the result shows a database error")
	}
	if n := count(t, st, "companies"); n != 62 {
		t.Errorf("companies = %d, want 2 + 60", n)
	}
}

// confirmFile uploads and confirms a file.
func confirmFile(t *testing.T, b *browser, token, file, publish string) string {
	t.Helper()
	r := b.upload("/admin/nhap-du-lieu", token, "tep.csv", file, map[string]string{"publish": publish})
	if r.status != http.StatusOK {
		t.Fatalf("preview = %d: %.300s", r.status, r.body)
	}
	return confirmPreview(t, b, token, r.body)
}

func confirmPreview(t *testing.T, b *browser, token, preview string) string {
	t.Helper()
	m := regexp.MustCompile(`name="token" value="([^"]+)"`).FindStringSubmatch(preview)
	if m == nil {
		t.Fatal("no confirmation token in the preview")
	}
	form := formOf("_csrf", token, "token", m[1])
	if strings.Contains(preview, `name="publish" value="1"`) {
		form["publish"] = []string{"1"}
	}
	r := b.do(http.MethodPost, "/admin/nhap-du-lieu/xac-nhan", form)
	if r.status != http.StatusOK {
		t.Fatalf("confirm = %d: %.300s", r.status, r.body)
	}
	return r.body
}

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
