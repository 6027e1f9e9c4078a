// Package web is the Fiber application: routes, handlers, middleware and
// views. Fiber stays inside this package.
package web

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	"github.com/gofiber/template/html/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/markdown"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// SearchHealth reports the state of the search engine for /readyz; the
// portal stays ready without it (search falls back to PostgreSQL).
type SearchHealth interface {
	Healthy(ctx context.Context) bool
}

// Searcher answers searches (search.Service: Meilisearch, else PostgreSQL).
type Searcher interface {
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

// Deps is what the web app needs from the rest of the portal.
type Deps struct {
	Store     *store.Store
	Logger    *slog.Logger
	Templates fs.FS // rooted at the templates folder
	Static    fs.FS // rooted at the static folder
	Search    Searcher
	// SearchHealth tells /readyz whether Meilisearch answers.
	SearchHealth SearchHealth
	// Metrics is served at /metrics (nil: no metrics).
	Metrics prometheus.Gatherer
	// TrustedProxies may set ProxyHeader (the client address) and
	// X-Forwarded-Proto; nobody else's are believed.
	TrustedProxies []string
	ProxyHeader    string
	// Timeouts of the HTTP server.
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ImportLimits bound an uploaded file (zero fields: the defaults);
	// Imports bounds how many imports run at once (nil: DefaultImports).
	ImportLimits importer.Limits
	Imports      *ImportGate
}

// server holds what handlers share; it lives as long as the app.
type server struct {
	store   *store.Store
	log     *slog.Logger
	catalog *Catalog
	search  Searcher
	health  SearchHealth
	demo    atomic.Pointer[demoState]
	imports *ImportGate
	limits  importer.Limits
}

// New builds the whole application. The code tables are read once here and
// every template is parsed, so a broken template stops start-up.
func New(ctx context.Context, d Deps) (*fiber.App, error) {
	catalog, err := LoadCatalog(ctx, d.Store)
	if err != nil {
		return nil, fmt.Errorf("load code tables: %w", err)
	}
	s := &server{store: d.Store, log: d.Logger, catalog: catalog, search: d.Search, health: d.SearchHealth,
		imports: d.Imports, limits: d.ImportLimits}
	if s.imports == nil {
		s.imports = NewImportGate(DefaultImports)
	}

	engine := html.NewFileSystem(http.FS(d.Templates), ".html")
	engine.AddFuncMap(templateFuncs(catalog, markdown.New()))
	engine.AddFunc("asset", assetURLs(d.Static))
	if err := engine.Load(); err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}

	app := fiber.New(fiber.Config{
		// Only these proxies may say who the client is (X-Real-IP by
		// default) or that the request came over TLS; from anyone else
		// those headers are ignored, so a rotating X-Forwarded-For cannot
		// dodge login throttling.
		EnableTrustedProxyCheck: true,
		TrustedProxies:          d.TrustedProxies,
		ProxyHeader:             proxyHeader(d),
		AppName:                 "Hợp tác Lao động",
		Views:                   engine,
		Immutable:               true, // handlers may keep strings from params and bodies
		ErrorHandler:            s.handleError,
		ReadTimeout:             d.ReadTimeout,
		WriteTimeout:            d.WriteTimeout,
		IdleTimeout:             d.IdleTimeout,
		BodyLimit:               4 << 20,
		DisableStartupMessage:   true,
	})

	// Middleware, outermost first: recover turns a panic into the error
	// handler's 500 page; the request id ties log lines together; the
	// security headers apply to every response, errors included.
	app.Use(recover.New())
	app.Use(requestid.New())
	app.Use(s.logRequests)
	app.Use(securityHeaders)

	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(d.Static),
		MaxAge: 365 * 24 * 3600, // URLs carry a content hash (see asset)
	}))

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	if d.Metrics != nil {
		app.Get("/metrics", adaptor.HTTPHandler(promhttp.HandlerFor(d.Metrics, promhttp.HandlerOpts{})))
	}

	api := app.Group("/api/v1")
	api.Get("/search", s.apiSearch)

	app.Get("/", s.home)
	app.Get("/tim-kiem", s.searchPage)
	app.Get("/viec-lam", s.jobList)
	app.Get("/viec-lam/:ref", s.jobShow)
	app.Get("/doanh-nghiep", s.companyList)
	app.Get("/doanh-nghiep/:ref", s.companyShow)
	app.Get("/truong-nghe", s.schoolList)
	app.Get("/truong-nghe/:ref", s.schoolShow)
	app.Get("/dao-tao", s.programList)
	app.Get("/dao-tao/:ref", s.programShow)
	app.Get("/chinh-sach", s.policyList)
	app.Get("/chinh-sach/:ref", s.policyShow)
	app.Get("/du-an", s.projectList)
	app.Get("/du-an/:ref", s.projectShow)
	app.Get("/hop-tac", s.cooperation)
	app.Get("/hop-tac/:ref", s.commitmentShow)

	// The back office. Login first, outside the session check; everything
	// registered after the Use below needs a signed-in official and, for
	// anything but GET, the session's CSRF token.
	admin := app.Group("/admin", noStore)
	admin.Get("/dang-nhap", s.loginForm)
	admin.Post("/dang-nhap", s.login)
	admin.Use(s.requireOfficial, s.checkCSRF)
	admin.Get("/", s.adminHome)
	admin.Post("/dang-xuat", s.logout)
	admin.Get("/nhat-ky", s.adminAudit)
	admin.Get("/nhap-du-lieu", s.importForm)
	admin.Post("/nhap-du-lieu", s.importPreview)
	admin.Post("/nhap-du-lieu/xac-nhan", s.importConfirm)
	admin.Get("/:kind", s.adminList)
	admin.Get("/:kind/moi", s.adminNew)
	admin.Post("/:kind/moi", s.adminCreate)
	admin.Get("/:kind/:id", s.adminEntry)
	admin.Get("/:kind/:id/sua", s.adminEdit)
	admin.Post("/:kind/:id/sua", s.adminUpdate)
	admin.Get("/:kind/:id/xem-truoc", s.adminPreview)
	admin.Post("/:kind/:id/cong-bo", s.adminStatus(domain.StatusPublished))
	admin.Post("/:kind/:id/luu-tru", s.adminStatus(domain.StatusArchived))
	admin.Post("/:kind/:id/khoi-phuc", s.adminStatus(domain.StatusDraft))

	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return app, nil
}

