package bench_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// BenchmarkOpenData generates BENCH_SIZE entries (default 100 000), starts
// the real binary on them and measures, over HTTP:
//
//   - each download (CSV, JSON, XLSX) of every kind: seconds, size, and the
//     server process's peak RSS while it streams (VmHWM, reset before each
//     format through /proc/PID/clear_refs);
//   - the read API: list pages of 100 entries by number (a random page)
//     and by cursor (after a random id), and single entries (random public
//     ids) of every kind, p50 and p95, one request at a time.
//
// It prints a Markdown table; docs/performance.md ("Open data") has the
// figures. BENCH_API_REQUESTS (100) sets the requests per measure;
// BENCH_DATABASE_URL measures a database filled before instead.
func BenchmarkOpenData(b *testing.B) {
	ctx := context.Background()
	size := envInt("BENCH_SIZE", 100_000)
	requests := envInt("BENCH_API_REQUESTS", 100)
	// BENCH_DATABASE_URL names a database already filled (`hoptac seed
	// --size N`), to measure again without generating.
	generate := os.Getenv("BENCH_DATABASE_URL") == ""
	st, dbURL, counts := generatedStore(b, ctx, os.Getenv("BENCH_DATABASE_URL"), size, store.Options{MaxOpenConns: 10, StatementTimeout: 30 * time.Second})
	// The search worker has nothing to reach: indexing would share the CPU
	// with what is measured.
	if _, err := st.DB().ExecContext(ctx, `DELETE FROM search_outbox`); err != nil {
		b.Fatal(err)
	}
	srv := testenv.Serve(b, []string{"DATABASE_URL=" + dbURL, "MEILI_URL=http://127.0.0.1:1", "LOG_LEVEL=error"})
	client := &http.Client{Timeout: 10 * time.Minute}

	var out strings.Builder
	if generate {
		fmt.Fprintf(&out, "Data set: `seed.Generate` of %d entries (%s).\n\n", size, counts)
	} else {
		fmt.Fprintf(&out, "Data set: the database BENCH_DATABASE_URL names.\n\n")
	}
	fmt.Fprintf(&out, "| download | rows | CSV s | CSV MB | JSON s | JSON MB | XLSX s | XLSX MB |\n|---|---|---|---|---|---|---|---|\n")
	type cell struct {
		secs  float64
		bytes int64
	}
	results := map[string]map[string]cell{}
	peak := map[string]int64{}
	base := map[string]int64{}
	formats := []string{"csv", "json", "xlsx"}
	for _, f := range formats {
		base[f] = testenv.ProcStatus(b, srv.Pid(), "VmRSS") >> 10
		if err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", srv.Pid()), []byte("5"), 0); err != nil {
			b.Fatalf("reset peak RSS: %v", err)
		}
		for _, k := range kind.All {
			p := k.Type().Plural
			start := time.Now()
			resp, err := client.Get(srv.URL + "/du-lieu-mo/" + p + "." + f)
			if err != nil {
				b.Fatal(err)
			}
			n, err := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatalf("GET %s.%s = %d, %v", p, f, resp.StatusCode, err)
			}
			if results[p] == nil {
				results[p] = map[string]cell{}
			}
			results[p][f] = cell{time.Since(start).Seconds(), n}
		}
		peak[f] = testenv.ProcStatus(b, srv.Pid(), "VmHWM") >> 10
	}
	stats, err := st.PublicStats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range kind.All {
		p := k.Type().Plural
		fmt.Fprintf(&out, "| %s | %d |", p, stats[k.Type().Name].Count)
		for _, f := range formats {
			c := results[p][f]
			fmt.Fprintf(&out, " %.2f | %.1f |", c.secs, float64(c.bytes)/1e6)
		}
		out.WriteString("\n")
	}
	fmt.Fprintf(&out, "\n| format | server RSS before (MB) | peak RSS while streaming every kind (MB) |\n|---|---|---|\n")
	for _, f := range formats {
		fmt.Fprintf(&out, "| %s | %.0f | %.0f |\n", f, float64(base[f])/1024, float64(peak[f])/1024)
	}

	fmt.Fprintf(&out, "\n| API, ms (%d requests each, one at a time) | page=N p50 | page=N p95 | after=ID p50 | after=ID p95 | entry p50 | entry p95 |\n|---|---|---|---|---|---|---|\n", requests)
	r := rand.New(rand.NewPCG(9, 9))
	for _, k := range kind.All {
		p, n := k.Type().Plural, stats[k.Type().Name].Count
		if n == 0 {
			continue
		}
		pages := (n + 99) / 100
		var ids []int64
		if err := st.DB().SelectContext(ctx, &ids, `SELECT id FROM public_`+string(k.Table())+` ORDER BY random() LIMIT $1`, requests); err != nil {
			b.Fatal(err)
		}
		list := timeGets(b, client, requests, func(int) string {
			return srv.URL + "/api/v1/" + p + "?expired=1&per_page=100&page=" + strconv.Itoa(1+r.IntN(pages))
		})
		cursor := timeGets(b, client, requests, func(i int) string {
			return srv.URL + "/api/v1/" + p + "?expired=1&per_page=100&after=" + strconv.FormatInt(ids[i%len(ids)], 10)
		})
		entry := timeGets(b, client, requests, func(i int) string {
			return srv.URL + "/api/v1/" + p + "/" + strconv.FormatInt(ids[i%len(ids)], 10)
		})
		fmt.Fprintf(&out, "| %s | %s | %s | %s | %s | %s | %s |\n", p, ms(percentile(list, 0.50)), ms(percentile(list, 0.95)),
			ms(percentile(cursor, 0.50)), ms(percentile(cursor, 0.95)), ms(percentile(entry, 0.50)), ms(percentile(entry, 0.95)))
	}
	fmt.Println(out.String())
}

// timeGets sends n GETs one after another and returns their durations, sorted.
func timeGets(b *testing.B, client *http.Client, n int, url func(i int) string) []time.Duration {
	b.Helper()
	out := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		start := time.Now()
		resp, err := client.Get(url(i))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET %s = %d", url(i), resp.StatusCode)
		}
		out = append(out, time.Since(start))
	}
	slices.Sort(out)
	return out
}
