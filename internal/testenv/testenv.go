// Package testenv gives tests real services: a fresh PostgreSQL database per
// test (cloned from a migrated template made once per package) and a private
// Meilisearch process. Call Run from TestMain so both are cleaned up.
package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"

	"hoptac/internal/store"
)

// DefaultDatabaseURL is the local server tests use when DATABASE_URL is unset.
const DefaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

var (
	running  atomic.Bool
	tmplOnce sync.Once
	tmplName string
	tmplErr  error
	counter  atomic.Int64
	cleanups []func()
	drops    []string // databases Run drops at the end
	mu       sync.Mutex
)

// Run runs the package's tests and then drops every database and stops
// every process this package made. Use it as: os.Exit(testenv.Run(m)).
func Run(m *testing.M) int {
	if code, asked := writeBombsIfAsked(); asked {
		return code
	}
	running.Store(true)
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	dropAll(drops)
	return code
}

// dropLater drops database name when Run ends. Dropping is slow because
// PostgreSQL makes a checkpoint of the whole server for each DROP
// DATABASE; dropping them together at the end lets those checkpoints
// coincide instead of stalling every test in turn.
func dropLater(name string) {
	mu.Lock()
	defer mu.Unlock()
	drops = append(drops, name)
}

// dropAll drops the databases, several at a time.
func dropAll(names []string) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			dropDatabase(name)
			<-sem
		}()
	}
	wg.Wait()
}

func atExit(f func()) {
	mu.Lock()
	defer mu.Unlock()
	cleanups = append(cleanups, f)
}

// serverURL is the PostgreSQL server tests create their databases on.
func serverURL() string {
	if u := os.Getenv("DATABASE_URL"); u != "" {
		return u
	}
	return DefaultDatabaseURL
}

// withDatabase swaps the database name in a postgres:// URL.
func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}

func admin() (*sql.DB, error) {
	db, err := sql.Open("postgres", withDatabase(serverURL(), "postgres"))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("PostgreSQL is not reachable at %s (set DATABASE_URL, or start it: see README): %w", redact(serverURL()), err)
	}
	return db, nil
}

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "DATABASE_URL"
	}
	return u.Redacted()
}

// template makes, once per package, a database with every migration applied.
func template() (string, error) {
	tmplOnce.Do(func() {
		if !running.Load() {
			tmplErr = fmt.Errorf("testenv: call testenv.Run(m) from TestMain so test databases are dropped")
			return
		}
		tmplName = fmt.Sprintf("hoptac_test_tmpl_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
		db, err := admin()
		if err != nil {
			tmplErr = err
			return
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(tmplName)); err != nil {
			tmplErr = fmt.Errorf("create template database: %w", err)
			return
		}
		dropLater(tmplName)
		st, err := store.Open(context.Background(), withDatabase(serverURL(), tmplName), store.Options{MaxOpenConns: 2})
		if err != nil {
			tmplErr = err
			return
		}
		defer st.Close()
		if _, err := st.Migrate(context.Background()); err != nil {
			tmplErr = err
		}
	})
	return tmplName, tmplErr
}

func dropDatabase(name string) {
	db, err := admin()
	if err != nil {
		return
	}
	defer db.Close()
	_, _ = db.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`)
}

// DatabaseURL creates a fresh, migrated database for this test alone; Run
// drops it when the package's tests end.
func DatabaseURL(t testing.TB) string {
	t.Helper()
	tmpl, err := template()
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	name := fmt.Sprintf("%s_%d", strings.Replace(tmpl, "_tmpl_", "_", 1), counter.Add(1))
	if err := cloneTemplate(tmpl, name); err != nil {
		t.Fatalf("testenv: %v", err)
	}
	dropLater(name)
	return withDatabase(serverURL(), name)
}

// cloneTemplate creates database name as a copy of tmpl.
func cloneTemplate(tmpl, name string) error {
	db, err := admin()
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(name) + ` TEMPLATE ` + pq.QuoteIdentifier(tmpl)); err != nil {
		return fmt.Errorf("create database: %w", err)
	}
	return nil
}

// EmptyDatabaseURL creates a database with no migrations applied (for the
// migration tests); Run drops it when the package's tests end.
func EmptyDatabaseURL(t testing.TB) string {
	t.Helper()
	if !running.Load() {
		t.Fatal("testenv: call testenv.Run(m) from TestMain")
	}
	name := fmt.Sprintf("hoptac_test_empty_%d_%d", os.Getpid(), counter.Add(1))
	db, err := admin()
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(name)); err != nil {
		t.Fatalf("testenv: create database: %v", err)
	}
	dropLater(name)
	return withDatabase(serverURL(), name)
}

// Store opens a fresh, migrated database for this test alone.
func Store(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), DatabaseURL(t), store.Options{MaxOpenConns: 4, StatementTimeout: 30 * time.Second})
	if err != nil {
		t.Fatalf("testenv: open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
