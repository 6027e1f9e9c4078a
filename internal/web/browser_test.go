package web_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hoptac/internal/testenv"
)

// TestSearchAsYouTypeInABrowser types into the search box of a real
// browser and checks that results arrive without a page load, and that a
// tab click filters without one either.
func TestSearchAsYouTypeInABrowser(t *testing.T) {
	st, e := indexedDemo(t, "t_browser")
	app := newAppWith(t, st, healthStub(true), e)
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
}
