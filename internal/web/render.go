package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/markdown"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

type demoState struct {
	on      bool
	checked time.Time
}

// isDemo reads the demo flag at most every 30 s, not on every page.
func (s *server) isDemo(ctx context.Context) bool {
	if st := s.demo.Load(); st != nil && time.Since(st.checked) < 30*time.Second {
		return st.on
	}
	_, err := s.store.Meta(ctx, store.DemoDataKey)
	on := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Warn("read demo flag", "error", err)
	}
	s.demo.Store(&demoState{on: on, checked: time.Now()})
	return on
}

// render draws a page with the data every page needs.
func (s *server) render(c *fiber.Ctx, name, title, nav string, data fiber.Map) error {
	if data == nil {
		data = fiber.Map{}
	}
	l := s.loc(c)
	data["Title"] = title
	data["Nav"] = nav
	data["L"] = l
	data["Lang"] = l.Lang
	data["Alt"] = alternates(c)
	data["Menu"] = menuIn(l, nav)
	data["Demo"] = s.isDemo(c.UserContext())
	data["Catalog"] = s.catalog
	data["Path"] = c.Path()
	data["Year"] = time.Now().In(vn.DateLocation).Year()
	data["MoreFilters"] = usesMoreFilters(c)
	data["Failed"] = failed(data)
	if _, ok := c.Locals(localsPreview).(int64); ok {
		data["Preview"] = true
	}
	if e, ok := c.Locals(localsEntry).(entryKey); ok {
		// Every detail page shows its change history: when, what, which
		// department — never which official.
		history, err := s.store.History(c.UserContext(), e.kind, e.id)
		if err != nil {
			return err
		}
		lines := s.historyLines(e.kind, c.Path(), history)
		data["HistoryAll"] = len(lines)
		if len(lines) > historyShort {
			lines = lines[:historyShort]
		}
		data["History"] = lines
		if !isPreview(c) {
			data["HistoryURL"] = c.Path() + "/lich-su"
		}
	}
	s.pageMeta(c, data)
	c.Type("html", "utf-8")
	return c.Render(name, data)
}

// failed tells whether a page answers a submit it refused (form errors,
// an edit conflict, a refused login or upload), so its <title> starts
// with "Lỗi: " for screen-reader users who hear the title first.
func failed(data fiber.Map) bool {
	for _, key := range []string{"ErrorList", "Conflict", "Problem", "ImportError"} {
		v := reflect.ValueOf(data[key])
		switch v.Kind() {
		case reflect.Slice, reflect.Map, reflect.String:
			if v.Len() > 0 {
				return true
			}
		}
	}
	return false
}

// menuItem is one link of the site's main menu.
type menuItem struct {
	Label   string
	Path    string
	Current bool
}

// menu lists every entry type's public list, in the registry's order;
// nav is the type name of the page being shown.
func menu(nav string) []menuItem { return menuIn(&loc{Lang: "vi"}, nav) }

// menuIn is the menu in a page's language.
func menuIn(l *loc, nav string) []menuItem {
	items := make([]menuItem, 0, len(domain.EntryTypes))
	for _, t := range domain.EntryTypes {
		item := menuItem{Label: t.MenuVI, Path: t.Path, Current: t.Name == nav}
		if l.EN() {
			item.Label, item.Path = l.T("menu."+t.Name), t.PathEN
		}
		items = append(items, item)
	}
	return append(items, menuItem{Label: l.T("menu.stats"), Path: l.Path("/thong-ke"), Current: nav == "stats"})
}

// usesMoreFilters tells whether a list was asked for with filters beyond
// the keyword and city, so the folded "Lọc thêm" box opens to show them.
func usesMoreFilters(c *fiber.Ctx) bool {
	for k, v := range c.Queries() {
		if v != "" && k != "q" && k != "city" && k != "page" {
			return true
		}
	}
	return false
}

// listItem is one entry of a list as every list draws it (the partial
// "partials/entries"). Each type has one function, beside its handlers,
// that fills it: jobItem, companyItem, schoolItem, programItem,
// policyItem, projectItem and, for search results, hitItem.
type listItem struct {
	Badge     string        // a pill before the title (the type, in search results)
	Title     string        //
	TitleHTML template.HTML // the title as the search engine highlighted it
	URL       string
	Meta      []part // the line under the title: who, what, where
	Facts     []part // the line of figures: wage, places, fees
	Summary   string
	Snippet   template.HTML // the matched text, highlighted
}

