package web

import (
	"context"
	"net/url"
	"reflect"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// One list page serves every kind (templates/list.html): the kind says
// which filters it has (filterField), how they make its store filter and
// how an entry reads in the list. Chips, the "Lọc (n)" count, pagination
// and the English mirror come from here, once.

// filterField is one filter of a public list.
type filterField struct {
	Name  string // the query parameter
	Label string // message id
	// Input is "select", "amount" (a whole number of đồng) or "check".
	Input   string
	Empty   string                     // message id of the "any" option of a select
	Options func(*loc) domain.Options  // a select's options (by code)
	Groups  func(*loc) []optionGroup   // or its options under <optgroup>s
	Valid   func(*server, string) bool // codes a select accepts (default: its Options)
	Hint    string                     // message id, optional
	// Column is the store filter's db tag when it is not Name.
	Column string
}

// listSpec is what one kind's list page needs, and the rest of the kind's
// pages (registerList).
type listSpec[F, T any] struct {
	kind        *kind.Kind[T]
	search      string // message id of the keyword box's label
	placeholder string // message id, optional
	fields      []filterField
	load        func(*store.Store, context.Context, F) (store.List[T], error)
	item        func(*server, *loc, T) listItem
	// show draws an entry's page (showOf); api are the read API's list
	// filters (the same as the page's, read by filterOf); form is the
	// kind's own part of its back-office form, if any.
	show func(*server, *fiber.Ctx, T) error
	api  []apiParam
	form formPart
}

// registerList registers the pages of a kind with a list page: the read
// API reads each list's filters from the same spec.
func registerList[F any, PF interface {
	*F
	Pager() *store.Paging
}, T any](lp listSpec[F, T]) {
	registerPages(lp.kind.Type().Name, func(s *server) kindPages {
		load := func(ctx context.Context, f F) (store.List[T], error) { return lp.load(s.store, ctx, f) }
		return kindPages{
			list: lp.handler(s), show: showOf(s, lp.kind, func(c *fiber.Ctx, e T) error { return lp.show(s, c, e) }),
			api: apiOf[F, PF](load, func(p *params) F { return lp.filterOf(s, p) }), apiParams: lp.api,
			form: lp.form,
		}
	})
}

// filterValues are the valid values of a list's filters, by name.
type filterValues map[string]string

// filterFrom fills a store filter from the valid values: each field whose
// db tag names a filter (its Column, else its Name; "q" for the keyword)
// gets the value; the embedded Paging gets the page.
func filterFrom[F any](vals filterValues, fields []filterField, page int) F {
	var f F
	byColumn := map[string]string{"q": vals["q"]}
	for _, x := range fields {
		col := x.Column
		if col == "" {
			col = x.Name
		}
		byColumn[col] = vals[x.Name]
	}
	rv := reflect.ValueOf(&f).Elem()
	for i := 0; i < rv.NumField(); i++ {
		sf, fv := rv.Type().Field(i), rv.Field(i)
		if sf.Type == reflect.TypeOf(store.Paging{}) {
			fv.Set(reflect.ValueOf(store.Paging{Page: page}))
			continue
		}
		v, ok := byColumn[sf.Tag.Get("db")]
		if !ok || v == "" {
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			fv.SetString(v)
		case reflect.Int64:
			n, _ := strconv.ParseInt(v, 10, 64) // amounts were checked by params
			fv.SetInt(n)
		case reflect.Bool:
			fv.SetBool(v == "1")
		}
	}
	return f
}

// chip is an active filter shown above the results, with the link that
// drops it.
type chip struct {
	Label, Value, Remove string
}

// filterView is a filter as the list page draws it.
type filterView struct {
	filterField
	ID       string
	Value    string
	Opts     domain.Options
	OptGroup []optionGroup
}

func (lp listSpec[F, T]) handler(s *server) fiber.Handler {
	return func(c *fiber.Ctx) error {
		l := s.loc(c)
		p := newParams(c)
		p.l = l
		f, q, views, vals := lp.parse(s, l, p)
		list, err := lp.load(s.store, c.UserContext(), f)
		if err != nil {
			return err
		}
		query := queryValues(c)
		path := c.Path()
		chips := activeChips(l, path, query, q, views)
		entries := make([]listItem, len(list.Items))
		for i, x := range list.Items {
			entries[i] = lp.item(s, l, x)
		}
		name := lp.kind.Type().Name
		return s.render(c, "list", l.T("list."+name+".title"), name, fiber.Map{
			"Kind": name, "Q": q, "SearchLabel": l.T(lp.search), "Placeholder": optT(l, lp.placeholder),
			"Filters": views, "Chips": chips, "Active": len(vals) - 1, // q is not counted
			"List":  list,
			"Items": entries, "Problems": p.Problems, "OwnSearch": true,
			"Pages": pagination(path, query, list.Page, list.Pages()),
		})
	}
}

// filterOf is the store filter a request asks for, for any reader of the
// same list (the page, an API): the filters' rules are said once.
func (lp listSpec[F, T]) filterOf(s *server, p *params) F {
	l := p.l
	if l == nil {
		l = &loc{Lang: "vi", cat: s.catalog}
	}
	f, _, _, _ := lp.parse(s, l, p)
	return f
}

// parse reads the keyword and every filter (bad values become notes in
// p.Problems) into the store filter, the filters as drawn, and the valid
// values by name ("q" included).
func (lp listSpec[F, T]) parse(s *server, l *loc, p *params) (F, string, []filterView, filterValues) {
	q := p.text("q")
	vals := filterValues{}
	views := make([]filterView, 0, len(lp.fields))
	for _, f := range lp.fields {
		var v string
		switch f.Input {
		case "check":
			if p.flag(f.Name) {
				v = "1"
			}
		case "amount":
			if n := p.amount(f.Name, f.Label); n > 0 {
				v = strconv.FormatInt(n, 10)
			}
		default:
			valid := func(code string) bool { return f.options(l).Has(code) || hasGroup(f.groups(l), code) }
			if f.Valid != nil {
				valid = func(code string) bool { return f.Valid(s, code) }
			}
			v = p.code(f.Name, f.Label, valid)
		}
		if v != "" {
			vals[f.Name] = v
		}
		views = append(views, filterView{filterField: f, ID: "f-" + f.Name, Value: v, Opts: f.options(l), OptGroup: f.groups(l)})
	}
	vals["q"] = q
	return filterFrom[F](vals, lp.fields, p.page()), q, views, vals
}

func (f filterField) options(l *loc) domain.Options {
	if f.Options == nil {
		return nil
	}
	return f.Options(l)
}

func (f filterField) groups(l *loc) []optionGroup {
	if f.Groups == nil {
		return nil
	}
	return f.Groups(l)
}

func hasGroup(groups []optionGroup, code string) bool {
	for _, g := range groups {
		if g.Options.Has(code) {
			return true
		}
	}
	return false
}

// activeChips lists the filters in use, each with the URL without it.
func activeChips(l *loc, path string, query url.Values, q string, views []filterView) []chip {
	drop := func(name string) string {
		v := url.Values{}
		for k, vals := range query {
			if k != name && k != "page" {
				v[k] = vals
			}
		}
		if enc := v.Encode(); enc != "" {
			return path + "?" + enc
		}
		return path
	}
	var out []chip
	if q != "" {
		out = append(out, chip{Label: l.T("filter.keyword"), Value: "“" + q + "”", Remove: drop("q")})
	}
	for _, f := range views {
		if f.Value == "" {
			continue
		}
		value := f.Value
		switch f.Input {
		case "check":
			value = ""
		case "amount":
			n, _ := strconv.ParseInt(f.Value, 10, 64)
			value = l.Money(n)
		default:
			value = f.Opts.Label(f.Value)
			for _, g := range f.OptGroup {
				if g.Options.Has(f.Value) {
					value = g.Options.Label(f.Value)
				}
			}
		}
		out = append(out, chip{Label: l.T(f.Label), Value: value, Remove: drop(f.Name)})
	}
	return out
}

func optT(l *loc, id string) string {
	if id == "" {
		return ""
	}
	return l.T(id)
}

// Filters several lists share.
var (
	cityFilter = filterField{Name: "city", Label: "filter.city", Empty: "filter.city.any",
		Options: (*loc).CityOptions, Valid: func(s *server, v string) bool { return s.catalog.IsCity(v) }}
	wardFilter = filterField{Name: "ward", Label: "filter.ward", Empty: "filter.ward.any",
		Groups: (*loc).WardGroups, Valid: func(s *server, v string) bool { return s.catalog.IsWard(v) }}
)

// optionFilter is a select over a fixed list of optionSets.
func optionFilter(name, set, label, empty string) filterField {
	return filterField{Name: name, Label: label, Empty: empty, Options: func(l *loc) domain.Options { return l.Options(set) }}
}

// sortFilter is the sort order: codes and their message ids.
func sortFilter(empty string, pairs ...string) filterField {
	return filterField{Name: "sort", Label: "filter.sort", Empty: empty, Options: func(l *loc) domain.Options {
		out := make(domain.Options, 0, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, domain.Option{Code: pairs[i], Label: l.T(pairs[i+1])})
		}
		return out
	}}
}
