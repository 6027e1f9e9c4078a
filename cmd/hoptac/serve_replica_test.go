package main

import (
	"context"
	"net/http"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestServeReadsPublicPagesFromTheReplica runs `hoptac serve` with
// DATABASE_READ_URL on a real streaming replica (a private primary and a
// pg_basebackup standby): public pages read the standby while it keeps
// up, go back to the primary once it lags past DB_READ_MAX_LAG, and keep
// answering when it is stopped. The back office always reads the primary.
func TestServeReadsPublicPagesFromTheReplica(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two PostgreSQL servers")
	}
	ctx := context.Background()
	primary := testenv.PostgresCluster(t)
	dbURL := primary.CreateDatabase(t, "hoptac")
	st, err := store.Open(ctx, dbURL, store.Options{MaxOpenConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.Demo(ctx, st, time.Now()); err != nil {
		t.Fatal(err)
	}
	policies, err := st.Policies(ctx, store.PolicyFilter{})
	if err != nil || len(policies.Items) == 0 {
		t.Fatalf("seeded public policies: %v, %v", policies.Items, err)
	}
	po := policies.Items[0]
	standby := primary.Standby(t)

	const maxLag = 4 * time.Second
	srv := testenv.Serve(t, []string{
		"DATABASE_URL=" + dbURL,
		"DATABASE_READ_URL=" + standby.URL("hoptac"),
		"DB_READ_MAX_LAG=" + maxLag.String(),
		"MEILI_URL=http://127.0.0.1:1", "LOG_LEVEL=warn",
	})
	page := srv.URL + domain.EntryPath("policy", po.ID, po.Slug)
	status := func() int {
		resp, err := http.Get(page)
		if err != nil {
			t.Fatalf("GET %s: %v", page, err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status(); got != http.StatusOK {
		t.Fatalf("GET %s = %d before any change, want 200", page, got)
	}

	// Replay paused, the entry archived on the primary: the standby still
	// shows it (the page is read there) until it is maxLag behind.
	standby.Exec(t, "postgres", `SELECT pg_wal_replay_pause()`)
	archivedAt := time.Now()
	if _, err := st.SetStatus(ctx, store.Policies, po.ID, po.Version, domain.StatusArchived, "Thử bản sao"); err != nil {
		t.Fatal(err)
	}
	if got := status(); got != http.StatusOK && time.Since(archivedAt) < maxLag {
		t.Errorf("GET %s = %d just after the primary archived it, want 200 from the paused replica", page, got)
	}
	deadline := archivedAt.Add(maxLag + 15*time.Second)
	for status() == http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatalf("GET %s still 200 %s after archiving with replay paused: reads did not go back to the primary", page, time.Since(archivedAt).Round(time.Second))
		}
		time.Sleep(200 * time.Millisecond)
	}
	waited := time.Since(archivedAt)
	t.Logf("the page followed the primary %s after the archive (DB_READ_MAX_LAG %s)", waited.Round(100*time.Millisecond), maxLag)
	if waited < maxLag-time.Second {
		t.Errorf("the page followed the primary after %s, before the replica was %s behind: was it read from the replica?", waited, maxLag)
	}

	// The standby stopped: after the check notices, every read is served.
	standby.Exec(t, "postgres", `SELECT pg_wal_replay_resume()`)
	if err := standby.Stop(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * replicaCheck)
	for i := 0; i < 20; i++ {
		resp, err := http.Get(srv.URL + "/chinh-sach")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /chinh-sach with the replica stopped = %d, want 200 from the primary", resp.StatusCode)
		}
	}
}

// replicaCheck is how often the store checks the replica (replica.go).
const replicaCheck = 500 * time.Millisecond
