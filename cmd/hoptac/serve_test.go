package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"hoptac/internal/auth"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// These tests build the real binary and run `hoptac serve` as it is
// started in production: configured by environment variables only.

// lockedBuffer collects the portal's log for a failure message.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// portal is a running `hoptac serve`.
type portal struct {
	addr        string // host:port of the public app
	url         string
	metricsAddr string
	databaseURL string
	cmd         *exec.Cmd
	log         *lockedBuffer
}

// startPortal runs `hoptac serve` on a fresh database with env added to
// the defaults (free loopback ports, no Meilisearch: search falls back).
func startPortal(t *testing.T, env map[string]string) *portal {
	t.Helper()
	bin := testenv.Binary(t)
	p := &portal{addr: testenv.FreeAddr(t), metricsAddr: testenv.FreeAddr(t), databaseURL: testenv.DatabaseURL(t), log: &lockedBuffer{}}
	p.url = "http://" + p.addr
	vars := map[string]string{
		"PATH": os.Getenv("PATH"), "HOME": os.Getenv("HOME"),
		"DATABASE_URL": p.databaseURL, "MEILI_URL": "http://127.0.0.1:1",
		"HTTP_ADDR": p.addr, "METRICS_ADDR": p.metricsAddr, "LOG_LEVEL": "warn",
	}
	for k, v := range env {
		vars[k] = v
	}
	p.metricsAddr = vars["METRICS_ADDR"]
	p.cmd = exec.Command(bin, "serve")
	for k, v := range vars {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			_ = p.cmd.Process.Kill()
			<-exited
		}
	})
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("hoptac serve exited: %v\n%s", err, p.log.String())
		default:
		}
		if resp, err := http.Get(p.url + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("hoptac serve did not answer /healthz within 30s\n%s", p.log.String())
		}
	}
}

