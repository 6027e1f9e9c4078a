package web_test

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
)

// TestSearchAsYouTypeInABrowser types into the search box of a real
// browser and checks that results arrive without a page load, that typing
// and submitting make one history entry and the live region says only the
// count, that a tab click filters without a load either, and that Back
// shows the search the box then held.
func TestSearchAsYouTypeInABrowser(t *testing.T) {
	t.Parallel()
	st, e := indexedDemo(t)
	base, ctx, step := inBrowser(t, newApp(t, st, withEngine(e)), 30*time.Second)

	step("type a query", typeKeToan(base+"/tim-kiem", "Kế toán"))
	results, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-results")))
	if err != nil {
		t.Fatal(err)
	}
	url, _ := chromedp.Run(ctx, chromedp.Location())
	if same := sameDocument(ctx); !same || !strings.Contains(url, "q=ke+toan") || !strings.Contains(results, "Tìm thấy") {
		t.Fatalf("after typing: same document %v, url %q, results %.120q", same, url, results)
	}
	live, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-live").textContent`))
	if !strings.HasPrefix(live, "Có ") || !strings.HasSuffix(live, " kết quả") || len(live) > 40 {
		t.Errorf("live region says %q, want a short count (Có N kết quả)", live)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#search-results").hasAttribute("aria-live")`)); n {
		t.Error("the whole results area is a live region")
	}
	entries, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`history.length`))
	step("submit what was typed", script(`document.querySelector("#search-form").requestSubmit(), true`))
	time.Sleep(300 * time.Millisecond) // the submitted search's answer
	if after, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`history.length`)); after != entries {
		t.Errorf("submitting what was typed: history %d → %d entries, want the typed entry reused", entries, after)
	}

	step("click the jobs tab",
		chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Việc làm")]`)),
		poll(`location.search.includes("type=job") &&
			document.querySelector(".tabs a[aria-current]").innerText.includes("Việc làm")`),
	)
	if !sameDocument(ctx) {
		t.Error("the tab click reloaded the page")
	}
	step("Back after the tab click",
		script(`history.back(), true`),
		poll(`!location.search.includes("type=job") && location.search.includes("q=ke+toan") &&
			document.querySelector("#s-q").value === "ke toan" &&
			document.querySelector(".tabs a[aria-current]").innerText.includes("Tất cả")`),
	)
}

// typeKeToan opens the search page at url, marks the document and types
// "ke toan" until the page holds the answer to the whole of it and the
// results show shown. (The answer to "ke", after a pause on a slow
// machine, already shows "Kế toán".)
func typeKeToan(url, shown string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("#s-q")),
		markDocument,
		chromedp.SendKeys(chromedp.CSS("#s-q"), "ke toan"),
		poll(`location.search.includes("q=ke+toan") &&
			document.querySelector("#search-results").innerText.includes(`+strconv.Quote(shown)+`)`),
	)
}

// script runs js, an expression that ends true, in the page.
func script(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](js)(ctx, t)
		return err
	})
}

// poll waits up to 10 s for js to be true in the page.
func poll(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))(ctx, t)
		return err
	})
}

// markDocument sets a variable a page load would wipe; sameDocument tells
// whether the page still has it.
var markDocument = script(`window.__sameDocument = true`)

