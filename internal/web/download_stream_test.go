package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
)

// downloadTag is the ETag a download sets itself: its count and last change.
var downloadTag = regexp.MustCompile(`^W/"\d+(-[0-9a-z]+)?"$`)

// TestDownloadsStream: an open-data file goes out as it is written
// (chunked, no Content-Length), compressed or not, so a 100 000-row file
// never sits whole in the server's memory. The pages' ETag middleware,
// which hashes a whole body, leaves downloads alone; theirs is their own.
func TestDownloadsStream(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	for _, file := range []string{"jobs.csv", "jobs.json", "jobs.xlsx"} {
		for _, enc := range []string{"identity", "gzip", "br"} {
			req := httptest.NewRequest(http.MethodGet, "/du-lieu-mo/"+file, nil)
			req.Header.Set("Accept-Encoding", enc)
			resp, err := app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || n == 0 {
				t.Fatalf("GET %s (%s) = %d with %d bytes", file, enc, resp.StatusCode, n)
			}
			if resp.ContentLength >= 0 || len(resp.TransferEncoding) == 0 || resp.TransferEncoding[0] != "chunked" {
				t.Errorf("GET %s (%s): Content-Length %d, Transfer-Encoding %v; want it streamed (chunked)", file, enc, resp.ContentLength, resp.TransferEncoding)
			}
			if tag := resp.Header.Get("ETag"); !downloadTag.MatchString(tag) {
				t.Errorf("GET %s (%s): ETag %q, want the download's own (count and last change)", file, enc, tag)
			}
		}
	}
}
