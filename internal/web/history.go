package web

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// Public history, field by field: each change with its date, the body
// competent on that date, and the public fields that changed, old → new,
// labelled and written as the page shows them. Never who the official was.

// historyLine is one change as the public reads it.
type historyLine struct {
	At         time.Time
	Action     string
	Department string
	DeptCode   *string // the department competent that day; nil is the system
	Reason     string
	Changes    []fieldChange
}

// fieldChange is one public field's change. Long is a long text: the line
// says "đã sửa nội dung" rather than quoting both versions.
type fieldChange struct {
	Label, From, To string
	Long            bool
	Link            string // a long text's full, current version: the entry's page
}

// historyShort is how many changes a detail page lists before linking to
// its full history.
const historyShort = 5

// historyLines turns audit rows into lines, newest first; page is the
// entry's page, where a long text's full version is.
func (s *server) historyLines(typ, page string, rows []store.PublicHistory) []historyLine {
	k, _ := kind.ByName(typ)
	out := make([]historyLine, 0, len(rows))
	for i := len(rows) - 1; i >= 0; i-- {
		r := rows[i]
		l := historyLine{At: r.At, Action: r.Action, Reason: r.Reason, Department: "Hệ thống"}
		if r.DepartmentCode != nil {
			code := s.catalog.DepartmentOn(*r.DepartmentCode, r.At.In(vn.DateLocation))
			l.Department, l.DeptCode = s.catalog.DepartmentName(code), &code
		}
		if r.Action == "update" && k != nil {
			l.Changes = s.fieldChanges(k, r.Changes())
			for i := range l.Changes {
				l.Changes[i].Link = page
			}
		}
		out = append(out, l)
	}
	return out
}

// columnField maps an audited column to the form field that shows it,
// where their names differ.
func columnField(k kind.Entry, column string) (kind.Field, bool) {
	if column == "ledger_digest" {
		return kind.Field{Name: column, Label: "Cập nhật tiến độ, sơ kết, tổng kết", Kind: "textarea"}, true
	}
	for _, f := range k.Fields() {
		switch {
		case f.Name == "external_id":
			continue // a department's spreadsheet key, not a public field
		case f.Name == column, column == "city" && f.City, column == "ward_code" && f.Name == "ward":
			return f, true
		}
	}
	return kind.Field{}, false
}

func (s *server) fieldChanges(k kind.Entry, changes map[string]store.Change) []fieldChange {
	type ordered struct {
		at int
		fieldChange
	}
	var list []ordered
	fields := k.Fields()
	for column, ch := range changes {
		f, ok := columnField(k, column)
		if !ok {
			continue
		}
		at := len(fields)
		for i := range fields {
			if fields[i].Name == f.Name {
				at = i
			}
		}
		fc := fieldChange{Label: publicLabel(f.Label)}
		if f.Kind == "textarea" || f.Kind == "markdown" {
			fc.Long = true
		} else {
			fc.From, fc.To = s.shownValue(f, ch.From), s.shownValue(f, ch.To)
		}
		list = append(list, ordered{at, fc})
	}
	sort.Slice(list, func(a, b int) bool {
		return list[a].at < list[b].at || (list[a].at == list[b].at && list[a].Label < list[b].Label)
	})
	out := make([]fieldChange, len(list))
	for i, o := range list {
		out[i] = o.fieldChange
	}
	return out
}

// shownValue writes an audited JSON value as the page shows the field.
func (s *server) shownValue(f kind.Field, raw json.RawMessage) string {
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil || v == nil || v == "" {
		return "(trống)"
	}
	label := func(code string) string {
		if f.Options != nil {
			if l := f.Options(s.catalog).Label(code); l != "" {
				return l
			}
		}
		if _, ok := s.catalog.Department(code); ok {
			return s.catalog.DepartmentName(code) // a body no longer in the current list
		}
		return code
	}
	switch x := v.(type) {
	case float64:
		switch f.Kind {
		case "money":
			return vn.Money(int64(x))
		case "number":
			return vn.GroupDigits(int64(x))
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "Có"
		}
		return "Không"
	case string:
		if f.Kind == "date" {
			return dateOf(x[:min(len(x), 10)])
		}
		if f.Kind == "select" || f.Options != nil {
			return label(x)
		}
		return x
	case []any:
		parts := make([]string, 0, len(x))
		for _, it := range x {
			if str, ok := it.(string); ok {
				parts = append(parts, label(str))
			}
		}
		if len(parts) == 0 {
			return "(trống)"
		}
		return strings.Join(parts, ", ")
	}
	return "(đã thay đổi)"
}

// historyPage is /<list>/<id>-<slug>/lich-su: the whole history of a
// public entry.
func (s *server) historyPage(k kind.Entry) fiber.Handler {
	typ := k.Type()
	return func(c *fiber.Ctx) error {
		id, slug, ok := parseRef(c.Params("ref"))
		if !ok {
			return fiber.ErrNotFound
		}
		public, err := s.store.IsPublic(c.UserContext(), typ.Name, id)
		if err != nil {
			return err
		}
		if !public {
			return fiber.ErrNotFound
		}
		head, err := k.Head(c.UserContext(), s.store, id)
		if err != nil {
			return err
		}
		if slug != head.Meta.Slug {
			return c.Redirect(pathIn(langOf(c), entryURL(typ.Name, id, head.Meta.Slug)+"/lich-su"), fiber.StatusMovedPermanently)
		}
		rows, err := s.store.History(c.UserContext(), typ.Name, id)
		if err != nil {
			return err
		}
		l := s.loc(c)
		return s.render(c, "history", l.T("history.title_of", "Title", head.Title), typ.Name, fiber.Map{
			"Lines": s.historyLines(typ.Name, entryURL(typ.Name, id, head.Meta.Slug), rows), "EntryTitle": head.Title,
			"EntryURL": l.URL(typ.Name, id, head.Meta.Slug), "TypeLabel": l.TypeLabel(typ.Name), "ListPath": l.Path(typ.Path),
		})
	}
}

// historyRoutes add each kind's history page.
func (s *server) historyRoutes(app *fiber.App) {
	for _, k := range kind.All {
		app.Get(k.Type().Path+"/:ref/lich-su", s.historyPage(k))
	}
}

// publicLabel is a form label without the unit it asks in ("Lương tối đa
// (đồng/tháng)" → "Lương tối đa"): the value says it already.
func publicLabel(label string) string {
	if i := strings.LastIndex(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		return label[:i]
	}
	return label
}