// store opens the portal's database, to add accounts and look at rows.
func (p *portal) store(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), p.databaseURL, store.Options{MaxOpenConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// addOfficial adds an editor of TP.HCM's Sở Nội vụ.
func addOfficial(t *testing.T, st *store.Store, email, password string) {
	t.Helper()
	city, dept := "hcm", "hcm-sonv"
	addAccount(t, st, store.User{Email: email, Name: "Cán bộ thử", Role: auth.RoleEditor, City: &city, DepartmentCode: &dept}, password)
}

// addAccount creates u with password, hashed as the portal does.
func addAccount(t *testing.T, st *store.Store, u store.User, password string) {
	t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	u.PasswordHash = hash
	if err := st.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
}

// sendWith sends req with the cookies a login answered and returns the
// status and body of the answer.
func sendWith(t *testing.T, c *http.Client, cookies []*http.Cookie, req *http.Request) (int, string) {
	t.Helper()
	for _, ck := range cookies {
		req.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// client dials from a loopback address of its own (127.0.0.0/8 is all
// local), so a proxy sees a different client per person, and never
// follows redirects.
func clientFrom(ip string, roots *x509.CertPool) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return &http.Client{
		Transport: &http.Transport{DialContext: d.DialContext, TLSClientConfig: &tls.Config{RootCAs: roots},
			MaxIdleConnsPerHost: 256},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       60 * time.Second,
	}
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// loginPage is the login form as a visitor got it: its cookies, token and
// the response's headers.
type loginPage struct {
	cookies []*http.Cookie
	token   string
	header  http.Header
}

func openLogin(t *testing.T, c *http.Client, base string, header map[string]string) loginPage {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/admin/dang-nhap", nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s/admin/dang-nhap: %v", base, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	m := csrfField.FindSubmatch(body)
	if resp.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("GET %s/admin/dang-nhap = %d without a CSRF field", base, resp.StatusCode)
	}
	return loginPage{cookies: resp.Cookies(), token: string(m[1]), header: resp.Header}
}

type loginResult struct {
	status  int
	body    string
	header  http.Header
	cookies []*http.Cookie
}

func (lp loginPage) post(c *http.Client, base, email, password string, header map[string]string) (loginResult, error) {
	form := url.Values{"_csrf": {lp.token}, "email": {email}, "password": {password}}
	req, _ := http.NewRequest(http.MethodPost, base+"/admin/dang-nhap", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for _, ck := range lp.cookies {
		req.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
	}
	resp, err := c.Do(req)
	if err != nil {
		return loginResult{}, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return loginResult{status: resp.StatusCode, body: string(body), header: resp.Header, cookies: resp.Cookies()}, nil
}

func login(t *testing.T, c *http.Client, base, email, password string, header map[string]string) loginResult {
	t.Helper()
	r, err := openLogin(t, c, base, header).post(c, base, email, password, header)
	if err != nil {
		t.Fatalf("POST %s/admin/dang-nhap: %v", base, err)
	}
	return r
}

func cookieNamed(cookies []*http.Cookie, suffix string) *http.Cookie {
	for _, c := range cookies {
		if strings.HasSuffix(c.Name, suffix) {
			return c
		}
	}
	return nil
}

// reverseProxy is a private nginx in front of the portal: one plain HTTP
// listener and one TLS listener with a self-signed certificate, both
// setting X-Real-IP and X-Forwarded-Proto as a production proxy would.
type reverseProxy struct {
	http, https string // base URLs
	roots       *x509.CertPool
}

func startNginx(t *testing.T, upstream string) reverseProxy {
	t.Helper()
	dir := t.TempDir()
	roots := selfSignedCert(t, dir)
	httpAddr, httpsAddr := testenv.FreeAddr(t), testenv.FreeAddr(t)
	location := `
		location / {
			proxy_pass http://portal;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Real-IP $remote_addr;
			proxy_set_header X-Forwarded-Proto $scheme;
		}`
	testenv.Nginx(t, fmt.Sprintf(`
	upstream portal { server %[2]s; keepalive 16; }
	server {
		listen %[3]s;
		%[5]s
	}
	server {
		listen %[4]s ssl;
		ssl_certificate %[1]s/cert.pem;
		ssl_certificate_key %[1]s/key.pem;
		%[5]s
	}
`, dir, upstream, httpAddr, httpsAddr, location), httpAddr, httpsAddr)
	return reverseProxy{http: "http://" + httpAddr, https: "https://" + httpsAddr, roots: roots}
}

// selfSignedCert writes cert.pem and key.pem for 127.0.0.1 into dir and
// returns a pool that trusts the certificate.
func selfSignedCert(t *testing.T, dir string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "hoptac test proxy"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(cert)
	return roots
}

const officialPassword = "bến Nhà Rồng sáng nay 1911"

// TestServeBehindNginx runs the portal behind nginx with TRUSTED_PROXIES
// set as the README says: throttling counts the address nginx reports, so
// an attacker locks out only themselves; over TLS the cookies are
// __Host-/Secure and HSTS is sent; headers sent straight to the portal by
// anyone else are ignored.
func TestServeBehindNginx(t *testing.T) {
	p := startPortal(t, map[string]string{"TRUSTED_PROXIES": "127.0.0.1"})
	proxy := startNginx(t, p.addr)
	st := p.store(t)
	addOfficial(t, st, "lan@hcm.gov.vn", officialPassword)
	addOfficial(t, st, "minh@hcm.gov.vn", officialPassword)
	attacker := clientFrom("127.0.0.66", proxy.roots)
	official := clientFrom("127.0.0.77", proxy.roots)
	spoofer := clientFrom("127.0.0.99", nil)

	checkAttackerLocksOutOnlyItself(t, st, attacker, proxy)
	checkOfficialSignsInOverTLS(t, official, proxy)
	checkPlainHTTPThroughProxy(t, official, proxy)
	checkHeadersFromNoProxyIgnored(t, st, spoofer, p)
}

// checkAttackerLocksOutOnlyItself: one attacker, through the proxy, fails
// as often as the client limit allows (each on another account, so no
// account limit applies), is then turned away, and the failures are
// recorded under its own address, not the proxy's.
func checkAttackerLocksOutOnlyItself(t *testing.T, st *store.Store, attacker *http.Client, proxy reverseProxy) {
	t.Helper()
	for i := range auth.MaxClientFailures {
		if r := login(t, attacker, proxy.https, fmt.Sprintf("doan%02d@hcm.gov.vn", i), "đoán mò mật khẩu", nil); r.status != http.StatusUnauthorized {
			t.Fatalf("attacker's failure %d = %d, want 401", i, r.status)
		}
	}
	if r := login(t, attacker, proxy.https, "lan@hcm.gov.vn", officialPassword, nil); r.status != http.StatusTooManyRequests {
		t.Errorf("attacker after %d failures = %d, want 429", auth.MaxClientFailures, r.status)
	}
	var clients []string
	if err := st.DB().Select(&clients, `SELECT DISTINCT client FROM login_failures ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	if len(clients) != 1 || clients[0] != "127.0.0.66" {
		t.Errorf("failures recorded for clients %q, want only the attacker's 127.0.0.66 (not the proxy's address)", clients)
	}
}

// checkOfficialSignsInOverTLS: an official elsewhere, through the same
// proxy, signs in; over TLS the cookies are __Host-/Secure and HSTS is sent.
func checkOfficialSignsInOverTLS(t *testing.T, official *http.Client, proxy reverseProxy) {
	t.Helper()
	page := openLogin(t, official, proxy.https, nil)
	if pre := cookieNamed(page.cookies, "hoptac_login"); pre == nil || pre.Name != "__Host-hoptac_login" || !pre.Secure || !pre.HttpOnly || pre.SameSite != http.SameSiteStrictMode || pre.Path != "/" {
		t.Errorf("login form's cookie over TLS = %+v, want __Host-hoptac_login, Secure, HttpOnly, SameSite=Strict, Path=/", pre)
	}
	if hsts := page.header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Errorf("HSTS over TLS = %q, want max-age=…", hsts)
	}
	r, err := page.post(official, proxy.https, "lan@hcm.gov.vn", officialPassword, nil)
	if err != nil || r.status != http.StatusSeeOther {
		t.Fatalf("official's login through the proxy = %d, %v; want 303", r.status, err)
	}
	if sess := cookieNamed(r.cookies, "hoptac_session"); sess == nil || sess.Name != "__Host-hoptac_session" || !sess.Secure || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Path != "/" || sess.Domain != "" {
		t.Errorf("session cookie over TLS = %+v, want __Host-hoptac_session, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain", sess)
	}
}

// checkPlainHTTPThroughProxy: plain HTTP through the proxy gets no Secure
// cookie and no HSTS.
func checkPlainHTTPThroughProxy(t *testing.T, official *http.Client, proxy reverseProxy) {
	t.Helper()
	plain := openLogin(t, official, proxy.http, nil)
	if pre := cookieNamed(plain.cookies, "hoptac_login"); pre == nil || pre.Name != "hoptac_login" || pre.Secure {
		t.Errorf("login form's cookie over plain HTTP = %+v, want hoptac_login without Secure", pre)
	}
	if hsts := plain.header.Get("Strict-Transport-Security"); hsts != "" {
		t.Errorf("HSTS over plain HTTP = %q, want none", hsts)
	}
}

// checkHeadersFromNoProxyIgnored: straight to the portal, from an address
// that is no proxy, the same headers mean nothing: neither the locked
// attacker's address nor TLS.
func checkHeadersFromNoProxyIgnored(t *testing.T, st *store.Store, spoofer *http.Client, p *portal) {
	t.Helper()
	spoof := map[string]string{"X-Real-IP": "127.0.0.66", "X-Forwarded-Proto": "https"}
	direct := openLogin(t, spoofer, p.url, spoof)
	if pre := cookieNamed(direct.cookies, "hoptac_login"); pre == nil || pre.Secure || direct.header.Get("Strict-Transport-Security") != "" {
		t.Errorf("a spoofed X-Forwarded-Proto from an untrusted peer was believed: cookie %+v, HSTS %q", pre, direct.header.Get("Strict-Transport-Security"))
	}
	if r, err := direct.post(spoofer, p.url, "minh@hcm.gov.vn", officialPassword, spoof); err != nil || r.status != http.StatusSeeOther {
		t.Errorf("login straight to the portal claiming the locked address = %d, %v; want 303 (the claim ignored)", r.status, err)
	}
	if r := login(t, spoofer, p.url, "khongco@hcm.gov.vn", "sai rồi", spoof); r.status != http.StatusUnauthorized {
		t.Errorf("spoofer's failed login = %d, want 401", r.status)
	}
	var spoofed int
	if err := st.DB().Get(&spoofed, `SELECT count(*) FROM login_failures WHERE email = 'khongco@hcm.gov.vn' AND client = '127.0.0.99'`); err != nil || spoofed != 1 {
		t.Errorf("spoofer's failure recorded under its real address %d times (%v), want 1", spoofed, err)
	}
}

func TestServeMetricsOnItsOwnListener(t *testing.T) {
	p := startPortal(t, nil)
	get := func(u string) (int, string) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, _ := get(p.url + "/metrics"); status != http.StatusNotFound {
		t.Errorf("GET /metrics on the public app = %d, want 404", status)
	}
	status, body := get("http://" + p.metricsAddr + "/metrics")
	if status != http.StatusOK || !strings.Contains(body, "hoptac_search_outbox_pending") || !strings.Contains(body, "go_goroutines") {
		t.Errorf("GET /metrics on METRICS_ADDR = %d, want 200 with the portal's and Go's metrics", status)
	}

	off := startPortal(t, map[string]string{"METRICS_ADDR": ""})
	if c, err := net.DialTimeout("tcp", off.metricsAddr, time.Second); err == nil {
		c.Close()
		t.Errorf("METRICS_ADDR empty, but something listens on %s", off.metricsAddr)
	}
}

// TestLoginFloodStaysUnder300MB fires 200 login POSTs at once at the real
// binary, each with a valid form token and its own client address (as a
// trusted proxy reports it), and reads the process's peak RSS.
func TestLoginFloodStaysUnder300MB(t *testing.T) {
	const n = 200
	p := startPortal(t, map[string]string{"TRUSTED_PROXIES": "127.0.0.1"})
	st := p.store(t)
	addOfficial(t, st, "hoa@hcm.gov.vn", officialPassword)
	c := clientFrom("127.0.0.1", nil)

	pages := make([]loginPage, n)
	for i := range pages {
		pages[i] = openLogin(t, c, p.url, nil)
	}
	pid := p.cmd.Process.Pid
	before := testenv.ProcStatus(t, pid, "VmRSS")

	results := make([]loginResult, n)
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			email, password := fmt.Sprintf("khach%03d@hcm.gov.vn", i), "không đúng đâu"
			if i%10 == 0 {
				email, password = "hoa@hcm.gov.vn", officialPassword
			}
			<-start
			results[i], errs[i] = pages[i].post(c, p.url, email, password, map[string]string{"X-Real-IP": fmt.Sprintf("10.8.%d.%d", i/250, i%250+1)})
		}()
	}
	close(start)
	wg.Wait()
	peak, after := testenv.ProcStatus(t, pid, "VmHWM"), testenv.ProcStatus(t, pid, "VmRSS")

	counts := map[int]int{}
	for i, r := range results {
		if errs[i] != nil {
			t.Fatalf("login %d: %v", i, errs[i])
		}
		counts[r.status]++
		switch r.status {
		case http.StatusSeeOther, http.StatusUnauthorized:
		case http.StatusServiceUnavailable:
			if r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "Vui lòng thử lại sau ít giây") {
				t.Errorf("login %d = 503 without Retry-After or the Vietnamese message", i)
			}
		default:
			t.Errorf("login %d = %d, want 303, 401 or 503", i, r.status)
		}
	}
	t.Logf("%d concurrent logins: %v; RSS %d MB before, peak (VmHWM) %d MB, %d MB after",
		n, counts, before>>20, peak>>20, after>>20)
	if counts[http.StatusSeeOther]+counts[http.StatusUnauthorized] == 0 {
		t.Error("no login was checked at all")
	}
	if peak >= 300<<20 {
		t.Errorf("peak RSS under %d concurrent logins = %d MB, want under 300 MB", n, peak>>20)
	}
}
