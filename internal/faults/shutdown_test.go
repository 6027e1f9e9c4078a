package faults_test

import (
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
	const shutdownTimeout = 5 * time.Second
	p := newPortal(t, testenv.DatabaseURL(t), "SHUTDOWN_TIMEOUT="+shutdownTimeout.String())
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

	const rate, n, signalAt = 50, 300, 150
	var sentAt time.Time
	var exitErr error
	var exited bool
	var exitAfter time.Duration
	waited := make(chan struct{})
	results := load(client, srv.URL, paths, rate, n, func(i int) {
		if i != signalAt {
			return
		}
		sentAt = time.Now()
		if err := srv.Signal(syscall.SIGTERM); err != nil {
			t.Error(err)
		}
		go func() {
			defer close(waited)
			exitErr, exited = srv.Wait(shutdownTimeout + 10*time.Second)
			exitAfter = time.Since(sentAt)
		}()
	})
	<-waited
	close(stopWrites)
	writes.Wait()

	if !exited {
		t.Fatalf("hoptac serve still runs %s after SIGTERM", shutdownTimeout+10*time.Second)
	}
	if exitErr != nil {
		t.Errorf("hoptac serve exit = %v, want 0", exitErr)
	}
	if exitAfter > shutdownTimeout {
		t.Errorf("hoptac serve exited %s after SIGTERM, want within SHUTDOWN_TIMEOUT %s", exitAfter, shutdownTimeout)
	}
	var ok, refusedAfter int
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
	if ok < signalAt-1 {
		t.Errorf("%d requests answered, want at least the %d sent before SIGTERM", ok, signalAt)
	}

	// No outbox row is left claimed: once the portal's sessions are gone,
	// every pending row can be locked.
	deadline := time.Now().Add(5 * time.Second)
	for {
		var others int
		if err := st.DB().Get(&others, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND backend_type = 'client backend' AND application_name <> 'faults-test'`); err != nil {
			t.Fatal(err)
		}
		if others == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d database sessions remain after hoptac serve exited", others)
		}
		time.Sleep(100 * time.Millisecond)
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

	// The next start drains what the last one left.
	srv2 := testenv.Serve(t, p.env)
	deadline = time.Now().Add(30 * time.Second)
	for {
		var left int
		if err := st.DB().Get(&left, `SELECT count(*) FROM search_outbox WHERE done_at IS NULL AND parked_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		if left == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d outbox rows still pending 30 s after a restart", left)
		}
		time.Sleep(200 * time.Millisecond)
	}
	_ = srv2.Signal(syscall.SIGTERM)
	if _, done := srv2.Wait(shutdownTimeout + time.Second); !done {
		t.Errorf("the second hoptac serve did not exit after SIGTERM")
	}
	t.Logf("SIGTERM after %d of %d requests at %d/s: %d answered 2xx, %d refused after close; exit %s after the signal; %d outbox rows pending at exit, all claimable; latency %s",
		signalAt, n, rate, ok, refusedAfter, exitAfter.Round(time.Millisecond), pending, latencies(results))
}