func sameDocument(ctx context.Context) bool {
	same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__sameDocument === true`))
	return same
}

// scriptsOff turns JavaScript off in the tab, for the paths that must
// work without it.
var scriptsOff = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	return err
})

// TestOfficialPublishesAJobInABrowser is the official's whole path on a
// phone: log in, create a job with a mistake, read the error summary, fix
// it, publish, and find the job on the public site.
func TestOfficialPublishesAJobInABrowser(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "an@cantho.gov.vn", auth.RoleEditor, "cantho")
	company := testenv.NewCompany(t, st, 7, "cantho", domain.StatusPublished)
	base, ctx, step := inBrowser(t, app, 60*time.Second)
	step("log in", logIn(base, "an@cantho.gov.vn"))
	step("fill a job with a mistake",
		chromedp.Navigate(base+"/admin/jobs/moi"),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Kỹ thuật viên bảo trì máy lạnh"),
		// The company is picked by part of its name: "Tìm" narrows the list.
		chromedp.SendKeys(chromedp.CSS("#f-company_tax_code-q"), "thu nghiem 7"),
		chromedp.Click(chromedp.CSS(`button[name="_pick"]`)),
		chromedp.WaitVisible(chromedp.Search(`//*[@role="status"][contains(., "Tìm thấy 1 mục")]`)),
		chromedp.SetValue(chromedp.CSS("#f-company_tax_code"), company.TaxCode),
		chromedp.SetValue(chromedp.CSS("#f-occupation"), "7"),
		chromedp.SendKeys(chromedp.CSS("#f-positions"), "0"),
		chromedp.SetValue(chromedp.CSS("#f-employment_type"), "full_time"),
		chromedp.SetValue(chromedp.CSS("#f-education"), "trung_cap"),
		chromedp.Submit(chromedp.CSS("#f-title")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	summary, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".error-summary")))
	if err != nil || !strings.Contains(summary, "Số lượng cần tuyển phải lớn hơn 0") {
		t.Fatalf("error summary = %q, %v", summary, err)
	}
	typed, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-title")))
	if typed != "Kỹ thuật viên bảo trì máy lạnh" {
		t.Errorf("the form lost what was typed: %q", typed)
	}
	step("fix it and save",
		chromedp.Click(chromedp.CSS(`.error-summary a[href="#f-positions"]`)),
		chromedp.Clear(chromedp.CSS("#f-positions")),
		chromedp.SendKeys(chromedp.CSS("#f-positions"), "12"),
		chromedp.Submit(chromedp.CSS("#f-title")),
		chromedp.WaitVisible(chromedp.Search(`//button[contains(., "Công bố")]`)),
		chromedp.Click(chromedp.Search(`//button[contains(., "Công bố")]`)),
		chromedp.WaitVisible(chromedp.Search(`//*[contains(., "Đã cập nhật trạng thái: Đã công bố")]`)),
	)
	step("find it on the public site",
		chromedp.Navigate(base+"/viec-lam?q=bao+tri+may+lanh"),
		chromedp.Click(chromedp.Search(`//a[contains(., "Kỹ thuật viên bảo trì máy lạnh")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Kỹ thuật viên bảo trì máy lạnh")]`)),
	)
	page, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"12 người", company.Name, "Lịch sử thay đổi", "Sở Nội vụ Thành phố Cần Thơ"} {
		if !strings.Contains(page, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	if strings.Contains(page, "an@cantho.gov.vn") {
		t.Error("the public page names the official")
	}
}

// inBrowser serves app and opens a browser tab on it for at most d: the
// address, the tab's context, and a step runner that fails the test with
// the page's main content when a step fails.
func inBrowser(t *testing.T, app *fiber.App, d time.Duration) (string, context.Context, func(string, ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	base := serve(t, app)
	browser := testenv.Browser(t)
	ctx, cancel := context.WithTimeout(browser, d)
	t.Cleanup(cancel)
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			html, _ := chromedp.Run(browser, chromedp.OuterHTML(chromedp.CSS("main")))
			t.Fatalf("%s: %v\npage: %.3000s", name, err, html)
		}
	}
	return base, ctx, step
}

