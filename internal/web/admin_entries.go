package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// adminRow is one entry in a back-office list, whatever its kind.
type adminRow struct {
	kind.Head
	Editable bool
}

// kindFromPath reads /admin/:kind (the API plural: jobs, companies, …).
func kindFromPath(c *fiber.Ctx) (kind.Entry, error) {
	if k, ok := kind.ByPlural(c.Params("kind")); ok {
		return k, nil
	}
	return nil, fiber.ErrNotFound
}

func (s *server) adminList(c *fiber.Ctx) error {
	k, err := kindFromPath(c)
	if err != nil {
		return err
	}
	typ := k.Type()
	p := newParams(c)
	o := official(c)
	f := kind.ListFilter{
		Paging: store.Paging{Page: p.page(), PerPage: 50},
		Status: p.option("status", "Trạng thái", domain.Statuses),
		City:   p.code("city", "Thành phố", s.catalog.IsCity),
		Q:      p.text("q"),
	}
	since := p.text("since")
	if since != "" {
		if t, ok := parseDay(since); ok {
			f.Since = &t
		} else {
			p.Problems = append(p.Problems, "Ngày “Cập nhật từ” không hợp lệ (dùng dạng 31/12/2026) nên bộ lọc này đã được bỏ qua.")
			since = ""
		}
	}
	if !o.IsAdmin() {
		f.City = o.City // an editor sees their own city (and entries of both)
	}
	ctx := c.UserContext()
	heads, list, err := k.List(ctx, s.store, f)
	if err != nil {
		return err
	}
	counts, err := s.store.StatusCounts(ctx, k.Table(), f)
	if err != nil {
		return err
	}
	rows := make([]adminRow, len(heads))
	for i, h := range heads {
		rows[i] = adminRow{Head: h, Editable: o.CanEdit(h.City)}
	}
	// Each status (and all of them) with its count, as a link keeping the
	// other filters.
	type statusTab struct {
		Label   string
		Count   int
		URL     string
		Current bool
	}
	q := queryValues(c)
	q.Del("page")
	var tabs []statusTab
	all := 0
	for _, st := range domain.Statuses {
		all += counts[domain.Status(st.Code)]
	}
	for _, st := range append(domain.Options{{Code: "", Label: "Tất cả"}}, domain.Statuses...) {
		q.Set("status", st.Code)
		if st.Code == "" {
			q.Del("status")
		}
		n := all
		if st.Code != "" {
			n = counts[domain.Status(st.Code)]
		}
		u := c.Path()
		if enc := q.Encode(); enc != "" {
			u += "?" + enc
		}
		tabs = append(tabs, statusTab{st.Label, n, u, st.Code == f.Status})
	}
	return s.renderAdmin(c, "admin/list", typ.LabelVI, fiber.Map{
		"Type": typ, "Rows": rows, "Status": f.Status, "City": f.City, "Q": f.Q, "Since": since, "Problems": p.Problems,
		"Tabs": tabs, "List": list, "Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// parseDay reads a day typed as 31/12/2026 or 2026-12-31, in Vietnam time.
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2/1/2006", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, vn.DateLocation); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// loadEditable resolves /admin/:kind/:id and refuses entries outside the
// official's scope with 403, before anything is read out or written.
func (s *server) loadEditable(c *fiber.Ctx) (adminRow, error) {
	k, err := kindFromPath(c)
	if err != nil {
		return adminRow{}, err
	}
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return adminRow{}, fiber.ErrNotFound
	}
	head, err := k.Head(c.UserContext(), s.store, id)
	row := adminRow{Head: head}
	if err != nil {
		return row, err
	}
	if !official(c).CanEdit(row.City) {
		return row, fiber.NewError(fiber.StatusForbidden)
	}
	row.Editable = true
	return row, nil
}

// adminStatus publishes, archives (with a public reason) or restores.
func (s *server) adminStatus(to domain.Status) fiber.Handler {
	return func(c *fiber.Ctx) error {
		row, err := s.loadEditable(c)
		if err != nil {
			return err
		}
		version, err := strconv.Atoi(c.FormValue("version"))
		if err != nil {
			return fiber.NewError(fiber.StatusBadRequest)
		}
		reason := strings.TrimSpace(c.FormValue("reason"))
		back := "/admin/" + row.Type.Plural + "/" + strconv.FormatInt(row.Meta.ID, 10)
		if to == domain.StatusArchived && reason == "" {
			return s.flashBack(c, back, "Vui lòng ghi lý do lưu trữ: lý do được công khai cùng mục này.")
		}
		_, err = s.store.SetStatus(c.UserContext(), kindOf(row.Type).Table(), row.Meta.ID, version, to, reason)
		if err == store.ErrConflict {
			return s.flashBack(c, back, "Mục này vừa được người khác thay đổi. Trang đã tải lại bản mới nhất; vui lòng kiểm tra rồi thao tác lại.")
		}
		if err != nil {
			return err
		}
		s.stats.invalidate() // /thong-ke counts what is public now
		return s.redirectWith(c, back, "ok", "Đã cập nhật trạng thái: "+domain.Statuses.Label(string(to))+".")
	}
}

// flashBack returns to a page that says what went wrong.
func (s *server) flashBack(c *fiber.Ctx, to, msg string) error {
	return s.redirectWith(c, to, "error", msg)
}

// auditActions are the audit trail's actions in Vietnamese.
var auditActions = map[string]string{
	"create": "Tạo mới", "update": "Cập nhật", "publish": "Công bố", "unpublish": "Thôi công bố",
	"archive": "Lưu trữ", "restore": "Khôi phục", "delete": "Xóa",
}

// adminEntry shows one entry with what may be done to it.
func (s *server) adminEntry(c *fiber.Ctx) error {
	row, err := s.loadEditable(c)
	if err != nil {
		return err
	}
	history, err := s.store.AuditLog(c.UserContext(), store.AuditFilter{EntityType: row.Type.Name, EntityID: row.Meta.ID, Paging: store.Paging{PerPage: 100}})
	if err != nil {
		return err
	}
	return s.renderAdmin(c, "admin/entry", row.Title, fiber.Map{
		"Row": row, "Audit": history.Items,
		"PublicURL": entryURL(row.Type.Name, row.Meta.ID, row.Meta.Slug),
	})
}

// adminPreview shows an entry as the public will see it, whatever its status.
func (s *server) adminPreview(c *fiber.Ctx) error {
	row, err := s.loadEditable(c)
	if err != nil {
		return err
	}
	c.Locals(localsPreview, row.Meta.ID)
	return s.pages[row.Type.Name].show(c)
}

// kindOf is the kind of a type the registry listed; every domain.EntryType
// has one (TestEveryKindHasEverySurface).
func kindOf(t domain.EntryType) kind.Entry {
	k, _ := kind.ByName(t.Name)
	return k
}
