package bench_test

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// BenchmarkFootprint measures what each part of a deployment needs for
// BENCH_SIZE generated entries, with the real binaries: PostgreSQL's
// database size, Meilisearch's index on disk and peak memory after a
// full `hoptac reindex`, and one portal's peak memory and CPU time over
// BENCH_REQUESTS (2000) mixed page, search and API requests from 8
// clients. The figures are for docs/deploy.md.
func BenchmarkFootprint(b *testing.B) {
	size := envInt("BENCH_SIZE", 100_000)
	requests := envInt("BENCH_REQUESTS", 2000)
	dbURL := testenv.DatabaseURL(b)
	meili := testenv.PrivateMeilisearch(b)
	env := []string{"DATABASE_URL=" + dbURL, "MEILI_URL=" + meili.URL, "MEILI_MASTER_KEY=" + meili.MasterKey, "LOG_LEVEL=warn"}
	testenv.Command(b, env, "migrate")
	start := time.Now()
	testenv.Command(b, env, "seed", "--size", strconv.Itoa(size))
	seeded := time.Since(start)
	start = time.Now()
	testenv.Command(b, env, "reindex")
	reindexed := time.Since(start)

	st, err := store.Open(context.Background(), dbURL, store.Options{MaxOpenConns: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var dbBytes int64
	if err := st.DB().Get(&dbBytes, `SELECT pg_database_size(current_database())`); err != nil {
		b.Fatal(err)
	}
	meiliRSS := testenv.ProcStatus(b, meili.Pid(), "VmHWM")
	meiliDisk := dirBytes(b, meili.DataDir())

	srv := testenv.Serve(b, env)
	paths := []string{"/", "/viec-lam", "/viec-lam?city=hcm&page=3", "/doanh-nghiep", "/truong-nghe", "/dao-tao",
		"/tim-kiem?q=cong+nhan+may", "/tim-kiem?q=ke+toan&type=job", "/api/v1/search?q=dien&per_page=20", "/chinh-sach"}
	cpuBefore := procCPU(b, srv.Pid())
	client := &http.Client{Timeout: 30 * time.Second}
	var wg sync.WaitGroup
	next := make(chan string)
	var failed sync.Map
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range next {
				resp, err := client.Get(srv.URL + path)
				if err != nil {
					failed.Store(path, err.Error())
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Store(path, resp.Status)
				}
			}
		}()
	}
	start = time.Now()
	for i := 0; i < requests; i++ {
		next <- paths[i%len(paths)]
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	failed.Range(func(k, v any) bool { b.Errorf("GET %s: %v", k, v); return true })
	cpu := procCPU(b, srv.Pid()) - cpuBefore
	portalRSS := testenv.ProcStatus(b, srv.Pid(), "VmHWM")

	mb := func(n int64) string { return fmt.Sprintf("%d MB", n>>20) }
	b.Logf("\n| part | measured with %d entries |\n|---|---|\n"+
		"| PostgreSQL database (`pg_database_size`) | %s |\n"+
		"| Meilisearch index on disk | %s |\n"+
		"| Meilisearch peak memory after a full reindex | %s |\n"+
		"| `hoptac seed --size %d` | %s |\n"+
		"| `hoptac reindex` (one replica, 1 indexing thread) | %s |\n"+
		"| portal peak memory over %d requests (8 clients) | %s |\n"+
		"| portal CPU time per 1000 requests | %.2f s (%.0f req/s on this machine) |\n",
		size, mb(dbBytes), mb(meiliDisk), mb(meiliRSS), size, seeded.Round(time.Second), reindexed.Round(time.Second),
		requests, mb(portalRSS), cpu.Seconds()*1000/float64(requests), float64(requests)/elapsed.Seconds())
}

// procCPU is the process's user + system CPU time so far.
func procCPU(b *testing.B, pid int) time.Duration {
	b.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	// Fields after the command name (which may hold spaces): utime is
	// the 14th field of the line, stime the 15th, in clock ticks (100/s).
	rest := string(raw[strings.LastIndexByte(string(raw), ')')+2:])
	fields := strings.Fields(rest)
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

func dirBytes(b *testing.B, dir string) int64 {
	b.Helper()
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}
