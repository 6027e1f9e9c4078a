package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// axeTags are the rules run: WCAG 2.0, 2.1 and 2.2, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeWidths are a phone and a laptop.
var axeWidths = []int64{390, 1366}

// axeSource is axe-core as npm installed it (package.json pins it).
func axeSource(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")); err == nil {
			return string(b)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("axe-core is not installed: run `npm ci` (scripts/setup.sh does)")
		}
		dir = parent
	}
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// TestAxeFindsNoViolations runs axe-core in Chromium over every public page
// type (in Vietnamese and English) and the back office, at 390 px and
// 1366 px, including empty search results and refused submits. One tab
// loads each page once and is resized between runs. With SHOTS_DIR set it
// also saves full-page screenshots at 390 px there (not committed).
func TestAxeFindsNoViolations(t *testing.T) {
	if testing.Short() {
		t.Skip("axe runs a browser")
	}
	st, engine := indexedDemo(t)
	app := newApp(t, st, withEngine(engine))
	base := serve(t, app)
	// The back office on a store of its own: the demo store is shared.
	officeStore := testenv.Store(t)
	newUser(t, officeStore, "axe@hcm.gov.vn", auth.RoleAdmin, "")
	office := serve(t, newApp(t, officeStore))
	axe := axeSource(t)
	shots := os.Getenv("SHOTS_DIR")

	// One entry of every kind, found on its list.
	var public []string
	for _, typ := range domain.EntryTypes {
		public = append(public, typ.Path)
		link := regexp.MustCompile(`href="(` + regexp.QuoteMeta(typ.Path) + `/\d+-[^"?#]*)"`)
		if m := link.FindStringSubmatch(get(t, app, typ.Path).body); m != nil {
			public = append(public, m[1])
		} else {
			t.Errorf("no %s entry on %s to check", typ.Name, typ.Path)
		}
	}
	public = append(public, "/", "/viec-lam?city=cantho&occupation=7&wage_min=5000000",
		"/tim-kiem?q=ke+toan", "/tim-kiem?q=khongcoketquanaoca", "/viec-lam?q=khongcoketquanaoca", "/trang-khong-co",
		"/du-lieu-mo", "/thong-ke")

	browser := testenv.Browser(t)
	ctx, cancel := context.WithTimeout(browser, 8*time.Minute)
	defer cancel()
	checked := 0
	check := func(label string) {
		t.Helper()
		for _, w := range axeWidths {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900, chromedp.EmulateMobile))
			if err != nil {
				t.Fatalf("%s at %d px: %v", label, w, err)
			}
			start := time.Now()
			vs, err := runAxe(ctx, axe)
			if testing.Verbose() {
				t.Logf("%s at %d px: %v", label, w, time.Since(start).Round(time.Millisecond))
			}
			if err != nil {
				t.Fatalf("axe on %s at %d px: %v", label, w, err)
			}
			checked++
			for _, v := range vs {
				var where []string
				for i, n := range v.Nodes {
					if i == 3 {
						break
					}
					where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
				}
				t.Errorf("%s at %d px: %s (%s) %s\n  %s", label, w, v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
			}
			if shots != "" && w == 390 {
				shot(t, ctx, shots, label)
			}
		}
	}
	for _, p := range public {
		for _, lang := range []string{"vi", "en"} {
			u := p
			if lang == "en" {
				u = enPath(p)
			}
			want := 200
			if strings.Contains(u, "trang-khong-co") {
				want = 404
			}
			if r := get(t, app, u); r.status != want {
				t.Errorf("GET %s = %d, want %d", u, r.status, want)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(base+u), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
				t.Fatalf("open %s: %v", u, err)
			}
			check(u)
		}
	}

	// The back office: a refused login, then signed in: home, a list, a
	// form, the form refused, the import page.
	admin := func(label string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		check(label)
	}
	admin("/admin/dang-nhap", chromedp.EmulateViewport(390, 900), chromedp.Navigate(office+"/admin/dang-nhap"), chromedp.WaitVisible(chromedp.CSS("#email")))
	admin("/admin/dang-nhap (refused)",
		chromedp.SendKeys(chromedp.CSS("#email"), "axe@hcm.gov.vn"), chromedp.SendKeys(chromedp.CSS("#password"), "sai mật khẩu"),
		chromedp.Submit(chromedp.CSS("#password")), chromedp.WaitVisible(chromedp.CSS(".error-summary")))
	admin("/admin",
		chromedp.SetValue(chromedp.CSS("#email"), "axe@hcm.gov.vn"), chromedp.SetValue(chromedp.CSS("#password"), testPassword),
		chromedp.Submit(chromedp.CSS("#password")), chromedp.WaitVisible(chromedp.CSS(".admin-nav")))
	admin("/admin/jobs", chromedp.Navigate(office+"/admin/jobs"), chromedp.WaitReady(chromedp.CSS("footer")))
	admin("/admin/programs/moi", chromedp.Navigate(office+"/admin/programs/moi"), chromedp.WaitVisible(chromedp.CSS("#f-name")))
	admin("/admin/jobs/moi (refused)", chromedp.Navigate(office+"/admin/jobs/moi"), chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.Submit(chromedp.CSS("#f-title")), chromedp.WaitVisible(chromedp.CSS(".error-summary")))
	admin("/admin/nhap-du-lieu", chromedp.Navigate(office+"/admin/nhap-du-lieu"), chromedp.WaitReady(chromedp.CSS("footer")))
	// The import preview of a file with a good and a refused row.
	upload := filepath.Join(t.TempDir(), "doanh-nghiep.csv")
	if err := os.WriteFile(upload, []byte("tax_code,name,industry,city\n0312345678,Công ty Kiểm Thử,C,TP.HCM\n12,Công ty Sai Mã,C,TP.HCM\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	admin("/admin/nhap-du-lieu (preview)",
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{upload}),
		chromedp.Click(chromedp.Search(`//button[contains(., "Chạy thử và xem trước")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Xem trước")]`)))
	admin("/admin/nhat-ky", chromedp.Navigate(office+"/admin/nhat-ky"), chromedp.WaitReady(chromedp.CSS("footer")))
	admin("/admin/tai-khoan", chromedp.Navigate(office+"/admin/tai-khoan"), chromedp.WaitReady(chromedp.CSS("footer")))
	t.Logf("axe: %d page × width runs, 0 violations expected", checked)
}

