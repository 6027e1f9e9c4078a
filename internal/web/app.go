// Package web is the Fiber application: routes, handlers, middleware and
// views. Fiber stays inside this package.
package web

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	"github.com/google/uuid"

	"hoptac/internal/auth"
	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/kind"
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
	Store  *store.Store
	Logger *slog.Logger
	// Codes are the code tables read at start-up (nil: New reads them).
	Codes     *codes.Tables
	Templates fs.FS // rooted at the templates folder
	Static    fs.FS // rooted at the static folder
	Search    Searcher
	// SearchHealth tells /readyz whether Meilisearch answers.
	SearchHealth SearchHealth
	// TrustedProxies may set ProxyHeader (the client address) and
	// X-Forwarded-Proto; nobody else's are believed.
	TrustedProxies []string
	ProxyHeader    string
	// PublicURL, when https://…, makes every response one over TLS
	// (Secure, __Host- cookies and HSTS), whatever the proxy says.
	PublicURL string
	// Hasher runs login password checks within their memory budget
	// (nil: auth.NewHasher with 4 slots).
	Hasher *auth.Hasher
	// Timeouts of the HTTP server.
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ImportLimits bound an uploaded file (zero fields: the defaults);
	// Imports bounds how many imports run at once (nil: DefaultImports).
	ImportLimits importer.Limits
	Imports      *ImportGate
	// Now is the clock derived statuses (overdue) are computed from; nil
	// is time.Now. Tests fix it.
	Now func() time.Time
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
	hasher  *auth.Hasher
	// httpsAlways is PublicURL being https://.
	httpsAlways bool
	// publicURL is PublicURL without its trailing slash: absolute links.
	publicURL string
	// pages are each kind's public list and detail handlers, by kind name.
	pages map[string]kindPages
	// labels finds every code's labels for the API and downloads.
	labels kind.Labels
	// xlsxSlots bounds the XLSX downloads built at once (opendata.go).
	xlsxSlots chan struct{}
	now       func() time.Time
	stats     statsCache // /thong-ke's figures, a minute at most
}

// kindPages are what this package serves of one kind beside what the
// registry (internal/kind) says of it: its public list and an entry's
// page, the read API's list with its filters, and the kind's own parts of
// pages every kind shares. Each kind's file registers its own
// (registerPages, registerList); routes and the back office's preview are
// built from them (TestEveryKindHasEverySurface checks none is missing).
type kindPages struct {
	list, show fiber.Handler
	// api lists public entries by the list page's filters (api.go);
	// apiParams are those filters for the OpenAPI document.
	api       apiList
	apiParams []apiParam
	// feeds are the feeds a page of the kind offers besides its newest
	// entries (crawl.go); nil for none.
	feeds func(*loc) []feedLink
	// form is the kind's own part of its back-office form (admin_forms.go).
	form formPart
}

// pageMakers build each kind's pages for a server, by kind name.
var pageMakers = map[string]func(*server) kindPages{}

// registerPages adds the pages of the kind of that name.
func registerPages(name string, pages func(*server) kindPages) { pageMakers[name] = pages }

// publicPages are every registered kind's pages, by kind name.
func (s *server) publicPages() map[string]kindPages {
	out := make(map[string]kindPages, len(pageMakers))
	for name, pages := range pageMakers {
		out[name] = pages(s)
	}
	return out
}

