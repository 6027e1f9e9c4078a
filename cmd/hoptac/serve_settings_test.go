package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeTakesItsSettings: settings the README documents reach the real
// hoptac serve — the proxy's header, the log format and the server's read
// and idle timeouts.
func TestServeTakesItsSettings(t *testing.T) {
	p := startPortal(t, map[string]string{
		"TRUSTED_PROXIES": "127.0.0.1", "PROXY_HEADER": "X-Client-IP",
		"LOG_FORMAT": "json", "LOG_LEVEL": "info",
		"HTTP_READ_TIMEOUT": "1s", "HTTP_IDLE_TIMEOUT": "1s",
	})
	st := p.store(t)

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
