package web_test

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hoptac/internal/domain"
)

// publicRoutes are one page of every public route of the world, in
// Vietnamese: home, search, every kind's list and one entry of each.
func publicRoutes(w world) []string {
	routes := []string{"/", "/tim-kiem", "/tim-kiem?q=may", "/tim-kiem?q=khongcoketquanaoca", "/du-lieu-mo", "/thong-ke", "/hop-tac?tu-ngay=2025-01-01"}
	for _, t := range domain.EntryTypes {
		routes = append(routes, t.Path)
	}
	return append(routes,
		"/viec-lam/"+ref(w.job.Meta), "/doanh-nghiep/"+ref(w.company.Meta), "/truong-nghe/"+ref(w.school.Meta),
		"/dao-tao/"+ref(w.program.Meta), "/chinh-sach/"+ref(w.policy.Meta), "/du-an/"+ref(w.project.Meta),
		"/hop-tac/"+ref(w.commitment.Meta), "/viec-lam?city=hcm&page=1", "/viec-lam/"+ref(w.job.Meta)+"/lich-su")
}

var alternate = regexp.MustCompile(`<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">`)

// hreflangs reads a page's alternates: language → path.
func hreflangs(body string) map[string]string {
	out := map[string]string{}
	for _, m := range alternate.FindAllStringSubmatch(body, -1) {
		out[m[1]] = strings.ReplaceAll(m[2], "&amp;", "&")
	}
	return out
}

// Every public route has an English mirror; both name each other with
// hreflang vi, en and x-default, the English one is lang="en", and the
// language switch leads to the same page in the other language.
func TestEveryPublicRouteHasHreflangPairs(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	for _, vi := range publicRoutes(w) {
		t.Run(vi, func(t *testing.T) {
			r := getOK(t, app, vi)
			alt := hreflangs(r.body)
			en := alt["en"]
			if alt["vi"] != vi || alt["x-default"] != vi || !strings.HasPrefix(en, "/en") {
				t.Fatalf("GET %s: hreflang = %v, want vi and x-default %s and an /en path", vi, alt, vi)
			}
			if !strings.Contains(r.body, `<html lang="vi">`) {
				t.Errorf("GET %s is not lang=vi", vi)
			}
			if !strings.Contains(r.body, `class="lang-switch" href="`+strings.ReplaceAll(en, "&", "&amp;")+`"`) {
				t.Errorf("GET %s: the language switch does not lead to %s", vi, en)
			}
			e := getOK(t, app, en)
			if back := hreflangs(e.body); back["vi"] != vi || back["en"] != en || back["x-default"] != vi {
				t.Errorf("GET %s: hreflang = %v, want the pair %s / %s", en, back, vi, en)
			}
			if !strings.Contains(e.body, `<html lang="en">`) {
				t.Errorf("GET %s is not lang=en", en)
			}
			if !strings.Contains(e.body, `class="lang-switch" href="`+strings.ReplaceAll(vi, "&", "&amp;")+`"`) {
				t.Errorf("GET %s: the language switch does not lead back to %s", en, vi)
			}
		})
	}
}

// English pages are in English: the interface text, code-table names, and
// entry links that stay in the mirror; entry content is marked Vietnamese.
func TestEnglishPagesReadInEnglish(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	for path, want := range map[string][]string{
		"/en":                                 {"Jobs, vocational training and policies", "Ho Chi Minh City", `href="/en/jobs"`},
		"/en/jobs":                            {"<h1>Jobs</h1>", "Filter (0)", `href="/en/jobs/` + ref(w.job.Meta) + `" lang="vi"`, "VND 8,000,000 – 12,500,000/month"},
		"/en/jobs?city=cantho":                {"Filter (1)", "City: Can Tho City"},
		"/en/jobs/" + ref(w.job.Meta):         {"How to apply", `<h1 lang="vi">` + w.job.Title + `</h1>`},
		"/en/training/" + ref(w.program.Meta): {"VND 9,000,000", "College"},
		"/en/projects/" + ref(w.project.Meta): {"VND 5 billion", "Seeking partners"},
		"/en/nothing-here":                    {"Page not found", `<html lang="en">`},
	} {
		r := get(t, app, path)
		for _, s := range want {
			if !strings.Contains(r.body, s) {
				t.Errorf("GET %s lacks %q", path, s)
			}
		}
	}
	// A wrong slug redirects within the language.
	r := get(t, app, "/en/jobs/"+strconv.FormatInt(w.job.ID, 10)+"-sai")
	if r.status != http.StatusMovedPermanently || r.location != "/en/jobs/"+ref(w.job.Meta) {
		t.Errorf("wrong slug under /en = %d → %q", r.status, r.location)
	}
}

// One search box per page: pages with their own (home, lists, search)
// do not repeat the header's.
func TestOneSearchBoxPerPage(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	for _, path := range []string{"/", "/en", "/viec-lam", "/en/training", "/tim-kiem?q=may", "/viec-lam/" + ref(w.job.Meta)} {
		body := get(t, app, path).body
		if n := strings.Count(body, `type="search"`); n != 1 {
			t.Errorf("GET %s has %d search boxes, want 1", path, n)
		}
	}
}
