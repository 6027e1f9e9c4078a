package faults_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestSoak runs the portal for SOAK_DURATION (e.g. 10m; unset: skipped)
// at SOAK_RATE (default 50) requests/s of mixed pages, searches and API calls against a
// generated portal of SOAK_SIZE entries (default 5000), and reports p99
// latency, RSS and goroutines at the start and the end. `make soak` runs it.
func TestSoak(t *testing.T) {
	raw := os.Getenv("SOAK_DURATION")
	if raw == "" {
		t.Skip("set SOAK_DURATION (e.g. 10m) to run the soak; `make soak` does")
	}
	duration, err := time.ParseDuration(raw)
	if err != nil || duration < 10*time.Second {
		t.Fatalf("SOAK_DURATION=%q: want a duration of at least 10s", raw)
	}
	size := 5000
	if v := os.Getenv("SOAK_SIZE"); v != "" {
		if size, err = strconv.Atoi(v); err != nil || size < 100 {
			t.Fatalf("SOAK_SIZE=%q: want a number of entries, at least 100", v)
		}
	}
	rate := 50
	if v := os.Getenv("SOAK_RATE"); v != "" {
		if rate, err = strconv.Atoi(v); err != nil || rate < 1 || rate > 1000 {
			t.Fatalf("SOAK_RATE=%q: want requests per second, 1 to 1000", v)
		}
	}

	dbURL := testenv.DatabaseURL(t)
	meili := testenv.PrivateMeilisearch(t)
	metricsAddr := testenv.FreeAddr(t)
	env := []string{"DATABASE_URL=" + dbURL, "MEILI_URL=" + meili.URL, "MEILI_MASTER_KEY=" + meili.MasterKey,
		"LOG_LEVEL=warn", "METRICS_ADDR=" + metricsAddr}
	start := time.Now()
	testenv.Command(t, env, "seed", "--size", strconv.Itoa(size))
	testenv.Command(t, env, "reindex")
	analyze(t, dbURL)
	t.Logf("seeded and indexed %d entries in %s", size, time.Since(start).Round(time.Second))
	srv := testenv.Serve(t, env)
	client := newClient()
	mix := soakPaths(t, client, srv.URL)
	rssKB := func() int64 { return testenv.ProcStatus(t, srv.Pid(), "VmRSS") >> 10 }

	// A short warm-up, so "start" means a portal that has served.
	load(client, srv.URL, mix, rate, 5*rate, nil)
	startRSS, startG := rssKB(), goroutines(client, srv.URL, metricsAddr)
	t.Logf("soak: %s at %d requests/s over %d paths; start: RSS %d MB, %d goroutines", duration, rate, len(mix), startRSS/1024, startG)

	n := int(duration.Seconds()) * rate
	every := max(n/10, rate)
	results := load(client, srv.URL, mix, rate, n, func(i int) {
		if i > 0 && i%every == 0 {
			t.Logf("  after %5d requests: RSS %d MB, %d goroutines", i, rssKB()/1024, goroutines(client, srv.URL, metricsAddr))
		}
	})
	endRSS, endG := rssKB(), goroutines(client, srv.URL, metricsAddr)
	// Then idle: what is left is held, not in flight.
	client.CloseIdleConnections()
	time.Sleep(5 * time.Second)
	idleRSS, idleG := rssKB(), goroutines(client, srv.URL, metricsAddr)

	byKind := map[string][]result{}
	failed := 0
	for _, r := range results {
		kind := "page"
		switch {
		case strings.HasPrefix(r.path, "/api/"):
			kind = "api"
		case strings.HasPrefix(r.path, "/tim-kiem"):
			kind = "search"
		}
		byKind[kind] = append(byKind[kind], r)
		if r.err != nil || r.status != http.StatusOK {
			failed++
			if failed <= 10 {
				t.Errorf("GET %s = %d %v", r.path, r.status, r.err)
			}
		}
	}
	t.Logf("soak result: %d requests, %d failed; all: %s", n, failed, latencies(results))
	for _, k := range []string{"page", "search", "api"} {
		t.Logf("  %-6s %5d requests: %s", k, len(byKind[k]), latencies(byKind[k]))
	}
	t.Logf("  RSS %d MB → %d MB (%d MB after 5 s idle); goroutines %d → %d (%d after 5 s idle)",
		startRSS/1024, endRSS/1024, idleRSS/1024, startG, endG, idleG)
	if failed > 0 {
		t.Errorf("%d of %d requests failed", failed, n)
	}
}

// soakPaths mixes list pages (several pages deep), detail pages found
// through the API, search pages and API searches.
func soakPaths(t *testing.T, client *http.Client, base string) []string {
	t.Helper()
	words := []string{"cong nhan", "ke toan", "may", "ban hang", "dien", "co khi", "o to", "nau an", "bao tri", "xay dung"}
	var out []string
	for i, w := range words {
		q := url.QueryEscape(w)
		out = append(out,
			"/tim-kiem?q="+q,
			"/api/v1/search?q="+q+"&per_page=10",
			fmt.Sprintf("/viec-lam?page=%d", i+1),
			[]string{"/doanh-nghiep", "/truong-nghe", "/dao-tao", "/chinh-sach", "/du-an"}[i%5]+fmt.Sprintf("?page=%d", i%3+1),
			"/viec-lam?q="+q+"&city=hcm",
		)
	}
	out = append(out, "/", "/hop-tac")
	resp, err := client.Get(base + "/api/v1/search?per_page=30")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Hits []struct {
			URL string `json:"url"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.URL != "" {
			out = append(out, h.URL)
		}
	}
	return out
}

// goroutines reads go_goroutines from /metrics, on METRICS_ADDR if the
// portal listens there, else on the main address; -1 if neither answers.
func goroutines(client *http.Client, base, metricsAddr string) int {
	for _, u := range []string{"http://" + metricsAddr + "/metrics", base + "/metrics"} {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "go_goroutines "); ok {
				resp.Body.Close()
				n, _ := strconv.ParseFloat(v, 64)
				return int(n)
			}
		}
		resp.Body.Close()
	}
	return -1
}

// analyze gives the planner statistics of the fresh data at once, as
// autovacuum would within a minute or so; without them the home page's
// queries take seconds on a just-generated data set.
func analyze(t *testing.T, dbURL string) {
	t.Helper()
	st, err := store.Open(ctx, dbURL, store.Options{MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.DB().Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
}
