package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/kind"
)

// pathPair is one public page's path in Vietnamese and its English mirror;
// an entry's page is its list's path plus /<id>-<slug> in both.
type pathPair struct{ vi, en string }

// The pages that are not a kind's list; the kinds come from the registry.
var (
	homePaths   = pathPair{"/", "/en"}
	searchPaths = pathPair{"/tim-kiem", "/en/search"}
	openPaths   = pathPair{"/du-lieu-mo", "/en/open-data"}
	statsPaths  = pathPair{"/thong-ke", "/en/statistics"}
)

// publicPaths lists every public list page in both languages.
func publicPaths() []pathPair {
	out := []pathPair{homePaths, searchPaths, openPaths, statsPaths}
	for _, t := range domain.EntryTypes {
		out = append(out, pathPair{t.Path, t.PathEN})
	}
	return out
}

// publicRoutes registers every public page twice, once per language;
// handlers read the language from the path (langOf).
func (s *server) publicRoutes(app *fiber.App) {
	for _, lang := range i18n.Langs {
		app.Get(homePaths.in(lang), s.home)
		app.Get(searchPaths.in(lang), s.searchPage)
		if lang == i18n.EN { // the Vietnamese ones are openDataRoutes' and ledgerRoutes'
			app.Get(openPaths.en, s.openDataPage)
			app.Get(statsPaths.en, s.statsPage)
			app.Get(statsPaths.en+"/:chart", s.statsCSV)
		}
		for _, k := range kind.All {
			t, p := k.Type(), s.pages[k.Type().Name]
			base := pathPair{t.Path, t.PathEN}.in(lang)
			app.Get(base, p.list)
			app.Get(base+"/:ref", p.show)
			if lang == i18n.EN { // the Vietnamese one is historyRoutes'
				app.Get(base+"/:ref/lich-su", s.historyPage(k))
			}
		}
	}
}

func (p pathPair) in(lang string) string {
	if lang == i18n.EN {
		return p.en
	}
	return p.vi
}

// pathIn turns a public path (either language, query string kept) into
// lang's; a path that is not a public page is returned unchanged.
func pathIn(lang, path string) string {
	query := ""
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, query = path[:i], path[i:]
	}
	for _, p := range publicPaths() {
		for _, from := range []string{p.vi, p.en} {
			rest, ok := strings.CutPrefix(path, from)
			if !ok || (rest != "" && rest[0] != '/') || (p == homePaths && rest != "") {
				continue
			}
			return p.in(lang) + rest + query
		}
	}
	return path + query
}

// alternates are a page's paths in every language, for hreflang links and
// the language switch; nil for pages that have no mirror (the back office).
func alternates(c *fiber.Ctx) map[string]string {
	path := c.Path()
	if pathIn(i18n.VI, path) == path && pathIn(i18n.EN, path) == path {
		return nil
	}
	q := string(c.Request().URI().QueryString())
	if q != "" {
		q = "?" + q
	}
	out := make(map[string]string, len(i18n.Langs))
	for _, l := range i18n.Langs {
		out[l] = pathIn(l, path) + q
	}
	return out
}
