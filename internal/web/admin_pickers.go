package web

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// A picker chooses a parent entry (a job's company) without JavaScript:
// a search field and a "Tìm" button that posts the form back, which the
// server answers with the form as typed and the select narrowed to the
// entries matching the words. Nothing is saved by a search.

// pickerSearch is the button's name; its value names the field searched.
const pickerSearch = "_pick"

// pickerQuery is the name of a picker's search field.
func pickerQuery(field string) string { return field + "__q" }

// maxPicks is how many entries a picker's select offers.
const maxPicks = 50

// pickerView is what the form shows of one picker.
type pickerView struct {
	Query   string
	Options domain.Options
	Found   int  // entries matching the words (may be more than offered)
	Asked   bool // a search was made
}

// pickers builds the pickers of a form: the entries matching each one's
// words, and the one chosen (kept even when the words do not match it).
func (s *server) pickers(ctx context.Context, fields []formField, values map[string]string, queries map[string]string) (map[string]pickerView, error) {
	out := map[string]pickerView{}
	for _, f := range fields {
		if f.Kind != "picker" {
			continue
		}
		k, ok := kind.ByName(f.Pick)
		if !ok {
			continue
		}
		v := pickerView{Query: queries[f.Name], Asked: queries[f.Name] != ""}
		heads, list, err := k.List(ctx, s.store, kind.ListFilter{Paging: store.Paging{PerPage: maxPicks}, Q: v.Query})
		if err != nil {
			return nil, err
		}
		v.Found = list.Total
		chosen := values[f.Name]
		seen := false
		for _, h := range heads {
			v.Options = append(v.Options, domain.Option{Code: h.Key, Label: s.pickLabel(h)})
			seen = seen || h.Key == chosen
		}
		if chosen != "" && !seen {
			// The chosen entry stays on offer, first.
			if hs, _, err := k.List(ctx, s.store, kind.ListFilter{Paging: store.Paging{PerPage: 5}, Q: chosen}); err == nil {
				for _, h := range hs {
					if h.Key == chosen {
						v.Options = append(domain.Options{{Code: h.Key, Label: s.pickLabel(h)}}, v.Options...)
					}
				}
			}
		}
		out[f.Name] = v
	}
	return out, nil
}

func (s *server) pickLabel(h kind.Head) string {
	label := h.Title
	if h.Key != "" {
		label += " — " + h.Key
	}
	return label + " (" + s.catalog.CityName(h.City) + ")"
}

// pickerQueries reads the pickers' search fields of a posted form.
func pickerQueries(c *fiber.Ctx, fields []formField) map[string]string {
	out := map[string]string{}
	for _, f := range fields {
		if f.Kind == "picker" {
			q := strings.Join(strings.Fields(c.FormValue(pickerQuery(f.Name))), " ")
			if len(q) > maxQueryLen {
				q = strings.ToValidUTF8(q[:maxQueryLen], "")
			}
			out[f.Name] = q
		}
	}
	return out
}

// wardChoices are the wards a form offers: those of the entry's city, or
// of every city (grouped by city) while the city is not chosen; each
// ward with the districts its former units were in.
func (s *server) wardChoices(city string) []optionGroup {
	var out []optionGroup
	for _, c := range s.catalog.Cities {
		if city != "" && city != domain.Both && c.Code != city {
			continue
		}
		g := optionGroup{Label: c.ShortVI}
		for _, w := range s.catalog.WardsOf(c.Code) {
			label := w.Name
			if d := importer.FormerDistricts(w); d != "" {
				label += " (trước đây: " + d + ")"
			}
			g.Options = append(g.Options, domain.Option{Code: w.Code, Label: label})
		}
		out = append(out, g)
	}
	return out
}
