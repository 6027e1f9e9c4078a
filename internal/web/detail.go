package web

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// loadPublic resolves /<list>/<id>-<slug> for any entry type. It returns
// done=true when it has answered already: a redirect to the canonical URL
// when the slug is wrong. Entries that are not public are not found, but
// an archived one is gone (410, goneError).
func loadPublic[T any](c *fiber.Ctx, kind string, load func(context.Context, int64) (T, error), meta func(*T) *domain.Meta, public func(*T) bool) (T, bool, error) {
	var zero T
	if id, ok := c.Locals(localsPreview).(int64); ok {
		// The back office's preview: any status, already scope-checked.
		entry, err := load(c.UserContext(), id)
		c.Locals(localsEntry, entryKey{kind, id})
		c.Locals(localsShown, &entry)
		return entry, false, err
	}
	id, slug, ok := parseRef(c.Params("ref"))
	if !ok {
		return zero, false, fiber.ErrNotFound
	}
	entry, err := load(c.UserContext(), id)
	if errors.Is(err, store.ErrNotFound) {
		return zero, false, fiber.ErrNotFound
	}
	if err != nil {
		return zero, false, err
	}
	m := meta(&entry)
	if m.Status == domain.StatusArchived {
		return zero, false, &goneError{kind: kind, entry: &entry}
	}
	if m.Status != domain.StatusPublished || (public != nil && !public(&entry)) {
		return zero, false, fiber.ErrNotFound
	}
	if slug != m.Slug {
		return zero, true, c.Redirect(pathIn(langOf(c), entryURL(kind, m.ID, m.Slug)), fiber.StatusMovedPermanently)
	}
	c.Locals(localsEntry, entryKey{kind, m.ID})
	c.Locals(localsShown, &entry)
	return entry, false, nil
}

// Locals set by loadPublic and the back office's preview.
const (
	localsEntry   = "entry"   // entryKey of the entry a detail page shows
	localsPreview = "preview" // int64 id: show it whatever its status
)

type entryKey struct {
	kind string
	id   int64
}

// isPreview tells whether the page is the back office's preview.
func isPreview(c *fiber.Ctx) bool {
	_, ok := c.Locals(localsPreview).(int64)
	return ok
}
