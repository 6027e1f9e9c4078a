package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// formPage is what the form template shows.
type formPage struct {
	typ      domain.EntryType
	title    string
	values   map[string]string
	errors   map[string]string
	version  int
	conflict []conflictField
	cancel   string
	ledger   *ledgerPart       // the kind's own part's rows (formPart), if any
	queries  map[string]string // the pickers' search words
	warnings []kind.Warning    // asked about before saving ("Vẫn lưu")
}

// formPart is a kind's own part of its back-office form, beside the
// fields the import's rules read (a task's program and ledger, a policy's
// continuing program); each kind's pages give theirs (kindPages.form).
type formPart struct {
	// start is the part's rows for entry e, new or saved; nil for none.
	start func(s *server, c *fiber.Ctx, e any) (*ledgerPart, error)
	// read reads the posted part into e. rest are the values the import's
	// rules read (without those the part read itself), errs the part's
	// problems; redraw is a button of the part that was pressed: the form
	// is drawn again, nothing saved.
	read func(s *server, c *fiber.Ctx, e any, values map[string]string) (part *ledgerPart, rest, errs map[string]string, redraw bool, err error)
	// values adds saved entry e's values of the part to out.
	values func(e any, out map[string]string)
}

// formPartOf is kind k's own part of its form; a zero formPart for none.
func (s *server) formPartOf(k kind.Entry) formPart { return s.pages[k.Type().Name].form }

// formBack applies a posted form to e and shows the form again instead of
// saving when it must: a picker's search, problems to fix, or warnings
// not yet confirmed. shown tells whether it did.
func (s *server) formBack(c *fiber.Ctx, k kind.Entry, e any, page *formPage) (shown bool, err error) {
	rest, partErrs := page.values, map[string]string(nil)
	if read := s.formPartOf(k).read; read != nil {
		var redraw bool
		page.ledger, rest, partErrs, redraw, err = read(s, c, e, page.values)
		if err != nil {
			return true, err
		}
		if redraw { // a button of the part (a ledger row added or removed): not a save
			return true, s.renderForm(c, fiber.StatusOK, *page)
		}
	}
	if c.FormValue(pickerSearch) != "" {
		// A picker's search: not a save.
		return true, s.renderForm(c, fiber.StatusOK, *page)
	}
	if page.errors, err = s.applyForm(c, k, e, rest); err != nil {
		return true, err
	}
	for name, msg := range partErrs {
		// On a field the part read itself, its message is the one to show.
		if _, dup := page.errors[name]; !dup || !hasKey(rest, name) {
			page.errors[name] = msg
		}
	}
	page.ledger.restore()
	if len(page.errors) > 0 {
		return true, s.renderForm(c, fiber.StatusUnprocessableEntity, *page)
	}
	if warn, err := s.warned(c, k, e, page); err != nil || warn {
		if err != nil {
			return true, err
		}
		return true, s.renderForm(c, fiber.StatusOK, *page)
	}
	return false, nil
}

// warned tells whether a valid entry has warnings the official has not yet
// seen and confirmed; they go on the page.
func (s *server) warned(c *fiber.Ctx, k kind.Entry, e any, page *formPage) (bool, error) {
	if c.FormValue("_confirm") == "1" {
		return false, nil
	}
	w, err := k.Warnings(c.UserContext(), s.store, e)
	if err != nil {
		return false, err
	}
	page.warnings = w
	return len(w) > 0, nil
}

type conflictField struct {
	Name, Label, Current, Yours string
}

type errorItem struct{ Name, Message string }

// fieldsFor are the fields an official is offered: an editor does not
// choose the city, it is theirs.
func fieldsFor(typ string, o interface{ IsAdmin() bool }) []formField {
	var out []formField
	for _, f := range kindFields(typ) {
		if f.City && !o.IsAdmin() {
			continue
		}
		out = append(out, f)
	}
	return out
}

func (s *server) renderForm(c *fiber.Ctx, status int, p formPage) error {
	fields := fieldsFor(p.typ.Name, official(c))
	var list []errorItem
	for _, f := range fields {
		if msg, ok := p.errors[f.Name]; ok {
			list = append(list, errorItem{f.Name, msg})
		}
	}
	for _, name := range extraErrorNames(p.errors, func(n string) bool { return hasField(fields, n) }) {
		anchor := name // a ledger field has its own input
		if !strings.HasPrefix(name, "u") || strings.HasPrefix(name, "updates") {
			anchor = fields[0].Name // problems of fields the form does not show
		}
		list = append(list, errorItem{anchor, p.errors[name]})
	}
	pickers, err := s.pickers(c.UserContext(), fields, p.values, p.queries)
	if err != nil {
		return err
	}
	city := official(c).City
	if k, ok := kind.ByName(p.typ.Name); ok && official(c).IsAdmin() {
		for _, f := range k.Fields() {
			if f.City {
				city = p.values[f.Name]
			}
		}
	}
	c.Status(status)
	data := fiber.Map{
		"Type": p.typ, "Fields": fields, "Values": p.values, "Errors": p.errors, "ErrorList": list,
		"Version": p.version, "Conflict": p.conflict, "Cancel": p.cancel,
		"Pickers": pickers, "Wards": s.wardChoices(city), "Warnings": p.warnings,
	}
	if p.ledger != nil {
		data["Ledger"] = p.ledger.rows
		data["LedgerDepartments"] = s.catalog.DepartmentOptions()
	}
	for _, f := range fields {
		if f.Kind == "program" { // a list of programs to pick from
			programs, err := s.programOptions(c)
			if err != nil {
				return err
			}
			data["Programs"] = programs
			break
		}
	}
	return s.renderAdmin(c, "admin/form", p.title, data)
}

