package search_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hoptac/internal/search"
	"hoptac/internal/testenv"
)

// slowProxy forwards TCP to a Meilisearch, holding every chunk a client
// sends for delay first: Meilisearch alive but slow, as under load. When
// the Meilisearch behind it is gone, it drops the client's connection.
type slowProxy struct {
	ln     net.Listener
	target string
	delay  atomic.Int64 // nanoseconds
}

func newSlowProxy(t *testing.T, target string) *slowProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &slowProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

func (p *slowProxy) URL() string { return "http://" + p.ln.Addr().String() }

func (p *slowProxy) serve(client net.Conn) {
	defer client.Close()
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer up.Close()
	go func() { _, _ = io.Copy(client, up); client.Close() }()
	buf := make([]byte, 64<<10)
	for {
		n, err := client.Read(buf)
		if n > 0 {
			time.Sleep(time.Duration(p.delay.Load()))
			if _, werr := up.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// TestBreakerOpensOnlyForAnOutage: a Meilisearch slower than the old 300 ms
// deadline, at 8 searches at once, still answers every search and the
// breaker stays closed; a killed one opens it (searches answer from
// PostgreSQL without waiting); while half-open one probe goes to
// Meilisearch and the others to PostgreSQL; the restarted one closes it.
func TestBreakerOpensOnlyForAnOutage(t *testing.T) {
	t.Parallel()
	meili := testenv.PrivateMeilisearch(t)
	ctx := context.Background()
	indexedEngine(t, meili) // sets up the index the engine behind the proxy reads
	proxy := newSlowProxy(t, strings.TrimPrefix(meili.URL, "http://"))
	engine := search.New(proxy.URL(), meili.MasterKey)
	defer engine.Close()
	st := testenv.Store(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	const cooldown = 500 * time.Millisecond
	svc := search.NewServiceWith(engine, st, log, search.DefaultDeadline, cooldown)

	search1 := func() search.Result {
		t.Helper()
		res, err := svc.Search(ctx, search.Query{Q: "cong nhan may"})
		if err != nil {
			t.Fatalf("Search = %v", err)
		}
		return res
	}

	proxy.delay.Store(int64(400 * time.Millisecond))
	var wg sync.WaitGroup
	var degraded atomic.Int32
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if res, err := svc.Search(ctx, search.Query{Q: "cong nhan may"}); err != nil || res.Degraded {
					degraded.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if n := degraded.Load(); n != 0 || svc.BreakerState() != "closed" {
		t.Fatalf("slow Meilisearch: %d of 24 searches degraded, breaker %s; want 0 and closed", n, svc.BreakerState())
	}

	proxy.delay.Store(0)
	meili.Kill()
	for i := range search.TripAfter {
		if res := search1(); !res.Degraded {
			t.Fatalf("search %d with Meilisearch killed: not degraded", i)
		}
	}
	if svc.BreakerState() != "open" {
		t.Fatalf("breaker %s after %d failures with Meilisearch killed, want open", svc.BreakerState(), search.TripAfter)
	}
	if res := search1(); !res.Degraded {
		t.Error("open breaker: a search went to Meilisearch")
	}

	if err := meili.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(cooldown + 50*time.Millisecond)
	proxy.delay.Store(int64(600 * time.Millisecond)) // the probe takes a while
	probe := make(chan search.Result, 1)
	go func() { probe <- search1() }()
	time.Sleep(150 * time.Millisecond)
	if svc.BreakerState() != "half-open" {
		t.Errorf("breaker %s during the probe, want half-open", svc.BreakerState())
	}
	if other := search1(); !other.Degraded {
		t.Error("a search beside the probe went to Meilisearch; want PostgreSQL")
	}
	if res := <-probe; res.Degraded {
		t.Error("the probe after the restart was degraded")
	}
	proxy.delay.Store(0)
	if res := search1(); res.Degraded || svc.BreakerState() != "closed" {
		t.Errorf("after recovery: degraded %v, breaker %s; want Meilisearch and closed", res.Degraded, svc.BreakerState())
	}
}
