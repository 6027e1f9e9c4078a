package web

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
)

// The commitment form's ledger: progress updates and reviews with their
// evidence, as repeatable groups of plain fields. Adding or removing a
// group is a submit button ("ledger" = add, remove-2, add-evidence-1,
// remove-evidence-1-0) that redraws the form with what was typed, so it
// works without JavaScript; only "Lưu" saves. No JSON anywhere.

// ledgerRow is one update as the form holds it: text as typed.
type ledgerRow struct {
	Index                  int
	Date, Kind, Text, Dept string
	Evidence               []evidenceInput
}

type evidenceInput struct {
	Index              int
	Title, Source, URL string
}

// formInt reads a small non-negative count from the form, capped at max.
func formInt(c *fiber.Ctx, name string, max int) int {
	n, err := strconv.Atoi(strings.TrimSpace(c.FormValue(name)))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, max)
}

// readLedger reads the ledger groups posted by the form, bounded.
func readLedger(c *fiber.Ctx) []ledgerRow {
	n := formInt(c, "u_n", domain.MaxProgressUpdates+1)
	rows := make([]ledgerRow, 0, n)
	for i := range n {
		r := ledgerRow{
			Date: strings.TrimSpace(c.FormValue(domain.UpdateField(i, "date"))),
			Kind: strings.TrimSpace(c.FormValue(domain.UpdateField(i, "kind"))),
			Text: strings.TrimSpace(c.FormValue(domain.UpdateField(i, "text"))),
			Dept: strings.TrimSpace(c.FormValue(domain.UpdateField(i, "dept"))),
		}
		for j := range formInt(c, domain.UpdateField(i, "en"), domain.MaxEvidence+1) {
			r.Evidence = append(r.Evidence, evidenceInput{
				Title:  strings.TrimSpace(c.FormValue(domain.EvidenceField(i, j, "title"))),
				Source: strings.TrimSpace(c.FormValue(domain.EvidenceField(i, j, "source"))),
				URL:    strings.TrimSpace(c.FormValue(domain.EvidenceField(i, j, "url"))),
			})
		}
		rows = append(rows, r)
	}
	return numbered(rows)
}

// numbered sets the rows' indexes, which name their fields.
func numbered(rows []ledgerRow) []ledgerRow {
	for i := range rows {
		rows[i].Index = i
		for j := range rows[i].Evidence {
			rows[i].Evidence[j].Index = j
		}
	}
	return rows
}

// ledgerRowsOf writes a saved ledger as form rows.
func ledgerRowsOf(us []domain.LedgerUpdate) []ledgerRow {
	rows := make([]ledgerRow, len(us))
	for i, u := range us {
		rows[i] = ledgerRow{Date: u.Date.Format(time.DateOnly), Kind: u.Kind, Text: u.Text, Dept: u.DepartmentCode}
		for _, e := range u.Evidence {
			rows[i].Evidence = append(rows[i].Evidence, evidenceInput{Title: e.Title, Source: e.Source, URL: e.URL})
		}
	}
	return numbered(rows)
}

// ledgerAction applies the pressed add/remove button to rows; ok is false
// when the button was "Lưu" (or none).
func (s *server) ledgerAction(c *fiber.Ctx, rows []ledgerRow) ([]ledgerRow, bool) {
	act := c.FormValue("ledger")
	var i, j int
	switch {
	case act == "add":
		if len(rows) < domain.MaxProgressUpdates {
			rows = append(rows, ledgerRow{Date: s.today().Format(time.DateOnly), Kind: "update", Dept: s.officialDepartment(c)})
		}
	case scan(act, "remove-%d", &i) && i < len(rows):
		rows = append(rows[:i], rows[i+1:]...)
	case scan(act, "add-evidence-%d", &i) && i < len(rows):
		if len(rows[i].Evidence) < domain.MaxEvidence {
			rows[i].Evidence = append(rows[i].Evidence, evidenceInput{})
		}
	case scan(act, "remove-evidence-%d-%d", &i, &j) && i < len(rows) && j < len(rows[i].Evidence):
		rows[i].Evidence = append(rows[i].Evidence[:j], rows[i].Evidence[j+1:]...)
	default:
		return rows, false
	}
	return numbered(rows), true
}

