package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

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
