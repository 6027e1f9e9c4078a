package testenv

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"hoptac/internal/store"
)

// fixture is one value built once per package.
type fixture struct {
	once  sync.Once
	value any
	ok    bool
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]*fixture{}
)

// Shared returns the package-wide value called name, built by build on
// first use and then handed to every test that asks, so read-only tests
// pay for a seeded or indexed data set once. build runs with the first
// caller's t and must not register t.Cleanup (the value outlives that
// test; register what must be undone with Run, through SharedStore or
// Meilisearch). If build fails, every test asking for the value fails.
func Shared[T any](t testing.TB, name string, build func(t testing.TB) T) T {
	t.Helper()
	fixturesMu.Lock()
	f := fixtures[name]
	if f == nil {
		f = &fixture{}
		fixtures[name] = f
	}
	fixturesMu.Unlock()
	f.once.Do(func() {
		failedBefore := t.Failed()
		f.value = build(t) // a t.Fatal in build leaves f.ok false
		f.ok = failedBefore || !t.Failed()
	})
	if !f.ok {
		t.Fatalf("testenv: shared fixture %q failed to build (see the first test that asked for it)", name)
	}
	return f.value.(T)
}

// SharedStore returns the database called name that the package's
// read-only tests share: made from the migrated template and filled by
// fill on first use, then made read-only and kept until Run ends. Tests
// that write get their own Store; those sharing one may run in parallel.
func SharedStore(t testing.TB, name string, fill func(t testing.TB, st *store.Store)) *store.Store {
	t.Helper()
	return Shared(t, "store "+name, func(t testing.TB) *store.Store {
		t.Helper()
		if !running.Load() {
			t.Fatal("testenv: call testenv.Run(m) from TestMain so shared databases are dropped")
		}
		tmpl, err := template()
		if err != nil {
			t.Fatalf("testenv: %v", err)
		}
		db := strings.Replace(tmpl, "_tmpl_", "_shared_", 1) + "_" + name
		if err := cloneTemplate(tmpl, db); err != nil {
			t.Fatalf("testenv: shared database %q: %v", name, err)
		}
		dropLater(db)
		st := openShared(t, db)
		fill(t, st)
		// From now on the database refuses writes, so a test that writes
		// to the shared fixture fails instead of disturbing the others.
		if _, err := st.DB().Exec(`ALTER DATABASE ` + pq.QuoteIdentifier(db) + ` SET default_transaction_read_only = on`); err != nil {
			t.Fatalf("testenv: make %q read-only: %v", name, err)
		}
		st.Close()
		return openShared(t, db)
	})
}

// openShared opens database db, closed when Run ends (before the drops).
func openShared(t testing.TB, db string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), withDatabase(serverURL(), db), store.Options{MaxOpenConns: 8, StatementTimeout: 30 * time.Second})
	if err != nil {
		t.Fatalf("testenv: open shared database: %v", err)
	}
	atExit(func() { st.Close() })
	return st
}
