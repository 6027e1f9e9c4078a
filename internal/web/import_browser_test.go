package web_test

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// TestOfficialImportsJobsInABrowserWithoutJavaScript is a Cần Thơ
// official's import, in a browser with scripts off: download the jobs
// template, fill it as people write ("Cần Thơ", "Công nhân…", "8 triệu",
// "31/12/2026") with one bad row, upload it, read each row in the
// preview, fix the bad row, upload again, confirm, and find the jobs
// published on the public site.
func TestOfficialImportsJobsInABrowserWithoutJavaScript(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "khoa@cantho.gov.vn", auth.RoleEditor, "cantho")
	company := testenv.NewCompany(t, st, 9, "cantho", domain.StatusPublished)
	base := serve(t, app)
	ctx, step := browse(t)
	noScripts := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	step("log in with scripts off",
		noScripts,
		chromedp.Navigate(base+"/admin"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "khoa@cantho.gov.vn"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Trang quản trị")]`)),
		chromedp.Click(chromedp.Search(`//a[contains(., "Nhập dữ liệu từ tệp")]`)),
		chromedp.WaitVisible(chromedp.CSS("#file")),
	)

	// The template link, downloaded with the browser's session.
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`a[href$="/mau/job.csv"]`), "href"))
	if err != nil || !href.Exists {
		t.Fatalf("no jobs CSV template link: %v", err)
	}
	cookies, err := chromedp.Run(ctx, chromedp.Action[network.GetCookiesResult](func(ctx context.Context, tg *chromedp.Target) (network.GetCookiesResult, error) {
		return cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{URLs: []string{base}})
	}))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, base+href.Value, nil)
	for _, c := range cookies.Cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("download the template: %v %v", resp, err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("template: %d rows, %v", len(rows), err)
	}
	header := rows[0]
	row := func(values map[string]string) []string {
		out := make([]string, len(header))
		for i, h := range header {
			out[i] = values[h]
		}
		return out
	}
	job := func(ext, title, deadline, ward string) []string {
		return row(map[string]string{"external_id": ext, "company_tax_code": company.TaxCode, "title": title,
			"occupation": "Công nhân may", "positions": "20", "wage_min": "8 triệu", "wage_max": "10tr",
			"employment_type": "Toàn thời gian", "education": "Không yêu cầu", "city": "Cần Thơ", "ward": ward, "deadline": deadline})
	}
	write := func(name string, rows ...[]string) string {
		path := filepath.Join(t.TempDir(), name)
		f, _ := os.Create(path)
		w := csv.NewWriter(f)
		_ = w.Write(header)
		_ = w.WriteAll(rows)
		f.Close()
		return path
	}
	first := write("viec-lam-thang-12.csv",
		job("CT-VL-1", "Công nhân may xuất khẩu Cái Răng", "31/12/2026", "Ninh Kiều"),
		job("CT-VL-2", "Công nhân chế biến cá tra Trà Nóc", "31/12/2026", "Phường Bình Thủy"),
		job("CT-VL-3", "Công nhân đóng gói Ô Môn", "31/12/2026", "Tân Định"), // a ward of TP. Hồ Chí Minh
	)
	upload := func(name, path string) {
		step(name,
			chromedp.Navigate(base+"/admin/nhap-du-lieu"),
			chromedp.WaitVisible(chromedp.CSS("#file")),
			chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}),
			chromedp.Click(chromedp.Search(`//button[contains(., "Chạy thử và xem trước")]`)),
			chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Xem trước")]`)),
		)
	}
	upload("upload with a bad row", first)
	preview, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Công nhân may xuất khẩu Cái Răng", "CT-VL-2", "Tạo mới", "Bị từ chối",
		"“Phường Tân Định” thuộc TP. Hồ Chí Minh, không thuộc TP. Cần Thơ", "Xác nhận nhập 2 dòng"} {
		if !strings.Contains(preview, want) {
			t.Errorf("preview lacks %q:\n%s", want, preview)
		}
	}
	fixed := write("viec-lam-thang-12.csv",
		job("CT-VL-1", "Công nhân may xuất khẩu Cái Răng", "31/12/2026", "Ninh Kiều"),
		job("CT-VL-2", "Công nhân chế biến cá tra Trà Nóc", "31/12/2026", "Phường Bình Thủy"),
		job("CT-VL-3", "Công nhân đóng gói Ô Môn", "31/12/2026", "Ô Môn"),
	)
	step("fix the row and upload with publishing",
		chromedp.Navigate(base+"/admin/nhap-du-lieu"),
		chromedp.WaitVisible(chromedp.CSS("#file")),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{fixed}),
		chromedp.Click(chromedp.CSS(`input[name="publish"]`)),
		chromedp.Click(chromedp.Search(`//button[contains(., "Chạy thử và xem trước")]`)),
		chromedp.WaitVisible(chromedp.Search(`//button[contains(., "Xác nhận nhập 3 dòng")]`)),
		chromedp.Click(chromedp.Search(`//button[contains(., "Xác nhận nhập 3 dòng")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Đã nhập")]`)),
	)
	step("find the jobs on the public site",
		chromedp.Navigate(base+"/viec-lam?q=cong+nhan"),
		chromedp.WaitVisible(chromedp.Search(`//a[contains(., "Công nhân đóng gói Ô Môn")]`)),
		chromedp.Click(chromedp.Search(`//a[contains(., "Công nhân may xuất khẩu Cái Răng")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Công nhân may xuất khẩu Cái Răng")]`)),
	)
	page, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{company.Name, "8.000.000", "31/12/2026"} {
		if !strings.Contains(page, want) {
			t.Errorf("the job's page lacks %q", want)
		}
	}
	if n := count(t, st, "jobs"); n != 3 {
		t.Errorf("jobs = %d, want 3", n)
	}
}
