package web

import (
	"fmt"
	"sort"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// homeKind is one kind's line on the admin home: its count per status.
type homeKind struct {
	Type   domain.EntryType
	Counts map[string]int
}

// homeLink is one entry the admin home points to.
type homeLink struct {
	URL, Title, Type, Note string
}

// Expiring jobs: a deadline within expiringDays is "soon".
const (
	expiringDays = 7
	homeListLen  = 10
)

// adminHome shows what waits for the official: their drafts, jobs whose
// deadline is near or past while still published, search-index rows that
// gave up (admins), and the last changes in their scope; every item links.
func (s *server) adminHome(c *fiber.Ctx) error {
	ctx := c.UserContext()
	o := official(c)
	city := ""
	if !o.IsAdmin() {
		city = o.City
	}
	var kinds []homeKind
	for _, k := range kind.All {
		counts, err := s.store.StatusCounts(ctx, k.Table(), kind.ListFilter{City: city})
		if err != nil {
			return err
		}
		hk := homeKind{Type: k.Type(), Counts: map[string]int{}}
		for st, n := range counts {
			hk.Counts[string(st)] = n
		}
		kinds = append(kinds, hk)
	}
	sort.SliceStable(kinds, func(i, j int) bool { return kinds[i].Type.Name == "job" && kinds[j].Type.Name != "job" })

	// The official's drafts: entries they created that are still drafts.
	created, err := s.store.AuditLog(ctx, store.AuditFilter{UserID: sessionOf(c).User.ID, Action: "create", Paging: store.Paging{PerPage: 50}})
	if err != nil {
		return err
	}
	var drafts []homeLink
	for _, a := range created.Items {
		k, ok := kind.ByName(a.EntityType)
		if !ok || len(drafts) >= homeListLen {
			continue
		}
		h, err := k.Head(ctx, s.store, a.EntityID)
		if err != nil || h.Meta.Status != domain.StatusDraft {
			continue
		}
		drafts = append(drafts, homeLink{adminURL(h.Type, h.Meta.ID), h.Title, h.Type.LabelVI, "cập nhật " + formatDate(h.Meta.UpdatedAt)})
	}
	jobLinks := func(rows []store.AdminRow, note string) []homeLink {
		out := make([]homeLink, len(rows))
		for i, r := range rows {
			out[i] = homeLink{adminURL(kind.Job.Type(), r.ID), r.Title, "", fmt.Sprintf(note, r.Key)}
		}
		return out
	}
	soon, err := s.store.JobsExpiring(ctx, city, expiringDays, homeListLen)
	if err != nil {
		return err
	}
	expired, err := s.store.JobsExpiredPublished(ctx, city, homeListLen)
	if err != nil {
		return err
	}
	var outbox store.OutboxState
	if o.IsAdmin() {
		if outbox, err = s.store.OutboxState(ctx); err != nil {
			return err
		}
	}
	audit, err := s.store.AuditLog(ctx, store.AuditFilter{City: city, Paging: store.Paging{PerPage: homeListLen}})
	if err != nil {
		return err
	}
	var changes []homeLink
	for _, a := range audit.Items {
		t, ok := domain.TypeByName(a.EntityType)
		if !ok {
			continue
		}
		who := ""
		if a.UserName != nil {
			who = *a.UserName + " · "
		}
		changes = append(changes, homeLink{adminURL(t, a.EntityID), fmt.Sprintf("%s #%d", t.LabelVI, a.EntityID), auditActions[a.Action], who + formatDateTime(a.At)})
	}
	return s.renderAdmin(c, "admin/home", "Trang quản trị", fiber.Map{
		"Kinds": kinds, "Statuses": domain.Statuses, "Drafts": drafts, "Soon": jobLinks(soon, "hạn %s"),
		"Expired": jobLinks(expired, "hết hạn %s, vẫn đang công bố"), "Outbox": outbox, "Changes": changes, "ExpiringDays": expiringDays,
	})
}

func adminURL(t domain.EntryType, id int64) string { return fmt.Sprintf("/admin/%s/%d", t.Plural, id) }

// adminURLOf is adminURL by type name, for templates ("" for no type).
func adminURLOf(typeName string, id int64) string {
	if t, ok := domain.TypeByName(typeName); ok {
		return adminURL(t, id)
	}
	if typeName == "user" {
		return accountsPath
	}
	return ""
}

// formatDate and formatDateTime write a moment in Vietnam time (ICT),
// whatever the server's zone: "01/12/2026", "20:47 01/12/2026".
func formatDate(t time.Time) string { return vn.Date(t.In(vn.DateLocation)) }

func formatDateTime(t time.Time) string {
	t = t.In(vn.DateLocation)
	return t.Format("15:04") + " " + vn.Date(t)
}