// part is one piece of a meta or facts line. Pieces are joined by " · ",
// or by a space when Attached (a pill that qualifies the piece before it).
type part struct {
	Text     string
	HTML     template.HTML // text the search package escaped and highlighted
	Class    string        // draws the text in <span class=…>: "wage", "pill ok"…
	Lang     string        // "vi": entry content on an English page
	Attached bool
}

func plain(text string) part { return part{Text: text} }

func span(class, text string) part { return part{Text: text, Class: class} }

// items turns a page of entries into list items.
func items[T any](list []T, item func(T) listItem) []listItem {
	out := make([]listItem, len(list))
	for i, x := range list {
		out[i] = item(x)
	}
	return out
}

// placeOf is "city, ward" when the ward is known.
func (s *server) placeOf(city, ward string) string {
	if ward == "" {
		return s.catalog.CityName(city)
	}
	return s.catalog.CityName(city) + ", " + ward
}

// selectBox is what the partial "partials/select" draws: a labelled
// <select> with its hint and error. Templates build it with selectBox
// "name" … "label" … "options" … (see newSelectBox).
type selectBox struct {
	ID       string // defaults to "f-" + Name
	Name     string
	Label    string
	Optional bool // marks the label "(không bắt buộc)"
	Hint     string
	Error    string
	Empty    string // the label of a first option with the value ""
	Options  domain.Options
	Groups   []optionGroup // options under <optgroup>s, after Options
	Selected string
}

// optionGroup is one <optgroup> of a select.
type optionGroup struct {
	Label   string
	Options domain.Options
}

// newSelectBox reads key/value pairs; an unknown key or a value of the
// wrong type is an error, which stops the page (and the tests).
func newSelectBox(pairs ...any) (selectBox, error) {
	var b selectBox
	if len(pairs)%2 != 0 {
		return b, errors.New("selectBox: odd number of arguments")
	}
	texts := map[string]*string{"id": &b.ID, "name": &b.Name, "label": &b.Label, "hint": &b.Hint,
		"error": &b.Error, "empty": &b.Empty, "selected": &b.Selected}
	for i := 0; i < len(pairs); i += 2 {
		key, _ := pairs[i].(string)
		val := pairs[i+1]
		var ok bool
		text, isText := texts[key]
		switch {
		case isText:
			*text, ok = stringOf(val)
		case key == "optional":
			b.Optional, ok = val.(bool)
		case key == "options":
			b.Options, ok = val.(domain.Options)
		case key == "groups":
			b.Groups, ok = val.([]optionGroup)
		default:
			return b, fmt.Errorf("selectBox: unknown key %q", key)
		}
		if !ok {
			return b, fmt.Errorf("selectBox: %s is %T", key, val)
		}
	}
	if b.Name == "" || b.Label == "" {
		return b, errors.New("selectBox: name and label are required")
	}
	if b.ID == "" {
		b.ID = "f-" + b.Name
	}
	return b, nil
}

// stringOf reads a string or a string type (domain.Status); nil is "".
func stringOf(v any) (string, bool) {
	if v == nil {
		return "", true
	}
	if s, ok := v.(string); ok {
		return s, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.String {
		return rv.String(), true
	}
	return "", false
}

// optionList builds options from code/label pairs written in a template.
func optionList(pairs ...string) (domain.Options, error) {
	if len(pairs)%2 != 0 {
		return nil, errors.New("optionList: odd number of arguments")
	}
	out := make(domain.Options, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, domain.Option{Code: pairs[i], Label: pairs[i+1]})
	}
	return out, nil
}

// Option lists of the code tables, for selects.
func cityOptions(c *Catalog) domain.Options {
	out := make(domain.Options, 0, len(c.Cities))
	for _, x := range c.Cities {
		out = append(out, domain.Option{Code: x.Code, Label: x.ShortVI})
	}
	return out
}

func classOptions(list []domain.Classification, withCode bool) domain.Options {
	out := make(domain.Options, 0, len(list))
	for _, x := range list {
		label := x.NameVI
		if withCode {
			label = x.Code + " – " + x.NameVI
		}
		out = append(out, domain.Option{Code: x.Code, Label: label})
	}
	return out
}

