package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// vietnamese matches a letter only Vietnamese text has.
var vietnamese = regexp.MustCompile(`[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]`)

// untranslated lists the text of an English page's body that is
// Vietnamese and not inside an element marked lang="vi": interface text
// that skipped the message files. Attributes people read count too.
func untranslated(t *testing.T, body string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "head", "script", "style":
				return
			case "body":
				inBody = true
			}
			for _, a := range n.Attr {
				if a.Key == "lang" && a.Val == "vi" {
					return
				}
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "title", "aria-label", "placeholder", "alt", "data-live-count":
					if vietnamese.MatchString(strings.ToLower(a.Val)) {
						out = append(out, "@"+a.Key+"="+a.Val)
					}
				}
			}
		}
		if n.Type == html.TextNode && inBody && vietnamese.MatchString(strings.ToLower(n.Data)) {
			out = append(out, strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	return out
}

// The pages mirrored after the first English pages (open data,
// statistics, the cooperation ledger and a commitment, an entry's
// history, a retired entry, search with and without results) read in
// English: their own words, and no Vietnamese outside entry content.
func TestMirroredPagesReadInEnglish(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	for path, want := range map[string][]string{
		"/en/open-data":                               {"<h1>Open data</h1>", "Data dictionary", "Creative Commons Attribution 4.0", `href="/du-lieu-mo/jobs.csv"`, "<th scope=\"row\">Jobs</th>"},
		"/en/statistics":                              {"<h1>Statistics of the two cities</h1>", "Open jobs by occupation group (VSCO)", "Download CSV", "Ho Chi Minh City", `href="/en/cooperation"`},
		"/en/cooperation":                             {"Tasks committed to", "Timeline: every update and review", `action="/en/cooperation#dong-thoi-gian"`},
		"/en/cooperation?tu-ngay=sai":                 {"is not valid"},
		"/en/cooperation/" + ref(w.commitment.Meta):   {"Status", "Led by"},
		"/en/jobs/" + ref(w.job.Meta) + "/lich-su":    {"<h1>Change history</h1>", "newest first"},
		"/en/search?q=may":                            {"Found", "Follow this search", `href="/en/jobs/` + ref(w.job.Meta) + `"`},
		"/en/search?q=khongcoketquanaoca":             {"No results found", `href="/en/jobs"`},
		"/en/projects/" + ref(w.archivedProject.Meta): {"withdrawn from the portal", "Still current in Projects"},
	} {
		r := get(t, app, path)
		if r.status != http.StatusOK && r.status != http.StatusGone {
			t.Errorf("GET %s = %d", path, r.status)
			continue
		}
		for _, s := range want {
			if !strings.Contains(r.body, s) {
				t.Errorf("GET %s lacks %q", path, s)
			}
		}
		if vi := untranslated(t, r.body); len(vi) > 0 {
			t.Errorf("GET %s has Vietnamese outside entry content: %q", path, vi)
		}
	}
	// The English table's CSV is the English table.
	r := get(t, app, "/en/statistics/jobs_education.csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "Code,Group,Ho Chi Minh City – Job posts,") {
		t.Errorf("GET /en/statistics/jobs_education.csv = %d %.80q", r.status, r.body)
	}
	if !strings.Contains(get(t, app, "/en/statistics").body, `href="/en/statistics/jobs_education.csv"`) {
		t.Errorf("/en/statistics does not link its English CSV")
	}
}
