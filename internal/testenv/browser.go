package testenv

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

var (
	chromeOnce sync.Once
	chromeCtx  context.Context
	chromePath string
	chromeErr  error
)

// Browser returns a chromedp context for a test: a new tab, in a browser
// context of its own (no cookies or storage shared with other tests), of
// the headless Chromium (Debian's package) that the package's tests share.
// Chromium starts once per package and Run stops it. A missing browser
// fails the test with what to install: tests never skip.
func Browser(t testing.TB) context.Context {
	t.Helper()
	chromeOnce.Do(func() {
		if !running.Load() {
			chromeErr = fmt.Errorf("call testenv.Run(m) from TestMain so Chromium is stopped")
			return
		}
		chromeCtx, chromePath, chromeErr = startChromium()
	})
	if chromeErr != nil {
		t.Fatalf("testenv: %v", chromeErr)
	}
	ctx, cancel := chromedp.NewContext(chromeCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("testenv: open a tab in Chromium (%s): %v", chromePath, err)
	}
	return ctx
}

func startChromium() (context.Context, string, error) {
	path := os.Getenv("CHROMIUM_BIN")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		return nil, "", fmt.Errorf("no Chromium found: apt-get install chromium (or set CHROMIUM_BIN)")
	}
	profile, err := os.MkdirTemp("", "hoptac-chromium-")
	if err != nil {
		return nil, "", err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(390, 844), // a phone
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() { cancel(); cancelAlloc(); os.RemoveAll(profile) }
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, path, fmt.Errorf("start Chromium (%s): %w", path, err)
	}
	atExit(stop)
	return ctx, path, nil
}