func hasKey(m map[string]string, key string) bool {
	_, ok := m[key]
	return ok
}

func hasField(fields []formField, name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// formValues reads only the fields the form offers: anything else posted
// (status, version, id, an editor's city) is ignored.
func formValues(c *fiber.Ctx, fields []formField) map[string]string {
	out := map[string]string{}
	args := c.Request().PostArgs()
	multipart, _ := c.MultipartForm()
	for _, f := range fields {
		var vals []string
		for _, v := range args.PeekMulti(f.Name) {
			vals = append(vals, string(v))
		}
		if multipart != nil {
			vals = append(vals, multipart.Value[f.Name]...)
		}
		if f.Kind == "checks" {
			out[f.Name] = strings.Join(vals, ";")
		} else if len(vals) > 0 {
			out[f.Name] = strings.TrimSpace(vals[0])
		} else {
			out[f.Name] = ""
		}
	}
	return out
}

// applyForm checks the values and applies them to e by the import's rules.
// The editor's city is written in: it is not theirs to choose. The error is
// a failure to read the database, for the error handler (never shown).
func (s *server) applyForm(c *fiber.Ctx, k kind.Entry, e any, values map[string]string) (map[string]string, error) {
	o := official(c)
	if !o.IsAdmin() {
		for _, f := range k.Fields() {
			if f.City {
				values[f.Name] = o.City
			}
		}
	}
	errs, err := importer.ApplyForm(c.UserContext(), s.store, s.catalog, k.Type().Name, e, values)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, re := range errs {
		name := re.Column
		if name == "" {
			name = k.Fields()[0].Name
		}
		if _, dup := out[name]; !dup {
			out[name] = re.Message
		}
	}
	if len(out) == 0 && !o.CanEdit(k.HeadOf(e).City) {
		for _, f := range k.Fields() {
			if f.City {
				out[f.Name] = "Bạn chỉ được cập nhật dữ liệu của " + s.catalog.CityName(o.City) + "; mục chung của cả hai thành phố do quản trị viên cập nhật."
			}
		}
	}
	return out, nil
}

// saveError turns a refused write into field messages.
func saveError(err error) (map[string]string, bool) {
	var ce *store.ConstraintError
	if errors.As(err, &ce) {
		field, msg := kind.Explain(ce)
		switch field {
		case "company_id":
			field = "company_tax_code"
		case "school_id", "school":
			field = "school_code"
		case "ward_code":
			field = "ward"
		case "policy_id":
			field = "program_external_id"
		}
		return map[string]string{field: msg}, true
	}
	return nil, false
}

func (s *server) adminNew(c *fiber.Ctx) error {
	k, err := kindFromPath(c)
	if err != nil {
		return err
	}
	typ := k.Type()
	values := map[string]string{}
	if o := official(c); !o.IsAdmin() {
		values["city"] = o.City
	}
	ledger, err := s.startPart(c, k, k.New())
	if err != nil {
		return err
	}
	return s.renderForm(c, fiber.StatusOK, formPage{typ: typ, title: "Thêm " + strings.ToLower(typ.LabelVI), values: values, cancel: "/admin/" + typ.Plural, ledger: ledger})
}

func (s *server) adminCreate(c *fiber.Ctx) error {
	k, err := kindFromPath(c)
	if err != nil {
		return err
	}
	typ := k.Type()
	fields := fieldsFor(typ.Name, official(c))
	values := formValues(c, fields)
	page := formPage{typ: typ, title: "Thêm " + strings.ToLower(typ.LabelVI), values: values, cancel: "/admin/" + typ.Plural,
		queries: pickerQueries(c, fields)}
	e := k.New()
	if shown, err := s.formBack(c, k, e, &page); shown || err != nil {
		return err
	}
	m := k.MetaOf(e)
	m.Status = domain.StatusDraft
	m.DepartmentCode = importer.DefaultDepartment(k.HeadOf(e).City, typ.Name, values["field"])
	if err := k.Create(c.UserContext(), s.store, e); err != nil {
		if fe, ok := saveError(err); ok {
			page.errors = fe
			return s.renderForm(c, fiber.StatusUnprocessableEntity, page)
		}
		return err
	}
	return s.redirectWith(c, fmt.Sprintf("/admin/%s/%d", typ.Plural, m.ID), "ok", "Đã lưu bản nháp. Mục chưa công khai cho đến khi bạn công bố.")
}

func (s *server) adminEdit(c *fiber.Ctx) error {
	row, err := s.loadEditable(c)
	if err != nil {
		return err
	}
	k := kindOf(row.Type)
	e, err := k.Load(c.UserContext(), s.store, row.Meta.ID)
	if err != nil {
		return err
	}
	values, err := s.valuesOf(c.UserContext(), k, e)
	if err != nil {
		return err
	}
	ledger, err := s.startPart(c, k, e)
	if err != nil {
		return err
	}
	return s.renderForm(c, fiber.StatusOK, formPage{typ: row.Type, title: "Sửa: " + row.Title, values: values,
		version: row.Meta.Version, cancel: fmt.Sprintf("/admin/%s/%d", row.Type.Plural, row.Meta.ID), ledger: ledger})
}

func (s *server) adminUpdate(c *fiber.Ctx) error {
	row, err := s.loadEditable(c)
	if err != nil {
		return err
	}
	k := kindOf(row.Type)
	ctx := c.UserContext()
	current, err := k.Load(ctx, s.store, row.Meta.ID)
	if err != nil {
		return err
	}
	fields := fieldsFor(row.Type.Name, official(c))
	values := formValues(c, fields)
	version, err := strconv.Atoi(c.FormValue("version"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest)
	}
	page := formPage{typ: row.Type, title: "Sửa: " + row.Title, values: values, version: version,
		cancel: fmt.Sprintf("/admin/%s/%d", row.Type.Plural, row.Meta.ID), queries: pickerQueries(c, fields)}
	e, _ := k.Load(ctx, s.store, row.Meta.ID) // a copy to change
	if shown, err := s.formBack(c, k, e, &page); shown || err != nil {
		return err
	}
	k.MetaOf(e).Version = version
	err = k.Update(ctx, s.store, e)
	unchanged := fmt.Sprintf("/admin/%s/%d", row.Type.Plural, row.Meta.ID)
	switch {
	case errors.Is(err, store.ErrUnchanged):
		// PostgreSQL found nothing to save: no new version, no audit entry.
		return s.flashBack(c, unchanged, "Không có thay đổi nào để lưu.")
	case errors.Is(err, store.ErrConflict):
		// Someone saved first: show what differs from the current version
		// and keep what this official typed; nothing is overwritten.
		now, err := s.valuesOf(ctx, k, current)
		if err != nil {
			return err
		}
		for _, f := range fieldsFor(row.Type.Name, official(c)) {
			if now[f.Name] != values[f.Name] {
				page.conflict = append(page.conflict, conflictField{Name: f.Name, Label: f.Label, Current: now[f.Name], Yours: values[f.Name]})
			}
		}
		if len(page.conflict) == 0 { // saved from a stale page, but what it says is already there
			return s.flashBack(c, unchanged, "Không có thay đổi nào để lưu.")
		}
		page.version = k.MetaOf(current).Version
		return s.renderForm(c, fiber.StatusConflict, page)
	case err != nil:
		if fe, ok := saveError(err); ok {
			page.errors = fe
			return s.renderForm(c, fiber.StatusUnprocessableEntity, page)
		}
		return err
	}
	return s.redirectWith(c, fmt.Sprintf("/admin/%s/%d", row.Type.Plural, row.Meta.ID), "ok", "Đã lưu thay đổi.")
}

// valuesOf writes an entry as form values, field names as in the import.
func (s *server) valuesOf(ctx context.Context, k kind.Entry, e any) (map[string]string, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	// The form's ward is the code; the JSON's "ward" is the joined name
	// shown on pages, which must not win by map order.
	delete(raw, "ward")
	rename := map[string]string{"ward_code": "ward"}
	out := map[string]string{}
	for col, v := range raw {
		if n, ok := rename[col]; ok {
			col = n
		}
		out[col] = formText(v)
	}
	parent, err := k.ParentKeys(ctx, s.store, e)
	if err != nil {
		return nil, err
	}
	for col, v := range parent {
		out[col] = v
	}
	if add := s.formPartOf(k).values; add != nil {
		add(e, out)
	}
	for _, f := range k.Fields() {
		// Dates read dd/mm/yyyy whatever the browser's locale.
		if v := out[f.Name]; f.Kind == "date" && len(v) >= 10 && v[4] == '-' && v[7] == '-' {
			out[f.Name] = v[8:10] + "/" + v[5:7] + "/" + v[:4]
		}
	}
	return out, nil
}

func formText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "1"
		}
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		if len(x) > 0 {
			if _, isText := x[0].(string); !isText {
				b, _ := json.Marshal(x)
				return string(b)
			}
		}
		parts := make([]string, 0, len(x))
		for _, item := range x {
			parts = append(parts, formText(item))
		}
		return strings.Join(parts, ";")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// kindFields are the form fields of a kind by its name.
func kindFields(typ string) []formField {
	k, _ := kind.ByName(typ)
	return k.Fields()
}

// startPart is the rows of kind k's own part of the form for entry e.
func (s *server) startPart(c *fiber.Ctx, k kind.Entry, e any) (*ledgerPart, error) {
	if start := s.formPartOf(k).start; start != nil {
		return start(s, c, e)
	}
	return nil, nil
}