// scan matches a button value exactly against format.
func scan(v, format string, args ...any) bool {
	n, err := fmt.Sscanf(v, format, args...)
	return err == nil && n == len(args) && fmt.Sprintf(format, derefInts(args)...) == v
}

func derefInts(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = *(a.(*int))
	}
	return out
}

// officialDepartment is the signed-in official's department, if any.
func (s *server) officialDepartment(c *fiber.Ctx) string {
	if d := sessionOf(c).User.DepartmentCode; d != nil {
		return *d
	}
	return ""
}

// ledgerUpdates turns the rows into updates, with a message per field
// that is wrong: dates, kinds, the department competent on the date,
// texts and links (http/https only).
func (s *server) ledgerUpdates(rows []ledgerRow) ([]domain.LedgerUpdate, map[string]string) {
	errs := map[string]string{}
	out := make([]domain.LedgerUpdate, len(rows))
	for i, r := range rows {
		u := domain.LedgerUpdate{Kind: r.Kind, Text: r.Text, DepartmentCode: r.Dept}
		if r.Date != "" {
			d, err := time.Parse(time.DateOnly, r.Date)
			if err != nil {
				d, err = time.Parse("2/1/2006", r.Date)
			}
			if err != nil || d.Year() < 2000 || d.Year() > 2100 {
				errs[domain.UpdateField(i, "date")] = fmt.Sprintf("Cập nhật %d: ngày phải có dạng ngày/tháng/năm, ví dụ 15/01/2025.", i+1)
			} else {
				u.Date = d
			}
		}
		if r.Dept != "" && !u.Date.IsZero() {
			if _, ok := s.catalog.Department(r.Dept); !ok {
				errs[domain.UpdateField(i, "dept")] = fmt.Sprintf("Cập nhật %d: vui lòng chọn cơ quan trong danh sách.", i+1)
			} else if !s.catalog.ValidOn(r.Dept, u.Date) {
				errs[domain.UpdateField(i, "dept")] = fmt.Sprintf("Cập nhật %d: %s không phải cơ quan có thẩm quyền vào ngày %s.", i+1, s.catalog.DepartmentName(r.Dept), dateOf(u.Date))
			}
		}
		for _, e := range r.Evidence {
			u.Evidence = append(u.Evidence, domain.Evidence{Title: e.Title, Source: e.Source, URL: e.URL})
		}
		out[i] = u
	}
	for name, msg := range domain.ValidateLedger(out) {
		if _, dup := errs[name]; !dup {
			errs[name] = msg
		}
	}
	return out, errs
}

// programOptions are the programs a commitment may belong to, by id.
func (s *server) programOptions(c *fiber.Ctx) (domain.Options, error) {
	list, err := s.store.ProgramChoices(c.UserContext())
	if err != nil {
		return nil, err
	}
	out := make(domain.Options, 0, len(list))
	for _, p := range list {
		label := p.Title
		if p.Status != string(domain.StatusPublished) {
			label += " (" + strings.ToLower(domain.Statuses.Label(p.Status)) + ")"
		}
		out = append(out, domain.Option{Code: strconv.FormatInt(p.ID, 10), Label: label})
	}
	return out, nil
}

// ledgerPart is what the commitment form adds to the generic form: the
// rows, the programs to choose from, and the updates read from the rows.
type ledgerPart struct {
	rows     []ledgerRow
	programs domain.Options
	entry    *domain.Commitment
	updates  []domain.LedgerUpdate
}

// restore puts the ledger back on the entry once the import rules have
// checked the rest of it (they see it without the ledger, checked here).
func (p *ledgerPart) restore() {
	if p != nil && p.entry != nil {
		p.entry.Updates = p.updates
	}
}

// commitmentForm is the commitment form's own part: its program, picked
// from a list by id, and its ledger.
var commitmentForm = formPart{start: (*server).ledgerOf, read: (*server).readCommitmentForm,
	values: func(e any, out map[string]string) {
		out["program_external_id"] = strconv.FormatInt(e.(*domain.Commitment).PolicyID, 10) // the form picks from a list of ids
	}}

