package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hoptac/internal/testenv"
)

// FuzzQueryString sends any bytes as the query string of the search page,
// the search API and a list page (Meilisearch away, so PostgreSQL answers
// whatever passes the query policy): no input may give a 5xx. The corpus
// in testdata/fuzz holds the bytes that once gave 500s (%ff, %c3, %00).
func FuzzQueryString(f *testing.F) {
	for _, seed := range []string{"q=%ff", "q=%c3", "q=%00", "q=c%C3%B4ng+nh%C3%A2n+may", "q=cong%20nhan&type=job&page=2",
		"q=%C3", "wage_min=8tr", "q=' OR 1=1 --", "q=a:*|!b&(c", "q=\\&sort=wage&city=hcm", "page=99999999999999999999"} {
		f.Add(seed)
	}
	st := testenv.Store(f)
	app := newApp(f, st)
	f.Fuzz(func(t *testing.T, raw string) {
		query := escapeRequestLine(raw)
		for _, path := range []string{"/tim-kiem", "/api/v1/search", "/viec-lam"} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.URL.RawQuery = query
			resp, err := app.Test(req, -1)
			if err != nil {
				t.Fatalf("GET %s?%q: %v", path, query, err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Fatalf("GET %s?%q = %d: %.300s", path, query, resp.StatusCode, body)
			}
		}
	})
}

// escapeRequestLine percent-encodes the bytes that cannot stand in a
// request line (spaces, controls, non-ASCII) and keeps the rest as typed,
// so "%ff" stays a raw escape for the server to decode.
func escapeRequestLine(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c <= ' ' || c >= 0x7f || c == '#' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
