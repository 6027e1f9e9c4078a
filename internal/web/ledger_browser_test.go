package web_test

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
)

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
	must(t, st.CreateCommitment(ctx, &m))

	base, ctx, step := inBrowser(t, app, 90*time.Second)
	press := func(label string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.Search(`//button[normalize-space(.)="` + label + `"]`))
	}
	step("turn JavaScript off", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
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
