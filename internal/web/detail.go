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
// when the slug is wrong. Entries that are not public are not found.
func loadPublic[T any](c *fiber.Ctx, kind string, load func(context.Context, int64) (T, error), meta func(*T) *domain.Meta, public func(*T) bool) (T, bool, error) {
	var zero T
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
	if m.Status != domain.StatusPublished || (public != nil && !public(&entry)) {
		return zero, false, fiber.ErrNotFound
	}
	if slug != m.Slug {
		return zero, true, c.Redirect(entryURL(kind, m.ID, m.Slug), fiber.StatusMovedPermanently)
	}
	return entry, false, nil
}