// serve runs app on a free local port and returns its base URL.
func serve(t *testing.T, app interface {
	Listener(net.Listener) error
	Shutdown() error
}) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = app.Listener(ln) }()
	t.Cleanup(func() { _ = app.Shutdown() })
	return "http://" + ln.Addr().String()
}

// runAxe runs axe-core on the open page (injected by the DevTools
// protocol, which the page's CSP does not govern).
func runAxe(ctx context.Context, src string) ([]axeViolation, error) {
	tags, _ := json.Marshal(axeTags)
	awaitPromise := func(p *runtime.EvaluateParams) { p.AwaitPromise = ptrTo(true) }
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		if (!window.axe) { `+src+` }
		const r = await axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]});
		return JSON.stringify(r.violations);
	})()`, awaitPromise))
	if err != nil {
		return nil, err
	}
	var vs []axeViolation
	return vs, json.Unmarshal([]byte(out), &vs)
}

func shot(t *testing.T, ctx context.Context, dir, label string) {
	t.Helper()
	name := strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(label), "-"), "-")
	if name == "" {
		name = "home"
	}
	// The first screen (what a phone shows before scrolling) and the page.
	for suffix, action := range map[string]chromedp.Action[[]byte]{"-top": chromedp.CaptureScreenshot(), "": chromedp.FullScreenshot(100)} {
		png, err := chromedp.Run(ctx, action)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name+suffix+".png"), png, 0o644)
		}
		if err != nil {
			t.Logf("screenshot of %s: %v", label, err)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }

// enPath is a public path's English mirror.
func enPath(p string) string {
	if p == "/" {
		return "/en"
	}
	for _, typ := range domain.EntryTypes {
		if rest, ok := strings.CutPrefix(p, typ.Path); ok && (rest == "" || rest[0] == '/' || rest[0] == '?') {
			return typ.PathEN + rest
		}
	}
	for vi, en := range map[string]string{"/tim-kiem": "/en/search", "/du-lieu-mo": "/en/open-data", "/thong-ke": "/en/statistics"} {
		if rest, ok := strings.CutPrefix(p, vi); ok {
			return en + rest
		}
	}
	return "/en" + p
}
