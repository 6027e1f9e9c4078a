package faults_test

import (
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestSIGTERMUnderLoad: SIGTERM arrives while the portal takes 50
// requests/s and its outbox worker indexes a stream of writes. Every
// answer is a 2xx — the only failures allowed are connections refused
// after the listener closed — the process exits 0 within SHUTDOWN_TIMEOUT,
// it leaves no outbox row claimed, and the next start drains the outbox.
func TestSIGTERMUnderLoad(t *testing.T) {
	t.Parallel()
	p := newPortal(t, testenv.DatabaseURL(t), "SHUTDOWN_TIMEOUT="+sigtermShutdownTimeout.String())
	srv := testenv.Serve(t, p.env)
	client := newClient()
	waitIndexed(t, client, srv.URL, 60*time.Second)

	// The test's own sessions carry a name, to tell them from the portal's.
	st, err := store.Open(ctx, p.dbURL+"&application_name=faults-test", store.Options{MaxOpenConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Writes keep the worker busy until after the signal.
	stopWrites := keepWriting(t, st)
	x, results := sigtermDuringLoad(client, srv, func(err error) { t.Error(err) })
	stopWrites()

	if !x.exited {
		t.Fatalf("hoptac serve still runs %s after SIGTERM", sigtermShutdownTimeout+10*time.Second)
	}
	if x.err != nil {
		t.Errorf("hoptac serve exit = %v, want 0", x.err)
	}
	if x.after > sigtermShutdownTimeout {
		t.Errorf("hoptac serve exited %s after SIGTERM, want within SHUTDOWN_TIMEOUT %s", x.after, sigtermShutdownTimeout)
	}
	ok, refusedAfter := countAnswersAroundSIGTERM(t, results, x.sentAt)
	if ok < sigtermAt-1 {
		t.Errorf("%d requests answered, want at least the %d sent before SIGTERM", ok, sigtermAt)
	}
	pending := checkNoOutboxRowClaimed(t, st)

	// The next start drains what the last one left.
	srv2 := testenv.Serve(t, p.env)
	var left int
	if !testenv.Eventually(30*time.Second, 200*time.Millisecond, func() bool {
		if err := st.DB().Get(&left, `SELECT count(*) FROM search_outbox WHERE done_at IS NULL AND parked_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		return left == 0
	}) {
		t.Fatalf("%d outbox rows still pending 30 s after a restart", left)
	}
	_ = srv2.Signal(syscall.SIGTERM)
	if _, done := srv2.Wait(sigtermShutdownTimeout + time.Second); !done {
		t.Errorf("the second hoptac serve did not exit after SIGTERM")
	}
	t.Logf("SIGTERM after %d of %d requests at %d/s: %d answered 2xx, %d refused after close; exit %s after the signal; %d outbox rows pending at exit, all claimable; latency %s",
		sigtermAt, len(results), sigtermRate, ok, refusedAfter, x.after.Round(time.Millisecond), pending, latencies(results))
}

const (
	sigtermShutdownTimeout = 5 * time.Second
	sigtermRate, sigtermN  = 50, 300
	sigtermAt              = 150 // the request before which SIGTERM is sent
)

// keepWriting changes a published job every 50 ms until the returned stop
// is called.
func keepWriting(t *testing.T, st *store.Store) (stop func()) {
	t.Helper()
	stopWrites := make(chan struct{})
	var writes sync.WaitGroup
	writes.Add(1)
	go func() {
		defer writes.Done()
		for i := 0; ; i++ {
			select {
			case <-stopWrites:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if _, err := st.DB().Exec(`UPDATE jobs SET title = title || '.' WHERE id = (SELECT id FROM jobs WHERE status = 'published' ORDER BY id OFFSET $1 LIMIT 1)`, i%100); err != nil {
				t.Errorf("write %d: %v", i, err)
				return
			}
		}
	}()
	return func() { close(stopWrites); writes.Wait() }
}

// sigtermExit is how the server ended after SIGTERM.
type sigtermExit struct {
	sentAt time.Time
	after  time.Duration
	err    error
	exited bool
}

// sigtermDuringLoad sends the load and SIGTERM in its middle, and waits
// for the process to end.
func sigtermDuringLoad(client *http.Client, srv *testenv.Server, fail func(error)) (*sigtermExit, []result) {
	x := &sigtermExit{}
	waited := make(chan struct{})
	results := load(client, srv.URL, paths, sigtermRate, sigtermN, func(i int) {
		if i != sigtermAt {
			return
		}
		x.sentAt = time.Now()
		if err := srv.Signal(syscall.SIGTERM); err != nil {
			fail(err)
		}
		go func() {
			defer close(waited)
			x.err, x.exited = srv.Wait(sigtermShutdownTimeout + 10*time.Second)
			x.after = time.Since(x.sentAt)
		}()
	})
	<-waited
	return x, results
}

// countAnswersAroundSIGTERM fails every request that got neither a 2xx nor
// a refused connection after the signal.
func countAnswersAroundSIGTERM(t *testing.T, results []result, sentAt time.Time) (ok, refusedAfter int) {
	t.Helper()
	for _, r := range results {
		switch {
		case r.err == nil && r.status >= 200 && r.status < 300:
			ok++
		case r.err == nil:
			t.Errorf("GET %s at %s = %d, want 2xx", r.path, offset(r.start, sentAt), r.status)
		case r.end.After(sentAt) && refused(r.err):
			refusedAfter++
		default:
			t.Errorf("GET %s at %s: %v, want an answer or a refused connection after SIGTERM", r.path, offset(r.start, sentAt), r.err)
		}
	}
	return ok, refusedAfter
}

// checkNoOutboxRowClaimed: once the portal's sessions are gone, every
// pending outbox row can be locked. It returns how many are pending.
func checkNoOutboxRowClaimed(t *testing.T, st *store.Store) int {
	t.Helper()
	var others int
	if !testenv.Eventually(5*time.Second, 100*time.Millisecond, func() bool {
		if err := st.DB().Get(&others, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND backend_type = 'client backend' AND application_name <> 'faults-test'`); err != nil {
			t.Fatal(err)
		}
		return others == 0
	}) {
		t.Fatalf("%d database sessions remain after hoptac serve exited", others)
	}
	var pending, lockable int
	tx, err := st.DB().Beginx()
	if err != nil {
		t.Fatal(err)
	}
	_ = tx.Get(&pending, `SELECT count(*) FROM search_outbox WHERE done_at IS NULL AND parked_at IS NULL`)
	_ = tx.Get(&lockable, `SELECT count(*) FROM (SELECT id FROM search_outbox WHERE done_at IS NULL AND parked_at IS NULL FOR UPDATE SKIP LOCKED) rows`)
	_ = tx.Rollback()
	if lockable != pending {
		t.Errorf("outbox: %d rows pending, only %d free to claim", pending, lockable)
	}
	return pending
}
