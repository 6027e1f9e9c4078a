package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/store"
)

// publicReads lets the store answer public GETs from the read replica
// (DATABASE_READ_URL). The back office reads the primary: an official must
// see what they just saved.
func publicReads(c *fiber.Ctx) error {
	if (c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead) && !isBackOffice(c.Path()) {
		c.SetUserContext(store.PublicRead(c.UserContext()))
	}
	return c.Next()
}

func isBackOffice(path string) bool { return path == "/admin" || strings.HasPrefix(path, "/admin/") }