// logIn signs the official in through the login form.
func logIn(base, email string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/admin"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Trang quản trị")]`)),
	)
}

// Search as you type works on the English page too: the results come in
// English from /en/search, and a tab click stays in the same document.
func TestEnglishSearchAsYouTypeInABrowser(t *testing.T) {
	t.Parallel()
	st, e := indexedDemo(t)
	base, ctx, step := inBrowser(t, newApp(t, st, withEngine(e)), 60*time.Second)
	step("type a query", typeKeToan(base+"/en/search", "Found"))
	live, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-live").textContent`))
	if !strings.HasSuffix(live, " results") {
		t.Errorf("live region says %q, want an English count", live)
	}
	step("click the jobs tab",
		chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Jobs")]`)),
		poll(`location.pathname === "/en/search" && location.search.includes("type=job") &&
			document.querySelector(".tabs a[aria-current]").innerText.includes("Jobs")`),
	)
	if !sameDocument(ctx) {
		t.Error("the tab click reloaded the page")
	}
}

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
	base, ctx, step := inBrowser(t, app, 60*time.Second)
	step("log in with scripts off",
		scriptsOff,
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

// TestOfficialKeepsTheLedgerInABrowserWithoutJavaScript: with scripts
// off, an official adds two progress updates with evidence, removes one,
// is stopped by the error summary for a javascript: link, fixes it,
// publishes, and finds the update on /hop-tac and in its Atom feed.
func TestOfficialKeepsTheLedgerInABrowserWithoutJavaScript(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t, withDeps(web.Deps{Now: func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }}))
	newUser(t, st, "ba@cantho.gov.vn", auth.RoleEditor, "cantho")
	program := testenv.NewPolicy(t, st, "program")
	m := domain.Commitment{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "cantho-sonv"}, PolicyID: program.ID,
		Title: "Kết nối phiên giao dịch việc làm liên thông", Lead: "cantho", Progress: "in_progress", DueOn: testenv.Ptr(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))}
	must(t, st.Create(ctx, &m))

	base, ctx, step := inBrowser(t, app, 90*time.Second)
	press := func(label string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.Search(`//button[normalize-space(.)="` + label + `"]`))
	}
	step("turn JavaScript off", scriptsOff)
	step("log in", logIn(base, "ba@cantho.gov.vn"))
	edit := base + "/admin/commitments/" + strconv.FormatInt(m.ID, 10) + "/sua"
	step("add a first update with evidence",
		chromedp.Navigate(edit),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		press("Thêm cập nhật"),
		chromedp.WaitVisible(chromedp.CSS("#f-u0_text")),
		chromedp.SendKeys(chromedp.CSS("#f-u0_text"), "Phiên giao dịch việc làm liên thông tháng 3 với 54 doanh nghiệp."),
		press("Thêm minh chứng cho cập nhật 1"),
		chromedp.WaitVisible(chromedp.CSS("#f-u0_e0_url")),
		chromedp.SendKeys(chromedp.CSS("#f-u0_e0_title"), "Thông báo kết quả phiên giao dịch"),
		chromedp.SendKeys(chromedp.CSS("#f-u0_e0_source"), "Trung tâm Dịch vụ việc làm TP. Cần Thơ"),
		chromedp.SendKeys(chromedp.CSS("#f-u0_e0_url"), "https://vieclamcantho.example.org/phien-thang-3"),
	)
	step("add a second update with evidence",
		press("Thêm cập nhật"),
		chromedp.WaitVisible(chromedp.CSS("#f-u1_text")),
		chromedp.SendKeys(chromedp.CSS("#f-u1_text"), "Bản nháp nhầm, sẽ xóa."),
		press("Thêm minh chứng cho cập nhật 2"),
		chromedp.WaitVisible(chromedp.CSS("#f-u1_e0_url")),
		chromedp.SendKeys(chromedp.CSS("#f-u1_e0_title"), "Ảnh hội nghị"),
		chromedp.SendKeys(chromedp.CSS("#f-u1_e0_url"), "https://example.org/anh"),
	)
	kept, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-u0_e0_title")))
	if kept != "Thông báo kết quả phiên giao dịch" {
		t.Fatalf("adding an update lost what was typed: %q", kept)
	}
	step("remove the second",
		press("Xóa cập nhật 2"),
		chromedp.WaitVisible(chromedp.CSS("#f-u0_text")),
		chromedp.WaitNotPresent(chromedp.CSS("#f-u1_text")),
	)
	step("add a javascript: link and save",
		press("Thêm minh chứng cho cập nhật 1"),
		chromedp.WaitVisible(chromedp.CSS("#f-u0_e1_url")),
		chromedp.SendKeys(chromedp.CSS("#f-u0_e1_title"), "Liên kết lạ"),
		chromedp.SendKeys(chromedp.CSS("#f-u0_e1_url"), "javascript:alert(1)"),
		chromedp.Click(chromedp.Search(`//p/button[normalize-space(.)="Lưu"]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	summary, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".error-summary")))
	if err != nil || !strings.Contains(summary, "Cập nhật 1, minh chứng 2: "+domain.MsgEvidenceURL) {
		t.Fatalf("error summary = %q, %v", summary, err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.error-summary a[href="#f-u0_e1_url"]').length`)); n != 1 {
		t.Errorf("the error summary does not link to the link's field")
	}
	step("remove the bad link, save and publish",
		press("Xóa minh chứng 2 của cập nhật 1"),
		chromedp.WaitNotPresent(chromedp.CSS("#f-u0_e1_url")),
		chromedp.Click(chromedp.Search(`//p/button[normalize-space(.)="Lưu"]`)),
		chromedp.WaitVisible(chromedp.Search(`//button[contains(., "Công bố")]`)),
		chromedp.Click(chromedp.Search(`//button[contains(., "Công bố")]`)),
		chromedp.WaitVisible(chromedp.Search(`//*[contains(., "Đã cập nhật trạng thái: Đã công bố")]`)),
	)
	step("see it on /hop-tac",
		chromedp.Navigate(base+"/hop-tac"),
		chromedp.WaitVisible(chromedp.CSS("#dong-thoi-gian")),
	)
	page, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Phiên giao dịch việc làm liên thông tháng 3 với 54 doanh nghiệp.", "Thông báo kết quả phiên giao dịch",
		"nguồn: Trung tâm Dịch vụ việc làm TP. Cần Thơ", "10/03/2026", "Sở Nội vụ Thành phố Cần Thơ", "Thời hạn 31/12/2026"} {
		if !strings.Contains(page, want) {
			t.Errorf("/hop-tac lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Bản nháp nhầm", "Liên kết lạ", "ba@cantho.gov.vn"} {
		if strings.Contains(page, unwanted) {
			t.Errorf("/hop-tac shows %q", unwanted)
		}
	}

	resp, err := http.Get(base + "/feeds/hop-tac.atom")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	feed, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/atom+xml") ||
		!strings.Contains(string(feed), `<feed xmlns="http://www.w3.org/2005/Atom"`) ||
		!strings.Contains(string(feed), "Phiên giao dịch việc làm liên thông tháng 3") ||
		!strings.Contains(string(feed), "https://vieclamcantho.example.org/phien-thang-3") {
		t.Errorf("feed = %d %s\n%.1500s", resp.StatusCode, resp.Header.Get("Content-Type"), feed)
	}
	if strings.Contains(string(feed), "Bản nháp nhầm") || strings.Contains(string(feed), "ba@cantho.gov.vn") {
		t.Error("the feed shows a removed update or the official")
	}
}
