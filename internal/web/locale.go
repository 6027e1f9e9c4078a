package web

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/vn"
)

// loc is a page's language: its text (T), its code-table labels and its
// paths. Pages reach it as .L ({{.L.T "jobs.title"}}); handlers as
// s.loc(c). Entry content stays as officials wrote it, in Vietnamese.
type loc struct {
	Lang string
	cat  *Catalog
}

// langOf is the language of a request: English under /en, else Vietnamese.
func langOf(c *fiber.Ctx) string {
	p := c.Path()
	if p == "/en" || strings.HasPrefix(p, "/en/") {
		return i18n.EN
	}
	return i18n.VI
}

func (s *server) loc(c *fiber.Ctx) *loc { return &loc{Lang: langOf(c), cat: s.catalog} }

// EN tells whether the page is the English mirror.
func (l *loc) EN() bool { return l.Lang == i18n.EN }

// VI marks an element of entry content as Vietnamese on the English
// page (<p{{.L.VI}}>); Vietnamese pages are lang="vi" already.
func (l *loc) VI() template.HTMLAttr {
	if l.EN() {
		return ` lang="vi"`
	}
	return ""
}

// T is the interface text id, with name/value pairs for its placeholders.
func (l *loc) T(id string, pairs ...any) string { return i18n.T(l.Lang, id, pairs...) }

// City is a city's short name in the page's language.
func (l *loc) City(code string) string {
	if !l.EN() {
		return l.cat.CityName(code)
	}
	if code == domain.Both {
		return l.T("city.both")
	}
	if x, ok := l.cat.City(code); ok && x.NameEN != "" {
		return x.NameEN
	}
	return l.cat.CityName(code)
}

// Place is "city, ward" when the ward is known (ward names stay Vietnamese).
func (l *loc) Place(city, ward string) string {
	if ward == "" {
		return l.City(city)
	}
	return l.City(city) + ", " + ward
}

// Occupation is the names people use for a VSCO major group, with the
// group beside them: "Thợ hàn, thợ điện, … (nhóm 7 VSCO)".
func (l *loc) Occupation(code string) string {
	if id := "occ." + code; i18n.Has(l.Lang, id) {
		return l.T(id) + " (" + l.T("occ.group", "Code", code) + ")"
	}
	return l.OccupationGroup(code)
}

// OccupationGroup is the VSCO group's official name.
func (l *loc) OccupationGroup(code string) string {
	if x, ok := l.cat.Occupation(code); ok && l.EN() && x.NameEN != "" {
		return x.NameEN
	}
	return l.cat.OccupationName(code)
}

func (l *loc) Industry(code string) string {
	if x, ok := l.cat.Industry(code); ok && l.EN() && x.NameEN != "" {
		return x.NameEN
	}
	return l.cat.IndustryName(code)
}

func (l *loc) Department(code string) string {
	if x, ok := l.cat.Department(code); ok && l.EN() && x.NameEN != "" {
		return x.NameEN
	}
	return l.cat.DepartmentName(code)
}

// Label is the label of a code of a fixed list (optionSets): Vietnamese
// from the domain, English from the message files ("opt.<set>.<code>").
func (l *loc) Label(set, code string) string {
	if l.EN() {
		if id := "opt." + set + "." + code; i18n.Has(i18n.EN, id) {
			return i18n.T(i18n.EN, id)
		}
	}
	return optionSets[set].Label(code)
}

// Options is a fixed list with labels in the page's language.
func (l *loc) Options(set string) domain.Options {
	src := optionSets[set]
	if !l.EN() {
		return src
	}
	out := make(domain.Options, len(src))
	for i, o := range src {
		out[i] = domain.Option{Code: o.Code, Label: l.Label(set, o.Code)}
	}
	return out
}

// CityOptions, OccupationOptions, IndustryOptions and WardGroups are the
// code tables for selects.
func (l *loc) CityOptions() domain.Options {
	out := make(domain.Options, 0, len(l.cat.Cities))
	for _, x := range l.cat.Cities {
		out = append(out, domain.Option{Code: x.Code, Label: l.City(x.Code)})
	}
	return out
}

func (l *loc) OccupationOptions() domain.Options {
	out := make(domain.Options, 0, len(l.cat.Occupations))
	for _, x := range l.cat.Occupations {
		out = append(out, domain.Option{Code: x.Code, Label: l.Occupation(x.Code)})
	}
	return out
}

