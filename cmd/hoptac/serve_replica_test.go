package main

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoptac/internal/auth"
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
	st, dbURL := primary.MigratedStore(t, "hoptac", store.Options{MaxOpenConns: 2})
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

	// Replay paused, an official archives the entry in the back office:
	// the page after the save shows it archived at once (the back office
	// reads the primary), while the public page, read on the standby,
	// still shows it until the standby is maxLag behind.
	addAccount(t, st, store.User{Email: "banso@hcm.gov.vn", Name: "Quản trị", Role: auth.RoleAdmin}, "mật khẩu bản sao đủ dài")
	c := clientFrom("127.0.0.1", nil)
	session := login(t, c, srv.URL, "banso@hcm.gov.vn", "mật khẩu bản sao đủ dài", nil)
	entry := srv.URL + "/admin/policies/" + strconv.FormatInt(po.ID, 10)
	standby.Exec(t, "postgres", `SELECT pg_wal_replay_pause()`)
	archivedAt := time.Now()
	form := officeGet(t, c, session.cookies, entry)
	token := csrfField.FindStringSubmatch(form)
	if token == nil {
		t.Fatalf("no CSRF token on %s", entry)
	}
	officePost(t, c, session.cookies, entry+"/luu-tru", url.Values{"_csrf": {token[1]},
		"version": {strconv.Itoa(po.Version)}, "reason": {"Thử bản sao"}})
	if after := officeGet(t, c, session.cookies, entry); !strings.Contains(after, "Thử bản sao") {
		t.Errorf("the entry page right after archiving does not show it archived: the back office read a lagging replica")
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

	// The standby stopped: every read is served.
	standby.Exec(t, "postgres", `SELECT pg_wal_replay_resume()`)
	if err := standby.Stop(); err != nil {
		t.Fatal(err)
	}
	// No pause: a read that meets the stopped standby is run again on the
	// primary, so none fails.
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

// officeGet reads a back-office page with the official's cookies.
func officeGet(t *testing.T, c *http.Client, cookies []*http.Cookie, target string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	status, body := sendWith(t, c, cookies, req)
	if status != http.StatusOK {
		t.Fatalf("GET %s = %d", target, status)
	}
	return body
}

// officePost submits a back-office form; a 303 is success.
func officePost(t *testing.T, c *http.Client, cookies []*http.Cookie, target string, form url.Values) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if status, _ := sendWith(t, c, cookies, req); status != http.StatusSeeOther {
		t.Fatalf("POST %s = %d, want 303", target, status)
	}
}
