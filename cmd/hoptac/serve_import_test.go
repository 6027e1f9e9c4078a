package main

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"hoptac/internal/testenv"
)

// TestServeTakesImportMaxRows: IMPORT_MAX_ROWS reaches the upload page of
// the real binary, which states the limit and refuses a longer file as a
// whole, in Vietnamese.
func TestServeTakesImportMaxRows(t *testing.T) {
	p := startPortal(t, map[string]string{"IMPORT_MAX_ROWS": "2"})
	addOfficial(t, p.store(t), "nhap@hcm.gov.vn", "Sông Sài Gòn mùa nước nổi 9")
	c := clientFrom("127.0.0.1", nil)
	signed := login(t, c, p.url, "nhap@hcm.gov.vn", "Sông Sài Gòn mùa nước nổi 9", nil)
	if signed.status != http.StatusSeeOther {
		t.Fatalf("login = %d, want 303", signed.status)
	}

	req, _ := http.NewRequest(http.MethodGet, p.url+"/admin/nhap-du-lieu", nil)
	status, page := sendWith(t, c, signed.cookies, req)
	m := csrfField.FindStringSubmatch(page)
	if status != http.StatusOK || m == nil || !strings.Contains(page, "2 dòng dữ liệu") {
		t.Fatalf("upload page = %d; want it to state the limit of 2 rows:\n%.2000s", status, page)
	}

	var file strings.Builder
	file.WriteString("tax_code;name;industry;city\n")
	for i := 1; i <= 3; i++ {
		file.WriteString(testenv.TaxCode(t, 7300+i) + ";Công ty " + strconv.Itoa(i) + ";C;hcm\n")
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", m[1])
	_ = w.WriteField("type", "company")
	part, _ := w.CreateFormFile("file", "companies.csv")
	_, _ = part.Write([]byte(file.String()))
	_ = w.Close()
	req, _ = http.NewRequest(http.MethodPost, p.url+"/admin/nhap-du-lieu", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	status, page = sendWith(t, c, signed.cookies, req)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "Tệp có hơn 2 dòng dữ liệu") {
		t.Errorf("upload of 3 rows with IMPORT_MAX_ROWS=2 = %d; want 422 naming the limit:\n%.2000s", status, page)
	}
}
