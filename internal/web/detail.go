package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// loadPublic resolves /<list>/<id>-<slug> for an entry of kind k. It
// returns done=true when it has answered already: a redirect to the
// canonical URL when the slug is wrong. Entries that are not public are
// not found, but an archived one is gone (410, goneError).
func loadPublic[T any](c *fiber.Ctx, st *store.Store, k *kind.Kind[T]) (T, bool, error) {
	var zero T
	name := k.Type().Name
	if id, ok := c.Locals(localsPreview).(int64); ok {
		// The back office's preview: any status, already scope-checked.
		entry, err := k.Get(c.UserContext(), st, id)
		c.Locals(localsEntry, entryKey{name, id})
		c.Locals(localsShown, &entry)
		return entry, false, err
	}
	id, slug, ok := parseRef(c.Params("ref"))
	if !ok {
		return zero, false, fiber.ErrNotFound
	}
	entry, err := k.Get(c.UserContext(), st, id)
	if errors.Is(err, store.ErrNotFound) {
		return zero, false, fiber.ErrNotFound
	}
	if err != nil {
		return zero, false, err
	}
	m := k.Meta(&entry)
	if m.Status == domain.StatusArchived {
		return zero, false, &goneError{kind: name, entry: &entry}
	}
	if m.Status != domain.StatusPublished {
		return zero, false, fiber.ErrNotFound
	}
	if slug != m.Slug {
		return zero, true, c.Redirect(pathIn(langOf(c), entryURL(name, m.ID, m.Slug)), fiber.StatusMovedPermanently)
	}
	c.Locals(localsEntry, entryKey{name, m.ID})
	c.Locals(localsShown, &entry)
	return entry, false, nil
}

// showOf is the page of an entry of kind k: show draws the public entry
// loadPublic found.
func showOf[T any](s *server, k *kind.Kind[T], show func(*fiber.Ctx, T) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		e, done, err := loadPublic(c, s.store, k)
		if done || err != nil {
			return err
		}
		return show(c, e)
	}
}

// publicParent reads the parent (of kind k) an entry names: not found
// unless it is published, or the page is the back office's preview.
func publicParent[T any](c *fiber.Ctx, st *store.Store, k *kind.Kind[T], id int64) (T, error) {
	p, err := k.Get(c.UserContext(), st, id)
	if err == nil && k.Meta(&p).Status != domain.StatusPublished && !isPreview(c) {
		err = fiber.ErrNotFound
	}
	return p, err
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
