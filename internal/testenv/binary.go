package testenv

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// Binary builds the real hoptac command once per test package and returns
// its path; Run removes it at the end.
func Binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		if !running.Load() {
			binErr = fmt.Errorf("call testenv.Run(m) from TestMain so the binary is removed")
			return
		}
		binPath, binErr = buildBinary()
	})
	if binErr != nil {
		t.Fatalf("testenv: build hoptac: %v", binErr)
	}
	return binPath
}

func buildBinary() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "hoptac-bin-")
	if err != nil {
		return "", err
	}
	atExit(func() { os.RemoveAll(dir) })
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out := filepath.Join(dir, "hoptac")
	cmd := exec.Command(goTool, "build", "-o", out, "./cmd/hoptac")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, b)
	}
	return out, nil
}

// moduleRoot is the folder of go.mod, from the working directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Command runs `hoptac args…` to the end with env (KEY=value, on top of
// PATH only) and returns its standard output; a failure is fatal.
func Command(t testing.TB, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(Binary(t), args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("hoptac %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout.String(), tail(stderr.String(), 4000))
	}
	return stdout.String()
}

// Server is a running `hoptac serve`.
type Server struct {
	URL    string
	cmd    *exec.Cmd
	log    *syncBuffer
	exited chan struct{}
	err    error
}

// Serve starts `hoptac serve` on a free loopback port with env and waits
// until /healthz answers. The process is killed at the end of the test if
// it still runs.
func Serve(t testing.TB, env []string) *Server {
	t.Helper()
	addr, err := freeAddr()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(Binary(t), "serve")
	// No metrics listener unless asked: parallel portals would fight over its port.
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HTTP_ADDR=" + addr, "METRICS_ADDR=off"}, env...)
	s := &Server{URL: "http://" + addr, cmd: cmd, log: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = s.log, s.log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start hoptac serve: %v", err)
	}
	go func() { s.err = cmd.Wait(); close(s.exited) }()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			_ = cmd.Process.Kill()
			<-s.exited
		}
		if t.Failed() {
			t.Logf("hoptac serve log (tail):\n%s", tail(s.log.String(), 6000))
		}
	})
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			t.Fatalf("hoptac serve exited at start: %v\n%s", s.err, tail(s.log.String(), 4000))
		default:
		}
		if resp, err := client.Get(s.URL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("hoptac serve did not answer /healthz within 30s\n%s", tail(s.log.String(), 4000))
	return nil
}

// Signal sends sig to the server process.
func (s *Server) Signal(sig os.Signal) error { return s.cmd.Process.Signal(sig) }

// Wait waits at most d for the process to end and returns its error;
// ok is false if it still runs.
func (s *Server) Wait(d time.Duration) (err error, ok bool) {
	select {
	case <-s.exited:
		return s.err, true
	case <-time.After(d):
		return nil, false
	}
}

// Log is what the server wrote so far.
func (s *Server) Log() string { return s.log.String() }

// Pid is the server's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// PGTool is the path of a PostgreSQL client program (pg_dump, pg_restore)
// of the newest installed version.
func PGTool(t testing.TB, name string) string {
	t.Helper()
	dir, err := pgBinDir()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}
