package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// auditFilter reads the audit log's filters: type, action, official,
// department and a range of days (dd/mm/yyyy, Vietnam time, both days
// included). Scope: an editor sees their city's departments only.
func (s *server) auditFilter(c *fiber.Ctx, p *params) (store.AuditFilter, map[string]string) {
	f := store.AuditFilter{
		Paging:     store.Paging{Page: p.page(), PerPage: 50},
		EntityType: p.code("type", "Loại", func(v string) bool { _, ok := domain.TypeByName(v); return ok }),
		Action:     p.code("action", "Thao tác", func(v string) bool { _, ok := auditActions[v]; return ok }),
		Department: p.code("department", "Cơ quan", func(v string) bool { _, ok := s.catalog.Department(v); return ok }),
	}
	if id, err := strconv.ParseInt(c.Query("id"), 10, 64); err == nil {
		f.EntityID = id
	}
	if id, err := strconv.ParseInt(c.Query("user"), 10, 64); err == nil && id > 0 {
		f.UserID = id
	}
	days := map[string]string{}
	for _, d := range []struct {
		name, label string
		dst         **time.Time
		next        bool
	}{{"from", "Từ ngày", &f.From, false}, {"to", "Đến ngày", &f.To, true}} {
		v := p.text(d.name)
		if v == "" {
			continue
		}
		t, ok := parseDay(v)
		if !ok {
			p.Problems = append(p.Problems, "Ngày “"+d.label+"” không hợp lệ (dùng dạng 31/12/2026) nên bộ lọc này đã được bỏ qua.")
			continue
		}
		if d.next {
			t = t.AddDate(0, 0, 1) // the whole last day
		}
		*d.dst = &t
		days[d.name] = v
	}
	if o := official(c); !o.IsAdmin() {
		f.City = o.City
	}
	return f, days
}

func (s *server) adminAudit(c *fiber.Ctx) error {
	p := newParams(c)
	f, days := s.auditFilter(c, p)
	list, err := s.store.AuditLog(c.UserContext(), f)
	if err != nil {
		return err
	}
	users, err := s.store.Users(c.UserContext())
	if err != nil {
		return err
	}
	var officials, departments domain.Options
	for _, u := range users {
		officials = append(officials, domain.Option{Code: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	for _, d := range s.catalog.Departments {
		if o := official(c); o.IsAdmin() || d.CityCode == o.City {
			departments = append(departments, domain.Option{Code: d.Code, Label: d.NameVI})
		}
	}
	user := ""
	if f.UserID > 0 {
		user = strconv.FormatInt(f.UserID, 10)
	}
	csvURL := "/admin/nhat-ky.csv"
	if q := queryValues(c); len(q) > 0 {
		q.Del("page")
		csvURL += "?" + q.Encode()
	}
	return s.renderAdmin(c, "admin/audit", "Nhật ký thay đổi", fiber.Map{
		"List": list, "F": f, "Problems": p.Problems, "Actions": auditActions, "Types": domain.EntryTypes,
		"Officials": officials, "Departments": departments, "UserFilter": user,
		"From": days["from"], "To": days["to"], "CSVURL": csvURL,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// maxAuditExport bounds the rows of one CSV export.
const maxAuditExport = 10000

// adminAuditCSV exports the filtered audit log for admins: Vietnam time,
// labels and displayed values. Officials are named by account number and
// department, never by name or email (an export leaves the back office).
func (s *server) adminAuditCSV(c *fiber.Ctx) error {
	if !official(c).IsAdmin() {
		return fiber.NewError(fiber.StatusForbidden)
	}
	p := newParams(c)
	f, _ := s.auditFilter(c, p)
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="nhat-ky-thay-doi.csv"`)
	var b strings.Builder
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"Thời điểm (giờ Việt Nam)", "Loại", "Mã mục", "Thao tác", "Tài khoản", "Cơ quan", "Thay đổi", "Lý do"})
	f.PerPage = store.MaxPerPage
	for page, n := 1, 0; n < maxAuditExport; page++ {
		f.Page = page
		list, err := s.store.AuditLog(c.UserContext(), f)
		if err != nil {
			return err
		}
		for _, a := range list.Items {
			account, dept := "Hệ thống", ""
			if a.UserID != nil {
				account = "#" + strconv.FormatInt(*a.UserID, 10)
			}
			if a.DepartmentCode != nil {
				dept = s.catalog.DepartmentName(*a.DepartmentCode)
			}
			var changes []string
			for _, ch := range auditChangesOf(s.catalog, a) {
				changes = append(changes, ch.Label+": "+ch.From+" → "+ch.To)
			}
			t, _ := domain.TypeByName(a.EntityType)
			_ = w.Write([]string{formatDateTime(a.At), t.LabelVI, strconv.FormatInt(a.EntityID, 10), auditActions[a.Action],
				account, dept, strings.Join(changes, "; "), a.Reason})
			n++
		}
		if len(list.Items) < f.PerPage {
			break
		}
	}
	w.Flush()
	return c.SendString(b.String())
}

// auditChange is one changed field as the page shows it.
type auditChange struct{ Label, From, To string }

// auditChanges puts labels and displayed values on an audit entry's
// changes: "Trạng thái: Bản nháp → Đã công bố", not status: "draft".
func auditChangesOf(cat *Catalog, a store.AuditEntry) []auditChange {
	l := columnLabelsOf(cat, a.EntityType)
	var out []auditChange
	for field, ch := range a.Changes() {
		col := field
		if _, ok := l[col]; !ok {
			if c, ok := l[strings.TrimSuffix(field, "_code")]; ok {
				col = c.Name
			}
		}
		out = append(out, auditChange{Label: l.label(col), From: l.value(col, jsonText(ch.From)), To: l.value(col, jsonText(ch.To))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// jsonText reads a JSON value as text: a string as itself, null as "".
func jsonText(raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSuffix(x, "T00:00:00Z")
	case bool:
		if x {
			return "có"
		}
		return "không"
	}
	return fmt.Sprint(v)
}
