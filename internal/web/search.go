package web

import (
	"errors"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/vn"
)

// searchQuery reads the shared search parameters of /tim-kiem and
// /api/v1/search. A value that is not a known code is dropped with a note.
func (s *server) searchQuery(c *fiber.Ctx, p *params) search.Query {
	q := search.Query{
		Q:          p.text("q"),
		Type:       p.code("type", "search.param.type", func(v string) bool { _, ok := domain.TypeByName(v); return ok }),
		City:       p.code("city", "filter.city", s.catalog.IsCity),
		Industry:   p.code("industry", "search.param.industry", s.catalog.IsIndustry),
		Occupation: p.code("occupation", "search.param.occupation", s.catalog.IsOccupation),
		Education:  p.option("education", "filter.level", domain.EducationLevels),
		Level:      p.option("level", "search.param.level", domain.ProgramLevels),
		Stage:      p.option("stage", "filter.stage", domain.ProjectStages),
		WageMin:    p.amount("wage_min", "search.param.wage_min"),
		WageBand:   p.code("wage_band", "search.param.wage_band", search.IsWageBand),
		Sort:       p.code("sort", "filter.sort", func(v string) bool { return v == "newest" || v == "wage" }),
		Page:       p.page(),
		Skip:       intentSkips(c),
	}
	q.ApplyIntent() // "tuyen ke toan luong 10 trieu": jobs, at least 10 million
	return q
}

// intentSkips are the intent rules the visitor undid (skip=rule, repeated);
// names that are no rule are ignored.
func intentSkips(c *fiber.Ctx) []string {
	var out []string
	for _, v := range c.Context().QueryArgs().PeekMulti("skip") {
		if r := string(v); search.IsIntentRule(r) && len(out) < 8 {
			out = append(out, r)
		}
	}
	return out
}

// understoodLink is one piece of intent the page shows, with the link that
// undoes it: the same search with skip=rule added.
type understoodLink struct {
	Rule    string
	Label   string
	UndoURL string
}

func understoodLinks(q search.Query, base url.Values) []understoodLink {
	var out []understoodLink
	for _, u := range q.Understood {
		v := url.Values{}
		for k, vals := range base {
			if k != "page" && k != "partial" {
				v[k] = vals
			}
		}
		v.Add("skip", u.Rule)
		out = append(out, understoodLink{Rule: u.Rule, Label: u.Label, UndoURL: "/tim-kiem?" + v.Encode()})
	}
	return out
}

// facetLink is one clickable facet value with its count.
type facetLink struct {
	Code     string
	Label    string
	Count    int
	URL      string
	Selected bool
}

// facetGroup is one facet's links, shown when it has values.
type facetGroup struct {
	param string // the search parameter it sets
	Title string
	Links []facetLink
}

// toggleURL is the search URL with param set to value, or removed when it
// is already value; the page number resets.
func toggleURL(base url.Values, param, value string) string {
	v := url.Values{}
	for k, vals := range base {
		if k != "page" && k != "partial" {
			v[k] = vals
		}
	}
	if v.Get(param) == value {
		v.Del(param)
	} else {
		v.Set(param, value)
	}
	return "/tim-kiem?" + v.Encode()
}

