package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"

	"hoptac/internal/store"
)

// PGCluster is a private PostgreSQL server for one test: its own data
// folder and loopback port, run as the postgres OS user, so a test may stop
// and start it without touching the shared server on 5432.
type PGCluster struct {
	// Addr is host:port of the server.
	Addr string

	bin, dir string
	port     int
	cred     *syscall.Credential
	mu       sync.Mutex
	cmd      *exec.Cmd
	exited   chan struct{}
}

// PostgresCluster initialises and starts a private cluster (initdb into a
// temporary folder), stopped and removed when the test ends.
func PostgresCluster(t testing.TB) *PGCluster {
	t.Helper()
	c, err := newPGCluster()
	if err != nil {
		t.Fatalf("testenv: private PostgreSQL: %v", err)
	}
	t.Cleanup(c.remove)
	if err := c.Start(); err != nil {
		t.Fatalf("testenv: private PostgreSQL: %v", err)
	}
	return c
}

// pgBinDir finds initdb: PG_BIN, else the newest /usr/lib/postgresql/*/bin.
func pgBinDir() (string, error) {
	if d := os.Getenv("PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgMajor(dirs[i]) > pgMajor(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("initdb not found under /usr/lib/postgresql/*/bin (install postgresql, or set PG_BIN)")
}

func pgMajor(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func newPGCluster() (*PGCluster, error) {
	c, err := newEmptyPGCluster()
	if err != nil {
		return nil, err
	}
	initdb := c.command("initdb", "-D", c.dataDir(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C.UTF-8", "--no-sync", "--no-instructions")
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(c.dir)
		return nil, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	return c, nil
}

// newEmptyPGCluster picks a folder and a port; the caller fills the data
// folder (initdb, or a base backup).
func newEmptyPGCluster() (*PGCluster, error) {
	bin, err := pgBinDir()
	if err != nil {
		return nil, err
	}
	cred, err := postgresUser()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hoptac-pg-")
	if err != nil {
		return nil, err
	}
	c := &PGCluster{bin: bin, dir: dir, cred: cred}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	addr, err := freeAddr()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	c.Addr = addr
	_, portStr, _ := net.SplitHostPort(addr)
	c.port, _ = strconv.Atoi(portStr)
	return c, nil
}

// Standby makes a streaming replica of c (pg_basebackup -R: a hot
// standby that follows c's WAL over a replication connection), started,
// and removed when the test ends. initdb's trust rules already let
// loopback replication connections in.
func (c *PGCluster) Standby(t testing.TB) *PGCluster {
	t.Helper()
	s, err := newEmptyPGCluster()
	if err != nil {
		t.Fatalf("testenv: standby: %v", err)
	}
	t.Cleanup(s.remove)
	host, port, _ := net.SplitHostPort(c.Addr)
	backup := s.command("pg_basebackup", "-h", host, "-p", port, "-U", "postgres",
		"-D", s.dataDir(), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast")
	if out, err := backup.CombinedOutput(); err != nil {
		t.Fatalf("testenv: pg_basebackup: %v\n%s", err, out)
	}
	if err := s.Start(); err != nil {
		t.Fatalf("testenv: standby: %v", err)
	}
	return s
}

// Exec runs SQL on database name of this server (a test's own changes:
// pausing replay on a standby, say).
func (c *PGCluster) Exec(t testing.TB, name, query string) {
	t.Helper()
	db, err := sql.Open("postgres", c.URL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatalf("testenv: %s on %s: %v", query, c.Addr, err)
	}
}

// postgresUser is the credential to run the server with: PostgreSQL
// refuses to run as root, which the tests may be.
func postgresUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil // already an unprivileged user: run as ourselves
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("the tests run as root and PostgreSQL will not: need a postgres OS user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func (c *PGCluster) dataDir() string { return filepath.Join(c.dir, "data") }

func (c *PGCluster) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.Dir = c.dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", "HOME=" + c.dir}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred, Pdeathsig: syscall.SIGQUIT}
	return cmd
}

// Start runs the server (again) and waits until it accepts connections.
func (c *PGCluster) Start() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cmd != nil {
		return nil
	}
	logFile, err := os.OpenFile(filepath.Join(c.dir, "server.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer logFile.Close()
	cmd := c.command("postgres", "-D", c.dataDir(), "-p", strconv.Itoa(c.port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="+c.dir,
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=60", "-c", "shared_buffers=32MB")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	c.cmd, c.exited = cmd, exited
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			c.cmd = nil
			log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
			return fmt.Errorf("postgres exited at start; its log:\n%s", log)
		default:
		}
		if c.ping() == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("postgres did not accept connections on %s within 30s", c.Addr)
}

func (c *PGCluster) ping() error {
	db, err := sql.Open("postgres", c.URL("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// Stop shuts the server down at once, as an operator's fast shutdown
// does: open connections are cut, new ones refused.
func (c *PGCluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cmd == nil {
		return nil
	}
	_ = c.cmd.Process.Signal(syscall.SIGINT) // fast shutdown
	select {
	case <-c.exited:
	case <-time.After(30 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.exited
	}
	c.cmd = nil
	return nil
}

func (c *PGCluster) remove() {
	_ = c.Stop()
	os.RemoveAll(c.dir)
}

// URL is the connection URL of database name on this server.
func (c *PGCluster) URL(name string) string {
	return fmt.Sprintf("postgres://postgres@%s/%s?sslmode=disable", c.Addr, name)
}

// CreateDatabase makes an empty database and returns its URL.
func (c *PGCluster) CreateDatabase(t testing.TB, name string) string {
	t.Helper()
	db, err := sql.Open("postgres", c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(name)); err != nil {
		t.Fatalf("testenv: create database on the private cluster: %v", err)
	}
	return c.URL(name)
}

// MigratedStore creates database name, applies every migration and opens
// it with opts; the store is closed when the test ends. It returns the
// store and the database's URL.
func (c *PGCluster) MigratedStore(t testing.TB, name string, opts store.Options) (*store.Store, string) {
	t.Helper()
	dbURL := c.CreateDatabase(t, name)
	st, err := store.Open(ctx, dbURL, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return st, dbURL
}