// wardGroups are the wards under one <optgroup> per city.
func wardGroups(c *Catalog) []optionGroup {
	out := make([]optionGroup, 0, len(c.Cities))
	for _, city := range c.Cities {
		g := optionGroup{Label: city.ShortVI}
		for _, w := range c.WardsOf(city.Code) {
			g.Options = append(g.Options, domain.Option{Code: w.Code, Label: w.Name})
		}
		out = append(out, g)
	}
	return out
}

// typeOptions lists entry types by name, for a select of types.
func typeOptions(types []domain.EntryType) domain.Options {
	out := make(domain.Options, 0, len(types))
	for _, t := range types {
		out = append(out, domain.Option{Code: t.Name, Label: t.LabelVI})
	}
	return out
}

// mapOptions lists a code → label map in code order.
func mapOptions(m map[string]string) domain.Options {
	out := make(domain.Options, 0, len(m))
	for code, label := range m {
		out = append(out, domain.Option{Code: code, Label: label})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// entryURL is the canonical path of an entry: /<list>/<id>-<slug>.
func entryURL(kind string, id int64, slug string) string {
	return domain.EntryPath(kind, id, slug)
}

var optionSets = map[string]domain.Options{
	"policy_kind":     domain.PolicyKinds,
	"policy_field":    domain.PolicyFields,
	"employment_type": domain.EmploymentTypes,
	"education":       domain.EducationLevels,
	"priority_group":  domain.PriorityGroups,
	"school_kind":     domain.SchoolKinds,
	"ownership":       domain.Ownerships,
	"level":           domain.ProgramLevels,
	"mode":            domain.StudyModes,
	"project_kind":    domain.ProjectKinds,
	"stage":           domain.ProjectStages,
	"progress":        domain.Progresses,
	"support_group":   domain.SupportGroups,
	"support_benefit": domain.SupportBenefits,
	"review_kind":     domain.ReviewKinds,
	"update_kind":     domain.UpdateKinds,
	"ledger_status":   domain.DerivedStatuses,
	"status":          domain.Statuses,
}

func templateFuncs(cat *Catalog, md *markdown.Renderer) template.FuncMap {
	return template.FuncMap{
		"label": func(set, code string) string { return optionSets[set].Label(code) },
		// t is interface text in a language ("vi" when lang is missing, as
		// in a fragment the search page fetches).
		"t": func(lang any, id string, pairs ...any) string {
			l, _ := lang.(string)
			return i18n.T(l, id, pairs...)
		},
		"options": func(set string) domain.Options {
			return optionSets[set]
		},
		"city":         cat.CityName,
		"industry":     cat.IndustryName,
		"occupation":   cat.OccupationName,
		"department":   cat.DepartmentName,
		"wage":         vn.WageRange,
		"money":        moneyOf,
		"digits":       func(n int) string { return vn.GroupDigits(int64(n)) },
		"date":         dateOf,
		"datetime":     formatDateTime,
		"auditChanges": func(a store.AuditEntry) []auditChange { return auditChangesOf(cat, a) },
		"adminURL":     adminURLOf,
		"expired":      expired,
		"markdown":     md.HTML,
		"url":          entryURL,
		"add":          func(a, b int) int { return a + b },
		"deref":        deref,
		"auditAction":  func(a string) string { return auditActions[a] },
		"splitList": func(s string) []string {
			var out []string
			for _, v := range strings.Split(s, ";") {
				if v = strings.TrimSpace(v); v != "" {
					out = append(out, v)
				}
			}
			return out
		},
		"deptName": func(code *string) string {
			if code == nil {
				return "Hệ thống"
			}
			return cat.DepartmentName(*code)
		},
		"typeLabel": func(name string) string {
			t, _ := domain.TypeByName(name)
			return t.LabelVI
		},
		"has": func(list []string, v string) bool {
			for _, x := range list {
				if x == v {
					return true
				}
			}
			return false
		},
		"percent": domain.Percent,

		// Selects: partials/select draws a selectBox; the others are its
		// option lists.
		"selectBox":           newSelectBox,
		"bullets":             bullets,
		"withL":               withL,
		"optionList":          optionList,
		"cityOptions":         func() domain.Options { return cityOptions(cat) },
		"industryOptions":     func() domain.Options { return classOptions(cat.Industries, false) },
		"industryCodeOptions": func() domain.Options { return classOptions(cat.Industries, true) },
		"occupationOptions":   func() domain.Options { return classOptions(cat.Occupations, false) },
		"wardGroups":          func() []optionGroup { return wardGroups(cat) },
		"typeOptions":         typeOptions,
		"mapOptions":          mapOptions,
	}
}

// moneyOf formats an amount that may be missing.
func moneyOf(v any) string {
	switch x := v.(type) {
	case int64:
		return vn.Money(x)
	case *int64:
		if x == nil {
			return ""
		}
		return vn.Money(*x)
	case int:
		return vn.Money(int64(x))
	case *int:
		if x == nil {
			return ""
		}
		return vn.Money(int64(*x))
	}
	return fmt.Sprint(v)
}

// dateOf writes dd/mm/yyyy in Vietnam's time zone; a missing date is "".
func dateOf(v any) string {
	switch x := v.(type) {
	case time.Time:
		return vn.Date(x.In(vn.DateLocation))
	case *time.Time:
		if x == nil {
			return ""
		}
		return vn.Date(x.In(vn.DateLocation))
	case string: // yyyy-mm-dd in JSON lists
		if t, err := time.Parse("2006-01-02", x); err == nil {
			return vn.Date(t)
		}
		return x
	}
	return ""
}

// expired tells whether a deadline (a calendar date) is before today in Vietnam.
func expired(deadline *time.Time) bool {
	if deadline == nil {
		return false
	}
	today := time.Now().In(vn.DateLocation).Format("2006-01-02")
	return deadline.Format("2006-01-02") < today
}

// pageLink is one link of a pagination bar.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
	Rel     string // "prev" or "next": the "Trước" / "Sau" links
}

// pagination builds the links for a list: first, last, and two either side
// of the current page, keeping every other query parameter.
func pagination(path string, q url.Values, page, pages int) []pageLink {
	if pages <= 1 {
		return nil
	}
	var links []pageLink
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < page-2 || n > page+2) {
			continue
		}
		if last != 0 && n > last+1 {
			links = append(links, pageLink{Gap: true})
		}
		v := url.Values{}
		for k, vals := range q {
			if k != "page" {
				v[k] = vals
			}
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		u := path
		if enc := v.Encode(); enc != "" {
			u += "?" + enc
		}
		links = append(links, pageLink{Number: n, URL: u, Current: n == page})
		last = n
	}
	// "Trước" and "Sau" around the numbers, for readers who step through.
	var prev, next []pageLink
	for _, l := range links {
		if !l.Gap && l.Number == page-1 {
			prev = []pageLink{{Number: l.Number, URL: l.URL, Rel: "prev"}}
		}
		if !l.Gap && l.Number == page+1 {
			next = []pageLink{{Number: l.Number, URL: l.URL, Rel: "next"}}
		}
	}
	return append(append(prev, links...), next...)
}

// deref shows an optional number; templates guard nil with {{if}} first.
func deref(v any) any {
	switch x := v.(type) {
	case *int:
		if x != nil {
			return *x
		}
	case *int64:
		if x != nil {
			return *x
		}
	case *string:
		if x != nil {
			return *x
		}
		return ""
	}
	return 0
}

// EntryRef is the last path segment of a detail page: "<id>-<slug>".
func EntryRef(id int64, slug string) string {
	ref := strconv.FormatInt(id, 10)
	if slug != "" {
		ref += "-" + slug
	}
	return ref
}

// assetURLs returns the template function that names a static file with a
// hash of its content, so browsers may cache it for long and still get a
// new version the moment it changes.
func assetURLs(static fs.FS) func(string) string {
	var mu sync.Mutex
	cache := map[string]string{}
	return func(name string) string {
		mu.Lock()
		defer mu.Unlock()
		if u, ok := cache[name]; ok {
			return u
		}
		u := "/static/" + name
		if b, err := fs.ReadFile(static, name); err == nil {
			sum := sha256.Sum256(b)
			u += "?v=" + hex.EncodeToString(sum[:6])
		}
		cache[name] = u
		return u
	}
}
