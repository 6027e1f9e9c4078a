package web

import (
	"context"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// siteDescription is a page's description when it has none of its own.
const siteDescription = "Cổng thông tin hợp tác lao động, việc làm và giáo dục nghề nghiệp giữa TP. Hồ Chí Minh và TP. Cần Thơ."

// localsShown is the entry (a *domain.Job, …) a detail page shows, set by
// loadPublic: its summary is the page's description, its schema the
// page's JSON-LD.
const localsShown = "shown"

// baseURL is the configured public address (PUBLIC_URL), else the one the
// request came to: every absolute link starts with it.
func (s *server) baseURL(c *fiber.Ctx) string {
	if s.publicURL != "" {
		return s.publicURL
	}
	return c.BaseURL()
}

func (s *server) site(c *fiber.Ctx) kind.Site {
	return kind.Site{BaseURL: s.baseURL(c), Codes: s.catalog}
}

// pageMeta fills what the layout's head tells crawlers and link previews:
// the canonical URL, the description, Open Graph and, on an entry's page,
// its schema.org JSON-LD.
func (s *server) pageMeta(c *fiber.Ctx, data map[string]any) {
	data["OGType"] = "website"
	if _, ok := data["Description"]; !ok && langOf(c) == i18n.EN {
		data["Description"] = i18n.T(i18n.EN, "site.description")
	}
	if _, ok := data["Description"]; !ok {
		data["Description"] = siteDescription
	}
	if c.Response().StatusCode() >= 400 {
		return // an error page is no page to point crawlers at
	}
	canonical := s.baseURL(c) + c.Path()
	if p := c.Query("page"); p != "" && p != "1" && !isPreview(c) {
		canonical += "?page=" + p
	}
	data["Canonical"] = canonical
	nav, _ := data["Nav"].(string)
	if feeds := s.pageFeeds(c, nav); feeds != nil {
		data["Feeds"] = feeds
	}
	if k, ok := kind.ByName(nav); ok && data["Description"] == siteDescription {
		data["Description"] = k.Type().MenuVI + " công khai trên cổng Hợp tác Lao động của TP. Hồ Chí Minh và TP. Cần Thơ: tìm theo thành phố, phường, xã và lĩnh vực."
	}
	e, ok := c.Locals(localsEntry).(entryKey)
	if !ok {
		return
	}
	k, ok := kind.ByName(e.kind)
	shown := c.Locals(localsShown)
	if !ok || shown == nil {
		return
	}
	data["OGType"] = "article"
	if d := k.Summary(shown); d != "" {
		data["Description"] = d
	}
	if ld := k.Schema(s.site(c), shown); ld != nil {
		data["JSONLD"] = ld
	}
}

// goneError is an archived entry asked for at its public address: the
// page answers 410 with the public reason (gonePage).
type goneError struct {
	kind  string
	entry any // *domain.Job, …
}

func (e *goneError) Error() string { return e.kind + " archived" }

// similarEntries is how many live entries a retired entry's page offers.
const similarEntries = 5

// gonePage tells that an entry was retired, when and why, and offers live
// entries of the same kind and city.
func (s *server) gonePage(c *fiber.Ctx, g *goneError) error {
	k, ok := kind.ByName(g.kind)
	if !ok {
		return fiber.ErrNotFound
	}
	h := k.HeadOf(g.entry)
	ctx := c.UserContext()
	at, err := s.store.ArchivedAt(ctx, g.kind, h.Meta.ID)
	if errors.Is(err, store.ErrNotFound) {
		at, err = h.Meta.UpdatedAt, nil
	}
	if err != nil {
		return err
	}
	similar, err := s.similar(ctx, k, h)
	if err != nil {
		return err
	}
	c.Status(fiber.StatusGone)
	c.Locals(localsEntry, nil)
	t := k.Type()
	l := s.loc(c)
	menu := t.MenuVI
	if l.EN() {
		menu = l.T("menu." + t.Name)
	}
	return s.render(c, "errors/gone", h.Title, t.Name, fiber.Map{
		"Entry": h, "TypeLabel": l.TypeLabel(t.Name), "ListPath": l.Path(t.Path), "ListLabel": menu,
		"ArchivedAt": at.In(vn.DateLocation), "Reason": strings.TrimSpace(h.Meta.ArchiveReason), "Similar": similar,
		"Description": l.T("gone.description", "Title", h.Title),
	})
}

func (s *server) similar(ctx context.Context, k kind.Entry, h kind.Head) ([]kind.Card, error) {
	city := h.City
	if city == domain.Both {
		city = ""
	}
	ids, err := s.store.PublicNear(ctx, k.Table(), city, h.Meta.ID, similarEntries)
	if err != nil {
		return nil, err
	}
	return k.Cards(ctx, s.store, ids)
}