func proxyHeader(d Deps) string {
	if len(d.TrustedProxies) == 0 {
		return ""
	}
	if d.ProxyHeader == "" {
		return "X-Real-IP"
	}
	return d.ProxyHeader
}

func (s *server) logRequests(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		if fe, ok := err.(*fiber.Error); ok {
			status = fe.Code
		} else {
			status = fiber.StatusInternalServerError
		}
	}
	s.log.LogAttrs(c.UserContext(), slog.LevelInfo, "request",
		slog.String("method", c.Method()),
		slog.String("path", c.Path()),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
		slog.String("request_id", c.GetRespHeader(fiber.HeaderXRequestID)),
	)
	return err
}

// securityHeaders sets a strict policy: no inline scripts, no framing.
func securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	c.Set("X-Frame-Options", "DENY")
	if c.Protocol() == "https" {
		c.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	}
	return c.Next()
}

func (s *server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz is ready when the database answers; search is reported, not
// required: while Meilisearch is down, search answers from PostgreSQL.
func (s *server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	searchState := "ok"
	if s.health == nil || !s.health.Healthy(ctx) {
		searchState = "degraded"
	}
	if err := s.store.Ping(ctx); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"status": "unavailable", "database": "down", "search": searchState})
	}
	return c.JSON(fiber.Map{"status": "ready", "database": "ok", "search": searchState})
}
