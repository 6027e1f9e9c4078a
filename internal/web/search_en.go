package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/search"
)

// The English search page: the same search, its links under /en/search
// and its words from the message files. The search package speaks
// Vietnamese (intent labels, wage bands); the codes it returns are
// relabelled here.

// searchIn rewrites a search page's data for the English page; the
// Vietnamese page is left as built.
func (l *loc) searchIn(data fiber.Map, q search.Query) {
	if !l.EN() {
		return
	}
	if us, ok := data["Understood"].([]understoodLink); ok {
		for i := range us {
			us[i].UndoURL = l.Path(us[i].UndoURL)
			if us[i].Rule == "wage" {
				us[i].Label = l.T("search.intent.wage", "Amount", l.Money(q.WageMin))
			} else {
				us[i].Label = l.T("search.intent." + us[i].Rule)
			}
		}
	}
	if tabs, ok := data["Tabs"].([]typeTab); ok {
		l.tabsIn(tabs)
	}
	if gs, ok := data["Facets"].([]facetGroup); ok {
		for i := range gs {
			gs[i].Title = l.T("search.facet." + gs[i].param)
			for j := range gs[i].Links {
				f := &gs[i].Links[j]
				f.URL, f.Label = l.Path(f.URL), l.facetLabel(gs[i].param, f.Code)
			}
		}
	}
	for _, k := range []string{"SortNewest", "SortWage"} {
		if u, ok := data[k].(string); ok {
			data[k] = l.Path(u)
		}
	}
	if h, ok := data["Help"].(zeroHelp); ok {
		h.ClearURL = l.Path(h.ClearURL)
		for i := range h.OtherCity {
			h.OtherCity[i].URL, h.OtherCity[i].Label = l.Path(h.OtherCity[i].URL), l.City(h.OtherCity[i].Code)
		}
		l.tabsIn(h.OtherTypes)
		data["Help"] = h
	}
}

func (l *loc) tabsIn(tabs []typeTab) {
	for i := range tabs {
		tabs[i].URL = l.Path(tabs[i].URL)
		if tabs[i].Type == "" {
			tabs[i].Label = l.T("filter.all")
		} else {
			tabs[i].Label = l.TypeLabel(tabs[i].Type)
		}
	}
}

// facetLabel is a facet value's label: param is the search parameter.
func (l *loc) facetLabel(param, code string) string {
	switch param {
	case "city":
		return l.City(code)
	case "occupation":
		return l.OccupationGroup(code)
	case "industry":
		return l.Industry(code)
	case "wage_band":
		return l.T("search.wage." + code)
	}
	return l.Label(param, code)
}

// hitIn is hitItem in the page's language: the type, cities and wage in
// it, the link to its mirror; titles and snippets stay Vietnamese.
func (s *server) hitIn(l *loc) func(search.Hit) listItem {
	return func(h search.Hit) listItem {
		item := s.hitItem(h)
		if !l.EN() {
			return item
		}
		cities := make([]string, len(h.Cities))
		for i, c := range h.Cities {
			cities[i] = l.City(c)
		}
		item.Badge, item.URL = l.TypeLabel(h.Type), l.Path(h.URL)
		for i := range item.Meta {
			item.Meta[i].Lang = "vi" // the subtitle: an employer, a school
		}
		item.Facts = []part{plain(strings.Join(cities, ", "))}
		if h.Type == "job" {
			item.Facts = append(item.Facts, span("wage", l.Wage(h.WageMin, h.WageMax)))
		}
		return item
	}
}
