package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"hoptac/internal/testenv"
)

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
