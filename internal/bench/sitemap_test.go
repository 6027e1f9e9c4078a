package bench_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"hoptac/internal/search"
	"hoptac/internal/store"
)

// healthy stands in for Meilisearch's health: sitemaps never search.
type healthy struct{}

func (healthy) Healthy(context.Context) bool { return true }

// BenchmarkSitemaps times what a crawler costs the portal: GET
// /sitemap.xml and every sitemap it lists, over HTTP with gzip as crawlers
// ask, on BENCH_SIZE generated entries (docs/performance.md, "Sitemaps").
// Three passes; the figures are the median pass.
func BenchmarkSitemaps(b *testing.B) {
	ctx := context.Background()
	size := envInt("BENCH_SIZE", 100_000)
	st, _, _ := generatedStore(b, ctx, "", size, store.Options{MaxOpenConns: 10, StatementTimeout: 5 * time.Second})
	// Generate refreshed the planner's statistics (store.AnalyzeEntries).
	base := serveApp(b, ctx, st, search.NewService(search.New("http://127.0.0.1:1", ""), st, quietLog()), healthy{})
	client := &http.Client{Timeout: time.Minute} // asks for gzip and decompresses, as crawlers do

	type pass struct {
		total, index, slowest time.Duration
		slowestPath           string
		urls, bytes, files    int
	}
	fetch := func(url string) ([]byte, time.Duration, error) {
		start := time.Now()
		resp, err := client.Get(url)
		if err != nil {
			return nil, 0, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			return nil, 0, fmt.Errorf("GET %s = %d", url, resp.StatusCode)
		}
		return body, time.Since(start), err
	}
	var passes []pass
	b.ResetTimer()
	for range 3 {
		var p pass
		body, d, err := fetch(base + "/sitemap.xml")
		if err != nil {
			b.Fatal(err)
		}
		p.index, p.total = d, d
		var index struct {
			Locs []string `xml:"sitemap>loc"`
		}
		if err := xml.Unmarshal(body, &index); err != nil {
			b.Fatal(err)
		}
		for _, loc := range index.Locs {
			path := loc[strings.Index(loc, "/sitemaps/"):]
			body, d, err := fetch(base + path)
			if err != nil {
				b.Fatal(err)
			}
			p.total += d
			p.files++
			p.bytes += len(body)
			p.urls += strings.Count(string(body), "<url>")
			if d > p.slowest {
				p.slowest, p.slowestPath = d, path
			}
		}
		passes = append(passes, p)
	}
	b.StopTimer()
	sort.Slice(passes, func(i, j int) bool { return passes[i].total < passes[j].total })
	m := passes[len(passes)/2]
	fmt.Printf("sitemaps of %d entries: %d URLs in %d sitemaps (%.1f MB of XML); index %v; all %v (median of 3, best %v); slowest %s %v\n",
		size, m.urls, m.files, float64(m.bytes)/1e6, m.index.Round(time.Millisecond), m.total.Round(time.Millisecond),
		passes[0].total.Round(time.Millisecond), m.slowestPath, m.slowest.Round(time.Millisecond))
	b.ReportMetric(m.total.Seconds(), "s/all-sitemaps")
	b.ReportMetric(float64(m.urls), "urls")
}
