package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeTakesItsSettings: settings the README documents reach the real
// hoptac serve — the proxy's header, the log format, the public address
// and the server's read and idle timeouts.
func TestServeTakesItsSettings(t *testing.T) {
	p := startPortal(t, map[string]string{
		"TRUSTED_PROXIES": "127.0.0.1", "PROXY_HEADER": "X-Client-IP",
		"LOG_FORMAT": "json", "LOG_LEVEL": "info",
		"HTTP_READ_TIMEOUT": "1s", "HTTP_IDLE_TIMEOUT": "1s",
		"PUBLIC_URL": "http://viec.example.vn/",
	})
	st := p.store(t)

	// PUBLIC_URL: absolute links (robots.txt, sitemaps, feeds, JSON-LD)
	// start with it, whatever host the request named.
	rr, err := http.Get(p.url + "/robots.txt")
	if err != nil {
		t.Fatal(err)
	}
	robots, _ := io.ReadAll(rr.Body)
	rr.Body.Close()
	if !strings.Contains(string(robots), "Sitemap: http://viec.example.vn/sitemap.xml\n") {
		t.Errorf("robots.txt with PUBLIC_URL=http://viec.example.vn/ = %q", robots)
	}

	// PROXY_HEADER: a trusted proxy names the client in X-Client-IP.
	if r := login(t, clientFrom("127.0.0.1", nil), p.url, "khongco@hcm.gov.vn", "sai mật khẩu rồi", map[string]string{"X-Client-IP": "127.0.0.55"}); r.status != http.StatusUnauthorized {
		t.Fatalf("failed login = %d, want 401", r.status)
	}
	var client string
	if err := st.DB().Get(&client, `SELECT client FROM login_failures WHERE email = 'khongco@hcm.gov.vn'`); err != nil || client != "127.0.0.55" {
		t.Errorf("failure recorded for %q, %v; want the X-Client-IP 127.0.0.55", client, err)
	}

	// LOG_FORMAT=json: every request line is a JSON object.
	found := false
	for _, line := range strings.Split(p.log.String(), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) == nil && rec["msg"] == "request" {
			found = rec["path"] != nil && rec["status"] != nil
			break
		}
	}
	if !found {
		t.Errorf("no JSON request line in the log:\n%.1500s", p.log.String())
	}

	// HTTP_READ_TIMEOUT: a client that never finishes its request is cut off.
	slow, err := net.Dial("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	_, _ = slow.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n"))
	if !closedWithin(slow, 5*time.Second) {
		t.Error("a request left unfinished was not cut off within 5 s (HTTP_READ_TIMEOUT=1s)")
	}

	// HTTP_IDLE_TIMEOUT: an idle keep-alive connection is closed.
	idle, err := net.Dial("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	_, _ = idle.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
	br := bufio.NewReader(idle)
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /healthz on a kept-alive connection = %v, %v", resp, err)
	}
	resp.Body.Close()
	if !closedWithin(idle, 5*time.Second) {
		t.Error("an idle keep-alive connection was not closed within 5 s (HTTP_IDLE_TIMEOUT=1s)")
	}
}

// closedWithin tells whether the server closes conn before d passes.
func closedWithin(conn net.Conn, d time.Duration) bool {
	_ = conn.SetReadDeadline(time.Now().Add(d))
	buf := make([]byte, 4096)
	for {
		if _, err := conn.Read(buf); err != nil {
			var ne net.Error
			return !(errors.As(err, &ne) && ne.Timeout()) // EOF or reset: the server closed it
		}
	}
}

// TestServeSetsAMemoryLimit: without GOMEMLIMIT, serve sets its own soft
// limit (200 MiB); with it, the runtime's own reading of it stands. The
// Go collector on METRICS_ADDR reports the limit in force.
func TestServeSetsAMemoryLimit(t *testing.T) {
	limit := func(env map[string]string) string {
		t.Helper()
		p := startPortal(t, env)
		resp, err := http.Get("http://" + p.metricsAddr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "go_gc_gomemlimit_bytes "); ok {
				return v
			}
		}
		t.Fatal("/metrics has no go_gc_gomemlimit_bytes")
		return ""
	}
	if got := limit(nil); got != "2.097152e+08" {
		t.Errorf("memory limit without GOMEMLIMIT = %s, want 200 MiB (2.097152e+08)", got)
	}
	if got := limit(map[string]string{"GOMEMLIMIT": "150MiB"}); got != "1.572864e+08" {
		t.Errorf("memory limit with GOMEMLIMIT=150MiB = %s, want 1.572864e+08", got)
	}
}
