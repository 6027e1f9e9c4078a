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
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
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
	data["Title"] = title
	data["Nav"] = nav
	data["Demo"] = s.isDemo(c.UserContext())
	data["Catalog"] = s.catalog
	data["Path"] = c.Path()
	data["Year"] = time.Now().In(vn.DateLocation).Year()
	data["MoreFilters"] = usesMoreFilters(c)
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
		data["History"] = history
	}
	c.Type("html", "utf-8")
	return c.Render(name, data)
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
	"review_kind":     domain.ReviewKinds,
	"status":          domain.Statuses,
}

func templateFuncs(cat *Catalog, md *markdown.Renderer) template.FuncMap {
	return template.FuncMap{
		"label": func(set, code string) string { return optionSets[set].Label(code) },
		"options": func(set string) domain.Options {
			return optionSets[set]
		},
		"city":       cat.CityName,
		"industry":   cat.IndustryName,
		"occupation": cat.OccupationName,
		"department": cat.DepartmentName,
		"wardsOf":    cat.WardsOf,
		"wage":       vn.WageRange,
		"money":      moneyOf,
		"digits":     func(n int) string { return vn.GroupDigits(int64(n)) },
		"date":       dateOf,
		"isoDate":    isoDateOf,
		"expired":    expired,
		"markdown":   md.HTML,
		"url":        entryURL,
		"add":        func(a, b int) int { return a + b },
		"deref":      deref,
		// safe marks HTML that the search package built from escaped text.
		"safe":        func(s string) template.HTML { return template.HTML(s) },
		"auditAction": func(a string) string { return auditActions[a] },
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
		"percent": func(part, whole int) int {
			if whole == 0 {
				return 0
			}
			return part * 100 / whole
		},
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

func isoDateOf(v *time.Time) string {
	if v == nil {
		return ""
	}
	return v.Format("2006-01-02")
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
	return links
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
