package faults_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"

	"hoptac/internal/auth"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestTopology runs the portal as it scales past one machine, with real
// processes on loopback: three `hoptac serve` behind nginx, a PostgreSQL
// primary with a streaming standby for public reads, and two Meilisearch
// replicas. Under a steady load of page and search reads and of back-
// office writes (create, publish, edit), it kills one portal, kills one
// Meilisearch and brings it back, and stops the standby. No request fails
// but those in flight on the killed portal; nothing published is lost;
// both Meilisearch instances end equal to PostgreSQL (`hoptac reindex
// --check`), and the standby, restarted, converges.
func TestTopology(t *testing.T) {
	if testing.Short() || os.Getenv("HOPTAC_TOPOLOGY") == "" {
		t.Skip("starts 3 portals, 2 PostgreSQL servers, 2 Meilisearch and nginx for a minute: `make topology` runs it (.ci/run does)")
	}
	topo := startTopology(t)
	client := newClient()
	waitIndexed(t, client, topo.lb, 90*time.Second)
	waitReplicasEqual(t, topo.env, 60*time.Second)

	st, err := store.Open(ctx, topo.dbURL, store.Options{MaxOpenConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const email, password = "topo@hcm.gov.vn", "mật khẩu đủ dài cho thử nghiệm"
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateUser(ctx, &store.User{Email: email, Name: "Quản trị thử", Role: auth.RoleAdmin, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	office := signIn(t, topo.lb, email, password)

	run := topo.loadWithFaults(t, client, st, office)
	failed, inFlight := checkReadsAroundKill(t, run.reads, run.killedAt)
	published, wfailed := checkWritesAroundKill(t, run.writes, run.killedAt)
	if len(published) < 20 {
		t.Errorf("only %d writes went through; want a real write load", len(published))
	}
	var public int
	if err := st.DB().Get(&public, `SELECT count(*) FROM public_policies WHERE id = ANY ($1)`, pq.Array(published)); err != nil || public != len(published) {
		t.Errorf("%d of the %d published policies are public in PostgreSQL (%v): something published was lost", public, len(published), err)
	}

	// Both Meilisearch converge to PostgreSQL; the standby, back, too.
	waitReplicasEqual(t, topo.env, 60*time.Second)
	if err := topo.standby.Start(); err != nil {
		t.Fatal(err)
	}
	standbyLag := waitStandbyConverges(t, topo.primary, topo.standby, 60*time.Second)
	t.Logf("topology: %d reads (%d failed, %d of them in flight on the killed portal), %d writes (%d failed), %d policies published",
		len(run.reads), failed, inFlight, len(run.writes), wfailed, len(published))
	t.Logf("restarted Meilisearch caught up in %s (largest backlog age seen %s); restarted standby converged in %s; read latency %s",
		run.catchUp.Round(time.Millisecond), run.maxLag.Round(time.Millisecond), standbyLag.Round(time.Millisecond), latencies(run.reads))
}

// topology is the running portal of TestTopology.
type topology struct {
	env              []string
	dbURL            string
	lb               string // the load balancer's base URL
	portals          []*testenv.Server
	meiliB           *testenv.Meili
	primary, standby *testenv.PGCluster
}

// startTopology migrates and seeds the primary, starts its standby, two
// Meilisearch replicas, three portals and nginx in front of them.
func startTopology(t *testing.T) *topology {
	t.Helper()
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	masterKey := hex.EncodeToString(key)
	meiliA, meiliB := testenv.PrivateMeilisearchWithKey(t, masterKey), testenv.PrivateMeilisearchWithKey(t, masterKey)
	primary := testenv.PostgresCluster(t)
	dbURL := primary.CreateDatabase(t, "hoptac")
	env := []string{"DATABASE_URL=" + dbURL, "MEILI_URLS=" + meiliA.URL + "," + meiliB.URL,
		"MEILI_MASTER_KEY=" + masterKey, "LOG_LEVEL=warn"}
	testenv.Command(t, env, "migrate")
	testenv.Command(t, env, "seed")
	standby := primary.Standby(t)
	env = append(env, "DATABASE_READ_URL="+standby.URL("hoptac"), "DB_READ_MAX_LAG=5s",
		"SEARCH_MAX_LAG=10s", "DB_MAX_CONNS=8", "TRUSTED_PROXIES=127.0.0.1")
	topo := &topology{env: env, dbURL: dbURL, meiliB: meiliB, primary: primary, standby: standby}
	var upstreams strings.Builder
	for i := 0; i < 3; i++ {
		p := testenv.Serve(t, env)
		topo.portals = append(topo.portals, p)
		fmt.Fprintf(&upstreams, "server %s max_fails=1 fail_timeout=30s;\n", strings.TrimPrefix(p.URL, "http://"))
	}
	lbAddr := testenv.FreeAddr(t)
	// GETs that meet a dead portal are sent to the next one; a POST is
	// never sent twice (nginx's default for non-idempotent requests).
	testenv.Nginx(t, fmt.Sprintf(`
	upstream portals { %s keepalive 32; }
	server {
		listen %s;
		location / {
			proxy_pass http://portals;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Real-IP $remote_addr;
			proxy_connect_timeout 1s;
			proxy_next_upstream error timeout http_502;
		}
	}`, upstreams.String(), lbAddr), lbAddr)
	topo.lb = "http://" + lbAddr
	return topo
}

// topologyRun is what the load saw.
type topologyRun struct {
	reads           []result
	writes          []write
	killedAt        time.Time
	catchUp, maxLag time.Duration
}

// loadWithFaults reads at a steady rate and writes one after another while
// it kills one portal, kills one Meilisearch and brings it back, and stops
// the standby.
func (topo *topology) loadWithFaults(t *testing.T, client *http.Client, st *store.Store, office *officeClient) *topologyRun {
	t.Helper()
	const rate, seconds = 30, 24
	run := &topologyRun{}
	writesDone := make(chan struct{})
	stopWrites := make(chan struct{})
	go func() {
		defer close(writesDone)
		for n := 0; ; n++ {
			select {
			case <-stopWrites:
				return
			default:
			}
			run.writes = append(run.writes, office.publishPolicy(n))
			time.Sleep(150 * time.Millisecond)
		}
	}()
	run.reads = load(client, topo.lb, paths, rate, rate*seconds, func(i int) {
		switch i {
		case 3 * rate:
			run.killedAt = time.Now()
			_ = topo.portals[0].Signal(syscall.SIGKILL)
		case 7 * rate:
			topo.meiliB.Kill()
		case 13 * rate:
			if err := topo.meiliB.Start(); err != nil {
				t.Error(err)
			}
			go func() { run.catchUp, run.maxLag = waitCaughtUp(st, topo.meiliB.URL, 60*time.Second) }()
		case 17 * rate:
			if err := topo.standby.Stop(); err != nil {
				t.Error(err)
			}
		}
	})
	close(stopWrites)
	<-writesDone
	return run
}

// inFlightAt tells whether something that ran from start to end was under
// way at moment.
func inFlightAt(start, end, moment time.Time) bool {
	return !start.After(moment) && !end.Before(moment)
}

// checkReadsAroundKill: only the reads in flight on the killed portal may fail.
func checkReadsAroundKill(t *testing.T, reads []result, killedAt time.Time) (failed, inFlight int) {
	t.Helper()
	for _, r := range reads {
		if r.err == nil && r.status < 500 {
			continue
		}
		failed++
		if inFlightAt(r.start, r.end, killedAt) {
			inFlight++
			continue
		}
		t.Errorf("GET %s at %s: %d %v — not in flight on the killed portal", r.path, r.start.Format("15:04:05.000"), r.status, r.err)
	}
	return failed, inFlight
}

// checkWritesAroundKill: each write is answered, but those in flight on the
// killed portal; it returns the ids of those that said "published".
func checkWritesAroundKill(t *testing.T, writes []write, killedAt time.Time) (published []int64, failed int) {
	t.Helper()
	for _, w := range writes {
		if w.err != nil {
			failed++
			if inFlightAt(w.start, w.end, killedAt) {
				continue
			}
			t.Errorf("write %d at %s failed: %v", w.n, w.start.Format("15:04:05.000"), w.err)
			continue
		}
		published = append(published, w.id)
	}
	return published, failed
}

// write is one back-office write of the load.
type write struct {
	n          int
	id         int64
	start, end time.Time
	err        error
}

// officeClient is an official's browser in the back office: its cookies,
// no redirects followed.
type officeClient struct {
	t    *testing.T
	c    *http.Client
	base string
}

var (
	csrfField    = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)
	versionField = regexp.MustCompile(`name="version" value="(\d+)"`)
	entryURL     = regexp.MustCompile(`^/admin/policies/(\d+)`)
)

func signIn(t *testing.T, base, email, password string) *officeClient {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	o := &officeClient{t: t, base: base, c: &http.Client{Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	page, err := o.get("/admin/dang-nhap")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := o.post("/admin/dang-nhap", url.Values{"_csrf": {field(csrfField, page)}, "email": {email}, "password": {password}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in through the load balancer: %v %v", resp, err)
	}
	return o
}

func (o *officeClient) get(path string) (string, error) {
	resp, err := o.c.Get(o.base + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s = %d", path, resp.StatusCode)
	}
	return string(body), err
}

func (o *officeClient) post(path string, form url.Values) (*http.Response, error) {
	resp, err := o.c.PostForm(o.base+path, form)
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp, nil
}

func field(re *regexp.Regexp, page string) string {
	if m := re.FindStringSubmatch(page); m != nil {
		return m[1]
	}
	return ""
}

// publishPolicy creates policy n from the kind's example row, publishes
// it, and edits every third one once published.
func (o *officeClient) publishPolicy(n int) (w write) {
	w = write{n: n, start: time.Now()}
	defer func() { w.end = time.Now() }()
	form, err := o.get("/admin/policies/moi")
	if err != nil {
		w.err = err
		return w
	}
	values := url.Values{"_csrf": {field(csrfField, form)}}
	for col, v := range kind.Policy.Example() {
		values.Set(col, v)
	}
	values.Set("external_id", "topo-"+strconv.Itoa(n))
	values.Set("title", fmt.Sprintf("Chính sách thử tải số %d", n))
	resp, err := o.post("/admin/policies/moi", values)
	if err != nil {
		w.err = err
		return w
	}
	m := entryURL.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		w.err = fmt.Errorf("create = %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
		return w
	}
	w.id, _ = strconv.ParseInt(m[1], 10, 64)
	entry := "/admin/policies/" + m[1]
	if w.err = o.submit(entry, entry+"/cong-bo", nil); w.err != nil || n%3 != 0 {
		return w
	}
	values.Set("title", fmt.Sprintf("Chính sách thử tải số %d (đã sửa)", n))
	w.err = o.submit(entry+"/sua", entry+"/sua", values)
	return w
}

// submit reads the form page (its CSRF token and version) and posts to
// action; a 303 is success.
func (o *officeClient) submit(page, action string, values url.Values) error {
	body, err := o.get(page)
	if err != nil {
		return err
	}
	form := url.Values{}
	for k, v := range values {
		form[k] = v
	}
	form.Set("_csrf", field(csrfField, body))
	form.Set("version", field(versionField, body))
	resp, err := o.post(action, form)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("POST %s = %d", action, resp.StatusCode)
	}
	return nil
}

// waitReplicasEqual runs `hoptac reindex --check` until both replicas
// equal PostgreSQL.
func waitReplicasEqual(t *testing.T, env []string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		cmd := exec.Command(testenv.Binary(t), "reindex", "--check")
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
		out, err := cmd.CombinedOutput()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("hoptac reindex --check still differs after %s: %v\n%s", within, err, lastLines(string(out), 2000))
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// waitCaughtUp polls the restarted replica's queue until it is empty: the
// time it took, and the largest backlog age seen meanwhile.
func waitCaughtUp(st *store.Store, meiliURL string, within time.Duration) (took, maxLag time.Duration) {
	start := time.Now()
	for time.Since(start) < within {
		states, err := st.ReplicaStates(context.Background())
		if err == nil {
			for _, s := range states {
				if strings.HasPrefix(s.Name, meiliURL+"/") {
					maxLag = max(maxLag, s.Lag())
					if s.Pending == 0 {
						return time.Since(start), maxLag
					}
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return within, maxLag
}

// waitStandbyConverges waits until the standby has replayed everything
// the primary has written, and says how long that took.
func waitStandbyConverges(t *testing.T, primary, standby *testenv.PGCluster, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	p, err := store.Open(ctx, primary.URL("hoptac"), store.Options{MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	s, err := store.Open(ctx, standby.URL("hoptac"), store.Options{MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var target string
	if err := p.DB().Get(&target, `SELECT CAST(pg_current_wal_lsn() AS text)`); err != nil {
		t.Fatal(err)
	}
	for {
		var done bool
		err := s.DB().Get(&done, `SELECT pg_last_wal_replay_lsn() >= CAST($1 AS pg_lsn)`, target)
		if err == nil && done {
			var onPrimary, onStandby int
			_ = p.DB().Get(&onPrimary, `SELECT count(*) FROM public_policies`)
			_ = s.DB().Get(&onStandby, `SELECT count(*) FROM public_policies`)
			if onPrimary != onStandby {
				t.Errorf("standby has %d public policies, primary %d", onStandby, onPrimary)
			}
			return time.Since(start)
		}
		if time.Since(start) > within {
			t.Fatalf("standby did not replay up to %s within %s: %v", target, within, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lastLines is the end of a command's output, for a failure message.
func lastLines(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