// New builds the whole application. The code tables are read once here and
// every template is parsed, so a broken template stops start-up.
func New(ctx context.Context, d Deps) (*fiber.App, error) {
	catalog := d.Codes
	if catalog == nil {
		var err error
		if catalog, err = codes.Load(ctx, d.Store); err != nil {
			return nil, fmt.Errorf("load code tables: %w", err)
		}
	}
	s := &server{store: d.Store, log: d.Logger, catalog: catalog, search: d.Search, health: d.SearchHealth,
		hasher: d.Hasher, httpsAlways: strings.HasPrefix(strings.ToLower(d.PublicURL), "https://"),
		publicURL: strings.TrimRight(d.PublicURL, "/")}
	if s.hasher == nil {
		s.hasher = auth.NewHasher(4, auth.HashWait)
	}
	s.labels = kind.NewLabels(catalog)
	s.xlsxSlots = make(chan struct{}, maxXLSXBuilds)
	s.pages = s.publicPages()
	if s.now = d.Now; s.now == nil {
		s.now = time.Now
	}
	for _, k := range kind.All {
		if _, ok := s.pages[k.Type().Name]; !ok {
			return nil, fmt.Errorf("kind %s has no public pages", k.Type().Name)
		}
	}
	s.imports, s.limits = d.Imports, d.ImportLimits
	if s.imports == nil {
		s.imports = NewImportGate(DefaultImports)
	}

	funcs := templateFuncs(catalog, markdown.New())
	funcs["asset"] = assetURLs(d.Static)
	engine, err := newViews(d.Templates, funcs)
	if err != nil {
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
		EnableIPValidation:      true, // a proxy header without an address names the proxy, not ""
		AppName:                 "Hợp tác Lao động",
		Views:                   engine,
		Immutable:               true, // handlers may keep strings from params and bodies
		ErrorHandler:            s.handleError,
		ReadTimeout:             d.ReadTimeout,
		WriteTimeout:            d.WriteTimeout,
		IdleTimeout:             d.IdleTimeout,
		BodyLimit:               MaxImportBytes + maxFormOverhead,
		ReadBufferSize:          16 << 10, // request line and headers: real cookies fit
		DisableStartupMessage:   true,
	})

	// Middleware, outermost first: recover turns a panic into the error
	// handler's 500 page; the request id ties log lines together; the
	// security headers apply to every response, errors included.
	app.Use(recover.New())
	app.Use(requestid.New(requestid.Config{Generator: uuid.NewString})) // random, not a counter
	app.Use(s.logRequests)
	app.Use(s.securityHeaders)
	app.Use(checkQuery) // every query string bounded text before any handler (params.go)
	app.Use(publicReads)
	s.useHTTPCaching(app)

	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(d.Static),
		MaxAge: 365 * 24 * 3600, // URLs carry a content hash (see asset)
	}))

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	// /metrics is not here: it has its own listener (METRICS_ADDR).

	app.Use("/api", apiCORS(), apiETag()) // CORS and ETag for every API answer (api.go)
	api := app.Group("/api/v1")
	api.Get("/search", s.apiSearch)
	s.apiRoutes(app, api) // api.go: per-type reads, codes, OpenAPI
	s.openDataRoutes(app) // opendata.go: /du-lieu-mo, downloads, DCAT

	s.crawlRoutes(app, d.Static)
	s.ledgerRoutes(app)
	s.historyRoutes(app)
	s.publicRoutes(app) // every public page, in Vietnamese and under /en

	// The back office. Login first, outside the session check; everything
	// registered after the Use below needs a signed-in official and, for
	// anything but GET, the session's CSRF token.
	admin := app.Group("/admin", noStore)
	admin.Get("/dang-nhap", s.loginForm)
	admin.Post("/dang-nhap", s.login)
	admin.Use(s.requireOfficial, s.checkCSRF, mustChangePassword)
	admin.Get("/doi-mat-khau", s.passwordForm)
	admin.Post("/doi-mat-khau", s.passwordChange)
	accounts := admin.Group("/tai-khoan", requireAdmin)
	accounts.Get("/", s.adminAccounts)
	accounts.Post("/", s.adminAccountCreate)
	accounts.Post("/:id", s.adminAccountUpdate)
	accounts.Post("/:id/khoa", s.adminAccountDisable(true))
	accounts.Post("/:id/mo-khoa", s.adminAccountDisable(false))
	admin.Get("/", s.adminHome)
	admin.Post("/dang-xuat", s.logout)
	admin.Get("/nhat-ky", s.adminAudit)
	admin.Get("/nhat-ky.csv", s.adminAuditCSV)
	admin.Get("/nhap-du-lieu", s.importForm)
	admin.Post("/nhap-du-lieu", s.importPreview)
	admin.Get("/nhap-du-lieu/xem-truoc/:token", s.importPreviewPage)
	admin.Post("/nhap-du-lieu/xac-nhan", s.importConfirm)
	admin.Get("/nhap-du-lieu/mau/:file", s.importTemplate)
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
	if err != nil {
		// Answer here, so the log line has the status the client gets (a
		// 503 during an outage, a 400 for a bad query), not a guess.
		err = s.handleError(c, err)
	}
	s.log.LogAttrs(c.UserContext(), slog.LevelInfo, "request",
		slog.String("method", c.Method()),
		slog.String("path", c.Path()),
		slog.Int("status", c.Response().StatusCode()),
		slog.Duration("duration", time.Since(start)),
		slog.String("request_id", c.GetRespHeader(fiber.HeaderXRequestID)),
	)
	return err
}

// securityHeaders sets a strict policy: no inline scripts, no framing.
func (s *server) securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	c.Set("X-Frame-Options", "DENY")
	if s.secure(c) {
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