func (s *server) facetGroups(res search.Result, q search.Query, base url.Values) []facetGroup {
	group := func(title, param, facet, selected string, label func(string) string) *facetGroup {
		counts := res.Facets[facet]
		if len(counts) == 0 {
			return nil
		}
		g := facetGroup{param: param, Title: title}
		for code, n := range counts {
			g.Links = append(g.Links, facetLink{Code: code, Label: label(code), Count: n, URL: toggleURL(base, param, code), Selected: code == selected})
		}
		sortLinks(g.Links)
		return &g
	}
	var out []facetGroup
	add := func(g *facetGroup) {
		if g != nil {
			out = append(out, *g)
		}
	}
	add(group("Thành phố", "city", "cities", q.City, s.catalog.CityName))
	switch q.Type {
	case "job":
		add(group("Nhóm nghề", "occupation", "occupation", q.Occupation, s.catalog.OccupationName))
		add(group("Trình độ yêu cầu", "education", "education", q.Education, domain.EducationLevels.Label))
		if g := group("Mức lương", "wage_band", "wage_band", q.WageBand, search.WageBandLabel); g != nil {
			wageBandOrder(g.Links)
			add(g)
		}
	case "company":
		add(group("Ngành kinh tế", "industry", "industry", q.Industry, s.catalog.IndustryName))
	case "program":
		add(group("Trình độ đào tạo", "level", "level", q.Level, domain.ProgramLevels.Label))
	case "project":
		add(group("Giai đoạn", "stage", "stage", q.Stage, domain.ProjectStages.Label))
	}
	return out
}