func (l *loc) IndustryOptions(withCode bool) domain.Options {
	out := make(domain.Options, 0, len(l.cat.Industries))
	for _, x := range l.cat.Industries {
		label := l.Industry(x.Code)
		if withCode {
			label = x.Code + " – " + label
		}
		out = append(out, domain.Option{Code: x.Code, Label: label})
	}
	return out
}

func (l *loc) WardGroups() []optionGroup {
	g := wardGroups(l.cat)
	for i, city := range l.cat.Cities {
		g[i].Label = l.City(city.Code)
	}
	return g
}

// Path is a Vietnamese public path in the page's language ("/viec-lam" →
// "/en/jobs"); a query string is kept.
func (l *loc) Path(viPath string) string { return pathIn(l.Lang, viPath) }

// URL is an entry's canonical page in the page's language.
func (l *loc) URL(kind string, id int64, slug string) string {
	return pathIn(l.Lang, entryURL(kind, id, slug))
}

// TypeLabel is an entry type's name.
func (l *loc) TypeLabel(name string) string {
	t, _ := domain.TypeByName(name)
	if l.EN() {
		return t.LabelEN
	}
	return t.LabelVI
}

// Digits groups thousands: 12.500 in Vietnamese, 12,500 in English.
func (l *loc) Digits(n any) string {
	var v int64
	switch x := n.(type) {
	case int:
		v = int64(x)
	case int64:
		v = x
	case *int:
		if x != nil {
			v = int64(*x)
		}
	case *int64:
		if x != nil {
			v = *x
		}
	}
	s := vn.GroupDigits(v)
	if l.EN() {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Money is an amount: "8.000.000 đ" / "VND 8,000,000"; from a billion on,
// the way people say it: "320 tỷ đồng", "1,5 tỷ đồng" / "VND 1.5 billion".
func (l *loc) Money(v any) string {
	var n int64
	switch x := v.(type) {
	case int64:
		n = x
	case int:
		n = int64(x)
	case *int64:
		if x == nil {
			return ""
		}
		n = *x
	case *int:
		if x == nil {
			return ""
		}
		n = int64(*x)
	default:
		return ""
	}
	if n >= 1_000_000_000 {
		// One decimal, dropped when it is zero: 1.5, 320.
		tenths := (n + 50_000_000) / 100_000_000
		whole, dec := tenths/10, tenths%10
		num := l.Digits(whole)
		if dec != 0 {
			sep := ","
			if l.EN() {
				sep = "."
			}
			num += sep + strconv.FormatInt(dec, 10)
		}
		if l.EN() {
			return "VND " + num + " billion"
		}
		return num + " tỷ đồng"
	}
	if l.EN() {
		return "VND " + l.Digits(n)
	}
	return l.Digits(n) + " đ"
}

// Fee is a tuition fee: 0 is free, nothing is "not published".
func (l *loc) Fee(v *int64) string {
	switch {
	case v == nil:
		return l.T("fee.unknown")
	case *v == 0:
		return l.T("fee.free")
	}
	return l.Money(v)
}

// Wage is a monthly wage range: "8.000.000 – 10.000.000 đ/tháng", or
// "Thỏa thuận" when neither end is set.
func (l *loc) Wage(min, max *int64) string {
	var s string
	switch {
	case min == nil && max == nil:
		return l.T("wage.negotiable")
	case min != nil && max != nil && *min == *max:
		s = l.Money(min)
	case min != nil && max != nil:
		if l.EN() {
			s = "VND " + l.Digits(min) + " – " + l.Digits(max)
		} else {
			s = l.Digits(min) + " – " + l.Money(max)
		}
	case min != nil:
		s = l.T("wage.from", "Amount", l.Money(min))
	default:
		s = l.T("wage.upto", "Amount", l.Money(max))
	}
	return s + l.T("wage.per_month")
}

// AuditAction is what a history entry did.
func (l *loc) AuditAction(action string) string {
	if id := "audit." + action; i18n.Has(l.Lang, id) {
		return l.T(id)
	}
	return auditActions[action]
}

// DepartmentOf is the department of a history entry; none is the system.
func (l *loc) DepartmentOf(code *string) string {
	if code == nil {
		return l.T("audit.system")
	}
	return l.Department(*code)
}
