package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Search as you type works on the English page too: the results come in
// English from /en/search, and a tab click stays in the same document.
func TestEnglishSearchAsYouTypeInABrowser(t *testing.T) {
	t.Parallel()
	st, e := indexedDemo(t)
	base := serve(t, newApp(t, st, withEngine(e)))
	ctx, step := browse(t)
	within := chromedp.WithPollingTimeout(10 * time.Second)
	poll := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Poll[bool](js, within)(ctx, t)
			return err
		})
	}
	step("type a query",
		chromedp.Navigate(base+"/en/search"),
		chromedp.WaitVisible(chromedp.CSS("#s-q")),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`window.__sameDocument = true`)(ctx, t)
			return err
		}),
		chromedp.SendKeys(chromedp.CSS("#s-q"), "ke toan"),
		poll(`document.querySelector("#search-results").innerText.includes("Found")`),
	)
	live, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-live").textContent`))
	if !strings.HasSuffix(live, " results") {
		t.Errorf("live region says %q, want an English count", live)
	}
	step("click the jobs tab",
		chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Jobs")]`)),
		poll(`location.pathname === "/en/search" && location.search.includes("type=job") &&
			document.querySelector(".tabs a[aria-current]").innerText.includes("Jobs")`),
	)
	if same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__sameDocument === true`)); !same {
		t.Error("the tab click reloaded the page")
	}
}
