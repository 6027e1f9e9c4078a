package web_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// TestSearchAsYouTypeInABrowser types into the search box of a real
// browser and checks that results arrive without a page load, that typing
// and submitting make one history entry and the live region says only the
// count, that a tab click filters without a load either, and that Back
// shows the search the box then held.
func TestSearchAsYouTypeInABrowser(t *testing.T) {
	t.Parallel()
	st, e := indexedDemo(t)
	app := newApp(t, st, withEngine(e))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = app.Listener(ln) }()
	t.Cleanup(func() { _ = app.Shutdown() })
	base := "http://" + ln.Addr().String()

	browser := testenv.Browser(t)
	ctx, cancel := context.WithTimeout(browser, 30*time.Second)
	defer cancel()
	within := chromedp.WithPollingTimeout(10 * time.Second)

	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/tim-kiem"),
		chromedp.WaitVisible(chromedp.CSS("#s-q")),
		// A page load would wipe this variable.
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`window.__sameDocument = true`)(ctx, t)
			return err
		}),
		chromedp.SendKeys(chromedp.CSS("#s-q"), "ke toan"),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Poll[bool](`document.querySelector("#search-results").innerText.includes("Kế toán")`, within)(ctx, t)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("typing a query: %v", err)
	}
	results, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-results")))
	if err != nil {
		t.Fatal(err)
	}
	url, _ := chromedp.Run(ctx, chromedp.Location())
	same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__sameDocument === true`))
	if !same || !strings.Contains(url, "q=ke+toan") || !strings.Contains(results, "Tìm thấy") {
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
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`document.querySelector("#search-form").requestSubmit(), true`)(ctx, t)
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the submitted search's answer
	if after, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`history.length`)); after != entries {
		t.Errorf("submitting what was typed: history %d → %d entries, want the typed entry reused", entries, after)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Việc làm")]`)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Poll[bool](`location.search.includes("type=job") &&
				document.querySelector(".tabs a[aria-current]").innerText.includes("Việc làm")`, within)(ctx, t)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("clicking the jobs tab: %v", err)
	}
	if same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__sameDocument === true`)); !same {
		t.Error("the tab click reloaded the page")
	}

	err = chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`history.back(), true`)(ctx, t)
			return err
		}),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Poll[bool](`!location.search.includes("type=job") && location.search.includes("q=ke+toan") &&
				document.querySelector("#s-q").value === "ke toan" &&
				document.querySelector(".tabs a[aria-current]").innerText.includes("Tất cả")`, within)(ctx, t)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("Back after the tab click: %v", err)
	}
}

// browse opens a browser tab with a minute to do its work, and a step
// function that runs named actions and fails the test with the page.
func browse(t *testing.T) (context.Context, func(name string, actions ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	browser := testenv.Browser(t)
	ctx, cancel := context.WithTimeout(browser, 60*time.Second)
	t.Cleanup(cancel)
	return ctx, func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			html, _ := chromedp.Run(browser, chromedp.OuterHTML(chromedp.CSS("main")))
			t.Fatalf("%s: %v\npage: %.2500s", name, err, html)
		}
	}
}

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