// ledgerOf is the ledger part of the form for commitment e.
func (s *server) ledgerOf(c *fiber.Ctx, e any) (*ledgerPart, error) {
	m := e.(*domain.Commitment)
	programs, err := s.programOptions(c)
	return &ledgerPart{rows: ledgerRowsOf(m.Updates), programs: programs, entry: m, updates: m.Updates}, err
}

// readCommitmentForm reads the commitment-only part of a posted form into
// e (program and ledger) and tells whether a ledger button was pressed:
// the form is then redrawn, nothing saved. values keeps the program's id
// for the redraw; rest is what the import rules read.
func (s *server) readCommitmentForm(c *fiber.Ctx, e any, values map[string]string) (part *ledgerPart, rest, errs map[string]string, redraw bool, err error) {
	m := e.(*domain.Commitment)
	part = &ledgerPart{rows: readLedger(c), entry: m}
	if part.programs, err = s.programOptions(c); err != nil {
		return nil, nil, nil, false, err
	}
	if part.rows, redraw = s.ledgerAction(c, part.rows); redraw {
		return part, nil, nil, true, nil
	}
	rest = make(map[string]string, len(values))
	for name, v := range values {
		rest[name] = v
	}
	delete(rest, "program_external_id") // an id from the list, not an import key
	part.updates, errs = s.ledgerUpdates(part.rows)
	m.PolicyID = 0
	if id := values["program_external_id"]; part.programs.Has(id) {
		m.PolicyID, _ = strconv.ParseInt(id, 10, 64)
	} else if id != "" {
		errs["program_external_id"] = "Vui lòng chọn chương trình hợp tác trong danh sách."
	}
	m.Updates = nil
	return part, rest, errs, false, nil
}

// extraErrorNames are the names of errors on fields the generic list does
// not hold (the ledger's), in row and field order.
func extraErrorNames(errs map[string]string, known func(string) bool) []string {
	var out []string
	for name := range errs {
		if !known(name) {
			out = append(out, name)
		}
	}
	sort.Slice(out, func(a, b int) bool { return ledgerOrder(out[a]) < ledgerOrder(out[b]) })
	return out
}

// ledgerOrder sorts u2_text before u10_date and a row's fields in form order.
func ledgerOrder(name string) string {
	var i, j int
	var field string
	if n, _ := fmt.Sscanf(name, "u%d_e%d_%s", &i, &j, &field); n == 3 {
		return fmt.Sprintf("%04d-1-%04d-%s", i, j, fieldRank(field))
	}
	if n, _ := fmt.Sscanf(name, "u%d_%s", &i, &field); n == 2 {
		return fmt.Sprintf("%04d-0-%s", i, fieldRank(field))
	}
	return "9999-" + name
}

func fieldRank(f string) string {
	ranks := map[string]string{"date": "1", "kind": "2", "dept": "3", "text": "4", "title": "5", "source": "6", "url": "7"}
	if r, ok := ranks[f]; ok {
		return r
	}
	return "9" + f
}

// policyForm is the policy form's own part: its continuing program.
var policyForm = formPart{read: func(s *server, c *fiber.Ctx, e any, values map[string]string) (*ledgerPart, map[string]string, map[string]string, bool, error) {
	rest, errs, err := s.continuingProgram(c, e.(*domain.Policy), values)
	return nil, rest, errs, false, err
}}

// continuingProgram reads a policy form's continuing program, picked from
// the list by id (the import names it by external_id instead).
func (s *server) continuingProgram(c *fiber.Ctx, p *domain.Policy, values map[string]string) (rest, errs map[string]string, err error) {
	rest = make(map[string]string, len(values))
	for name, v := range values {
		rest[name] = v
	}
	delete(rest, "continued_by")
	errs = map[string]string{}
	id := values["continued_by"]
	if id == "" {
		p.ContinuedBy = nil
		return rest, errs, nil
	}
	programs, err := s.programOptions(c)
	if err != nil {
		return nil, nil, err
	}
	n, _ := strconv.ParseInt(id, 10, 64)
	switch {
	case !programs.Has(id):
		errs["continued_by"] = "Vui lòng chọn chương trình tiếp nối trong danh sách."
	case n == p.ID:
		errs["continued_by"] = "Một chương trình không thể tiếp nối chính nó."
	default:
		p.ContinuedBy = &n
	}
	return rest, errs, nil
}
