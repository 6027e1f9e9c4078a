package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"
)

// send runs one request with extra headers.
func send(t *testing.T, app *fiber.App, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestPublicPagesAreCompressedAndRevalidated(t *testing.T) {
	t.Parallel()
	st, w := publicWorld(t)
	app := newApp(t, st)
	plainPage := get(t, app, "/viec-lam")

	resp, body := send(t, app, "/viec-lam", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Accept-Encoding: gzip gave Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if string(unzipped) != plainPage.body || !strings.Contains(string(unzipped), w.job.Title) {
		t.Errorf("gzip body (%d bytes) does not decompress to the page (%d bytes)", len(unzipped), len(plainPage.body))
	}
	if len(body) >= len(plainPage.body)/2 {
		t.Errorf("gzip body is %d bytes for a %d-byte page", len(body), len(plainPage.body))
	}

	resp, body = send(t, app, "/viec-lam", map[string]string{"Accept-Encoding": "br"})
	if resp.Header.Get("Content-Encoding") != "br" {
		t.Fatalf("Accept-Encoding: br gave Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	if unbr, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(body))); string(unbr) != plainPage.body {
		t.Errorf("brotli body does not decompress to the page")
	}

	css := get(t, app, "/static/css/site.css")
	resp, _ = send(t, app, "/static/css/site.css", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(css.header.Get("Cache-Control"), "max-age=31536000") {
		t.Errorf("CSS: Content-Encoding %q, Cache-Control %q; want gzip and a year", resp.Header.Get("Content-Encoding"), css.header.Get("Cache-Control"))
	}

	if cc := plainPage.header.Get("Cache-Control"); cc != "public, max-age=60" {
		t.Errorf("/viec-lam Cache-Control = %q", cc)
	}
	tag := plainPage.header.Get("ETag")
	if tag == "" {
		t.Fatal("/viec-lam has no ETag")
	}
	resp, body = send(t, app, "/viec-lam", map[string]string{"If-None-Match": tag})
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("If-None-Match %s = %d with %d bytes, want 304 and no body", tag, resp.StatusCode, len(body))
	}
	if resp, _ = send(t, app, "/viec-lam", map[string]string{"If-None-Match": `W/"1-1"`}); resp.StatusCode != http.StatusOK {
		t.Errorf("a stale ETag = %d, want 200", resp.StatusCode)
	}

	for _, path := range []string{"/admin/dang-nhap", "/admin"} {
		r := get(t, app, path)
		if cc := r.header.Get("Cache-Control"); cc != "no-store" || r.header.Get("ETag") != "" {
			t.Errorf("GET %s: Cache-Control %q, ETag %q; want no-store and none", path, cc, r.header.Get("ETag"))
		}
	}
}