// wageBandOrder lists wage bands from low to high, not by count.
func wageBandOrder(l []facetLink) {
	rank := map[string]int{}
	for i, b := range search.WageBands {
		rank[b.Label] = i
	}
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && rank[l[j].Label] < rank[l[j-1].Label]; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// sortLinks orders facet values by count, then label, for a stable page.
func sortLinks(l []facetLink) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && (l[j].Count > l[j-1].Count || l[j].Count == l[j-1].Count && l[j].Label < l[j-1].Label); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// typeTab is one tab of the results: every type with its count.
type typeTab struct {
	Type     string // "" for every type
	Label    string
	Count    int
	URL      string
	Selected bool
}

func typeTabs(res search.Result, q search.Query, base url.Values) []typeTab {
	all := 0
	for _, n := range res.Facets["type"] {
		all += n
	}
	v := url.Values{}
	for k, vals := range base {
		if k != "page" && k != "type" && k != "partial" {
			v[k] = vals
		}
	}
	allTypes := url.Values{}
	for k, vals := range v {
		allTypes[k] = vals
	}
	// A type read from the words ("tuyển …", "học …") would come back
	// without the type parameter: "Tất cả" also undoes that reading.
	for _, u := range q.Understood {
		if u.Rule == "job" || u.Rule == "learn" {
			allTypes.Add("skip", u.Rule)
		}
	}
	tabs := []typeTab{{Label: "Tất cả", Count: all, URL: "/tim-kiem?" + allTypes.Encode(), Selected: q.Type == ""}}
	for _, t := range domain.EntryTypes {
		n := res.Facets["type"][t.Name]
		if n == 0 && q.Type != t.Name {
			continue
		}
		v.Set("type", t.Name)
		tabs = append(tabs, typeTab{Type: t.Name, Label: t.LabelVI, Count: n, URL: "/tim-kiem?" + v.Encode(), Selected: q.Type == t.Name})
	}
	return tabs
}

// zeroHelp is what the page offers when nothing matched.
type zeroHelp struct {
	ClearURL   string      // the same words without filters
	OtherCity  []facetLink // the same search in each city that has results
	OtherTypes []typeTab   // other types that have results
}

func (s *server) searchPage(c *fiber.Ctx) error {
	l := s.loc(c)
	p := newParams(c)
	p.l = l
	q := s.searchQuery(c, p)
	base := queryValues(c)
	// The box keeps what was typed; intent read from it is shown apart.
	data := fiber.Map{"Q": p.text("q"), "Query": q, "Problems": p.Problems, "Understood": understoodLinks(q, base)}
	if q.Type == c.Query("type") {
		data["TypeParam"] = q.Type // chosen, not read from the words
	}
	if q.Q == "" && q.Type == "" && q.City == "" {
		l.searchIn(data, q)
		return s.render(c, "search", l.T("search.title"), "search", data)
	}
	res, err := s.search.Search(c.UserContext(), q)
	if err != nil {
		return err
	}
	data["Result"] = res
	data["Items"] = items(res.Hits, s.hitIn(l))
	data["Tabs"] = typeTabs(res, q, base)
	data["Facets"] = s.facetGroups(res, q, base)
	data["Pages"] = pagination(l.Path("/tim-kiem"), base, res.Page, res.Pages())
	data["SortNewest"] = toggleURL(base, "sort", "newest")
	data["SortWage"] = toggleURL(base, "sort", "wage")
	data["SearchFeed"] = searchFeedURL(c) // its Atom twin (crawl.go)
	if res.Total == 0 {
		help, err := s.zeroResultHelp(c, q, res)
		if err != nil {
			return err
		}
		data["Help"] = help
	}
	l.searchIn(data, q)
	title := l.T("search.title")
	if q.Q != "" {
		title = l.T("search.title_q", "Q", q.Q)
	}
	if c.Query("partial") == "1" {
		c.Type("html", "utf-8")
		data["Catalog"], data["L"], data["Lang"] = s.catalog, l, l.Lang
		return c.Render("partials/search_results", data)
	}
	return s.render(c, "search", title, "search", data)
}

// hitItem is a search result as the results list shows it: its type, the
// highlighted title and subtitle, its cities, a job's wage, the matched text.
func (s *server) hitItem(h search.Hit) listItem {
	t, _ := domain.TypeByName(h.Type)
	cities := make([]string, len(h.Cities))
	for i, c := range h.Cities {
		cities[i] = s.catalog.CityName(c)
	}
	facts := []part{plain(strings.Join(cities, ", "))}
	if h.Type == "job" {
		facts = append(facts, span("wage", vn.WageRange(h.WageMin, h.WageMax)))
	}
	item := listItem{
		Badge:     t.LabelVI,
		TitleHTML: h.HighlightHTML("title", h.Title),
		URL:       h.URL,
		Facts:     facts,
		// The search package escaped the text and added only <mark>.
		Snippet: template.HTML(h.Highlight["text"]),
	}
	if h.Subtitle != "" {
		item.Meta = []part{{HTML: h.HighlightHTML("subtitle", h.Subtitle)}}
	}
	return item
}

// zeroResultHelp looks for the same words elsewhere: without the city,
// under another type (the type counts ignore the type filter already).
func (s *server) zeroResultHelp(c *fiber.Ctx, q search.Query, res search.Result) (zeroHelp, error) {
	help := zeroHelp{ClearURL: "/tim-kiem?q=" + url.QueryEscape(q.Q)}
	if q.City != "" {
		wide := q
		wide.City = ""
		other, err := s.search.Search(c.UserContext(), wide)
		if err != nil {
			return help, err
		}
		for city, n := range other.Facets["cities"] {
			if city != q.City && n > 0 {
				v := queryValues(c)
				v.Set("city", city)
				v.Del("page")
				help.OtherCity = append(help.OtherCity, facetLink{Code: city, Label: s.catalog.CityName(city), Count: n, URL: "/tim-kiem?" + v.Encode()})
			}
		}
	}
	if q.Type != "" {
		for _, t := range typeTabs(res, search.Query{}, queryValues(c))[1:] {
			if t.Count > 0 {
				help.OtherTypes = append(help.OtherTypes, t)
			}
		}
	}
	return help, nil
}

// apiSearch is GET /api/v1/search: the same search as /tim-kiem as JSON.
func (s *server) apiSearch(c *fiber.Ctx) error {
	p := newParams(c)
	q := s.searchQuery(c, p)
	if v := c.Query("per_page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 50 {
			return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "per_page phải là số từ 1 đến 50."})
		}
		q.PerPage = n
	}
	if len(p.Problems) > 0 {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": p.Problems[0], "problems": p.Problems})
	}
	res, err := s.search.Search(c.UserContext(), q)
	if errors.Is(err, search.ErrBadQuery) {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "Tham số tìm kiếm không hợp lệ."})
	}
	if err != nil {
		return err
	}
	if res.Hits == nil {
		res.Hits = []search.Hit{}
	}
	return c.JSON(res)
}
