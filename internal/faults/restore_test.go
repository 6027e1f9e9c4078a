package faults_test

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestRestoreFromDump: the operator's restore path. pg_dump of a seeded
// portal, pg_restore into an empty database, `hoptac serve` on it, then
// `hoptac reindex`: the same counts as the original, in PostgreSQL and in
// the index, and `hoptac reindex --check` finds no difference.
func TestRestoreFromDump(t *testing.T) {
	t.Parallel()
	orig := newPortal(t, testenv.DatabaseURL(t))
	before := tableCounts(t, orig.dbURL)

	dump := filepath.Join(t.TempDir(), "hoptac.dump")
	run(t, testenv.PGTool(t, "pg_dump"), "--format=custom", "--no-owner", "--file="+dump, "--dbname="+orig.dbURL)
	restoredURL := testenv.EmptyDatabaseURL(t)
	run(t, testenv.PGTool(t, "pg_restore"), "--no-owner", "--exit-on-error", "--dbname="+restoredURL, dump)

	if diff := cmp.Diff(before, tableCounts(t, restoredURL)); diff != "" {
		t.Fatalf("row counts after restore (-original +restored):\n%s", diff)
	}
	meili := testenv.PrivateMeilisearch(t)
	env := []string{"DATABASE_URL=" + restoredURL, "MEILI_URL=" + meili.URL, "MEILI_MASTER_KEY=" + meili.MasterKey, "LOG_LEVEL=warn"}
	srv := testenv.Serve(t, env) // refuses to start if a migration were missing
	report := testenv.Command(t, env, "reindex")
	check := testenv.Command(t, env, "reindex", "--check")
	if !strings.Contains(check, "differences: 0") {
		t.Errorf("hoptac reindex --check after the restore:\n%s", check)
	}
	// The report's table: for every type, as many indexed as public in
	// the restored database, and as many as were public in the original.
	want := map[string][2]int{}
	for typ, n := range publicCounts(t, orig.dbURL) {
		want[typ] = [2]int{n, n}
	}
	got := map[string][2]int{}
	for _, line := range strings.Split(report, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] == "type" {
			continue
		}
		indexed, err1 := strconv.Atoi(f[1])
		database, err2 := strconv.Atoi(f[2])
		if err1 == nil && err2 == nil {
			got[f[0]] = [2]int{indexed, database}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hoptac reindex after the restore, [indexed, database] per type (-public in the original +report):\n%s\nreport:\n%s", diff, report)
	}
	client := newClient()
	total, degraded, err := searchTotal(client, srv.URL+"/api/v1/search?per_page=1")
	if err != nil || degraded || total == 0 {
		t.Errorf("search on the restored portal: total %d, degraded %v, %v", total, degraded, err)
	}
	t.Logf("restored %d tables; reindex and --check clean; search total %d", len(before), total)
}

var plural = map[string]string{"policy": "policies", "commitment": "commitments", "company": "companies", "job": "jobs",
	"school": "schools", "program": "programs", "project": "projects"}

// publicCounts is what the original shows the public, per type, by the
// same query reindex uses.
func publicCounts(t *testing.T, dbURL string) map[string]int {
	t.Helper()
	st, err := store.Open(ctx, dbURL, store.Options{MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	versions, err := st.PublicVersions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, v := range versions {
		out[v.Type]++
	}
	return out
}

// tableCounts is every entry table's [all rows, published rows].
func tableCounts(t *testing.T, dbURL string) map[string][2]int {
	t.Helper()
	st, err := store.Open(ctx, dbURL, store.Options{MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string][2]int{}
	for _, table := range plural {
		var all, published int
		// table comes from the fixed list above.
		if err := st.DB().QueryRow(`SELECT count(*), count(*) FILTER (WHERE status = 'published') FROM `+table).Scan(&all, &published); err != nil {
			t.Fatal(err)
		}
		out[table] = [2]int{all, published}
	}
	return out
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	start := time.Now()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", filepath.Base(name), err, out)
	}
	t.Logf("%s: %s", filepath.Base(name), time.Since(start).Round(time.Millisecond))
}
