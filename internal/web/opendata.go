package web

import "github.com/gofiber/fiber/v2"

// openDataRoutes serves /du-lieu-mo: the downloads and their catalogue.
func (s *server) openDataRoutes(app *fiber.App) {}
