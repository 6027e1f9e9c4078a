package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/etag"
	"github.com/valyala/fasthttp"
)

// publicMaxAge is how long a browser or proxy may keep a public page
// before revalidating it with its ETag: short, so a correction shows soon.
const publicCacheControl = "public, max-age=60"

// useHTTPCaching compresses responses (brotli or gzip, as the client
// accepts) and lets clients and proxies keep public pages for a minute,
// revalidated by ETag. Compression is outermost so the ETag is taken of the
// page itself, the same whatever the encoding (hence weak).
func (s *server) useHTTPCaching(app *fiber.App) {
	app.Use(compressText)
	app.Use(cachePolicy)
	// A download streams and sets its own ETag (opendata.go): the etag
	// middleware would read the whole file into memory to hash it.
	app.Use(etag.New(etag.Config{Weak: true, Next: func(c *fiber.Ctx) bool { return !cacheable(c) || isDownload(c.Path()) }}))
}

// compressor is what fiber's compress middleware runs (at its default
// level), here after the handler so the content type is known.
var compressor = fasthttp.CompressHandlerBrotliLevel(func(*fasthttp.RequestCtx) {},
	fasthttp.CompressBrotliDefaultCompression, fasthttp.CompressDefaultCompression)

// compressText compresses HTML, JSON, CSS, JavaScript, XML, feeds and SVG,
// but not what is compressed already (a zip, an XLSX download): fasthttp
// alone would compress any application/* type.
func compressText(c *fiber.Ctx) error {
	if err := c.Next(); err != nil {
		return err
	}
	ct := string(c.Response().Header.ContentType())
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	switch {
	case strings.HasPrefix(ct, "text/"), ct == "image/svg+xml", ct == "image/x-icon",
		ct == "application/json", ct == "application/javascript", ct == "application/xml",
		strings.HasSuffix(ct, "+json"), strings.HasSuffix(ct, "+xml"):
		compressor(c.Context())
	}
	return nil
}

// isDownload tells an open-data file (/du-lieu-mo/jobs.csv …) from the
// page and the catalogue.
func isDownload(path string) bool {
	rest, ok := strings.CutPrefix(path, "/du-lieu-mo/")
	return ok && rest != "dcat.jsonld" && strings.Contains(rest, ".")
}

// cacheable tells whether a response may be kept by shared caches: a
// public GET, not the back office, not the probes.
func cacheable(c *fiber.Ctx) bool {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		return false
	}
	p := c.Path()
	for _, private := range []string{"/admin", "/quan-tri", "/healthz", "/readyz"} {
		if p == private || strings.HasPrefix(p, private+"/") {
			return false
		}
	}
	return true
}

// cachePolicy sets Cache-Control on what a handler did not: public pages
// for a minute, and never a response that sets a cookie (a login page's
// pre-session) or comes from the back office (noStore set it already).
func cachePolicy(c *fiber.Ctx) error {
	err := c.Next()
	h := &c.Response().Header
	if strings.HasPrefix(c.Path(), "/static/") && c.Response().StatusCode() == fiber.StatusOK {
		// Asset URLs carry a hash of their content (asset in render.go).
		h.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
		return err
	}
	if len(h.Peek(fiber.HeaderCacheControl)) > 0 {
		return err
	}
	setsCookie := false
	h.VisitAllCookie(func(_, _ []byte) { setsCookie = true })
	status := c.Response().StatusCode()
	switch {
	case setsCookie || !cacheable(c):
		h.Set(fiber.HeaderCacheControl, "no-store")
	case err == nil && (status == fiber.StatusOK || status == fiber.StatusNotModified):
		h.Set(fiber.HeaderCacheControl, publicCacheControl)
		h.Add(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
	}
	return err
}
