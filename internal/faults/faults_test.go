// Package faults_test is the fault suite: the real `hoptac serve` binary,
// configured by environment variables only, against real PostgreSQL and
// Meilisearch, while something goes wrong — PostgreSQL stops under load,
// SIGTERM arrives under load, the database is restored from a dump. The
// Meilisearch-killed-during-writes case lives beside the worker, in
// internal/indexer/outbox_test.go (TestOutboxLosesNothingWhileMeilisearchIsKilled).
// The soak (TestSoak) runs only with SOAK_DURATION set: `make soak`.
package faults_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"hoptac/internal/testenv"
)

var ctx = context.Background()

// portal is a seeded, indexed portal database with its own Meilisearch.
type portal struct {
	env   []string
	dbURL string
	meili *testenv.Meili
}

// newPortal migrates and seeds the demo data into dbURL through the real
// binary. The search index is built by the first `hoptac serve` (its outbox
// worker), or by a `hoptac reindex` the test runs; see waitIndexed.
func newPortal(t *testing.T, dbURL string, extra ...string) portal {
	t.Helper()
	start := time.Now()
	meili := testenv.PrivateMeilisearch(t)
	t.Logf("Meilisearch up in %s", time.Since(start).Round(time.Millisecond))
	p := portal{dbURL: dbURL, meili: meili, env: append([]string{
		"DATABASE_URL=" + dbURL,
		"MEILI_URL=" + meili.URL,
		"MEILI_MASTER_KEY=" + meili.MasterKey,
		"LOG_LEVEL=warn",
	}, extra...)}
	for _, cmd := range []string{"migrate", "seed"} {
		start := time.Now()
		testenv.Command(t, p.env, cmd)
		t.Logf("hoptac %s: %s", cmd, time.Since(start).Round(time.Millisecond))
	}
	return p
}

// paths are what the load asks for: every kind of public page, search
// pages and the API.
var paths = []string{
	"/", "/viec-lam", "/viec-lam?city=hcm&page=2", "/doanh-nghiep", "/truong-nghe", "/dao-tao",
	"/chinh-sach", "/du-an", "/hop-tac", "/tim-kiem?q=cong+nhan", "/api/v1/search?q=ke+toan",
	"/api/v1/search?q=may&type=job&per_page=5",
}

func isSearch(path string) bool {
	return strings.HasPrefix(path, "/tim-kiem") || strings.HasPrefix(path, "/api/v1/search")
}

// result is one request of a load run.
type result struct {
	path       string
	start, end time.Time
	status     int // 0 when the request failed without an answer
	retryAfter string
	err        error
}

// newClient is a browser-like client: keep-alive, a bounded wait.
func newClient() *http.Client {
	return &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 32, IdleConnTimeout: 30 * time.Second},
	}
}

// load sends n requests at rate per second, cycling through paths, and
// returns every result in the order sent. at(i) is called before request
// i is sent, so a test can make something happen at a fixed point.
func load(client *http.Client, base string, paths []string, rate, n int, at func(i int)) []result {
	results := make([]result, n)
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	for i := 0; i < n; i++ {
		if i > 0 {
			<-tick.C
		}
		if at != nil {
			at(i)
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = fetch(client, base, paths[i%len(paths)])
		}(i)
	}
	wg.Wait()
	return results
}

func fetch(client *http.Client, base, path string) result {
	r := result{path: path, start: time.Now()}
	resp, err := client.Get(base + path)
	if err != nil {
		r.end, r.err = time.Now(), err
		return r
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	r.end, r.status, r.retryAfter, r.err = time.Now(), resp.StatusCode, resp.Header.Get("Retry-After"), err
	return r
}

// refused tells whether err is a connection the server no longer takes:
// refused, reset, or closed before an answer.
func refused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.EPIPE)
}

// latency summarises durations.
type latency struct{ p50, p99, max time.Duration }

func latencies(rs []result) latency {
	var d []time.Duration
	for _, r := range rs {
		if r.err == nil {
			d = append(d, r.end.Sub(r.start))
		}
	}
	if len(d) == 0 {
		return latency{}
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(q float64) time.Duration { return d[min(len(d)-1, int(q*float64(len(d))))] }
	return latency{p50: at(0.50), p99: at(0.99), max: d[len(d)-1]}
}

func (l latency) String() string {
	return fmt.Sprintf("p50 %s, p99 %s, max %s", l.p50.Round(time.Millisecond), l.p99.Round(time.Millisecond), l.max.Round(time.Millisecond))
}

// probe asks path every interval until stop is closed and records every answer.
func probe(client *http.Client, base, path string, interval time.Duration, stop <-chan struct{}) func() []result {
	var mu sync.Mutex
	var out []result
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			r := fetch(client, base, path)
			mu.Lock()
			out = append(out, r)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() []result {
		<-done
		mu.Lock()
		defer mu.Unlock()
		return out
	}
}

// waitIndexed waits until the portal at base answers search from
// Meilisearch with every published entry of the demo data.
func waitIndexed(t *testing.T, client *http.Client, base string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		total, degraded, err := searchTotal(client, base+"/api/v1/search?per_page=1")
		if err == nil && !degraded && total >= demoPublished {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the search index is not ready after %s: total %d, degraded %v, %v", within, total, degraded, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// demoPublished is a lower bound of the demo data's published entries.
const demoPublished = 250

func searchTotal(client *http.Client, url string) (total int, degraded bool, err error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, false, err
	}
	defer resp.Body.Close()
	var body struct {
		Total    int  `json:"total"`
		Degraded bool `json:"degraded"`
	}
	if resp.StatusCode != http.StatusOK {
		return 0, false, fmt.Errorf("status %d", resp.StatusCode)
	}
	err = json.NewDecoder(resp.Body).Decode(&body)
	return body.Total, body.Degraded, err
}
