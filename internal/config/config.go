// Package config reads the environment into a typed Config. Only main calls it.
package config

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the portal, with defaults that work on a
// developer machine with a local PostgreSQL and Meilisearch.
type Config struct {
	DatabaseURL     string
	DBMaxConns      int
	DBStatementTime time.Duration
	// DatabaseReadURL, when set, is a streaming replica for public reads;
	// DBReadMaxLag is how far behind it may be before they go back to
	// the primary.
	DatabaseReadURL string
	DBReadMaxLag    time.Duration
	MeiliURL        string
	// MeiliURLs are the Meilisearch replicas, each a full copy of the
	// index (MEILI_URLS, else MEILI_URL alone); SearchMaxLag is how far
	// behind one may be and still answer searches.
	MeiliURLs        []string
	SearchMaxLag     time.Duration
	MeiliMasterKey   string
	HTTPAddr         string
	LogLevel         string
	LogFormat        string
	ReadTimeout      time.Duration
	WriteTimeout     time.Duration
	IdleTimeout      time.Duration
	ShutdownTimeout  time.Duration
	TemplatesFromDir string
	// TrustedProxies are the addresses (or CIDR ranges) of reverse proxies
	// whose ProxyHeader names the client; from anyone else it is ignored.
	TrustedProxies []string
	ProxyHeader    string
	// PublicURL is the address visitors use. When it is https://…, the
	// portal answers as if every request came over TLS (Secure and
	// __Host- cookies, HSTS), whatever the proxy in front says.
	PublicURL string
	// MetricsAddr is where /metrics listens, apart from the public app;
	// empty (METRICS_ADDR set to nothing, or "off") disables it.
	MetricsAddr string
	// LoginMaxConcurrentHashes bounds how many password checks run at
	// once; each takes auth.HashMemoryKiB (19 MiB), so 4 cost 76 MiB.
	LoginMaxConcurrentHashes int
	// ImportMaxRows is how many data rows one imported file may hold
	// (upload page and `hoptac import`).
	ImportMaxRows int
}

// Load reads the environment. A bad value is an error naming the variable.
// An unset variable and an empty one are the same here; FromEnv tells them
// apart (METRICS_ADDR= disables metrics).
func Load(getenv func(string) string) (Config, error) {
	return load(func(name string) (string, bool) {
		v := getenv(name)
		return v, v != ""
	})
}

func load(lookup func(string) (string, bool)) (Config, error) {
	r := reader{getenv: func(name string) string { v, _ := lookup(name); return v }}
	c := Config{
		DatabaseURL:      r.str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hoptac?sslmode=disable"),
		DBMaxConns:       r.int("DB_MAX_CONNS", 10, 1, 500),
		DBStatementTime:  r.duration("DB_STATEMENT_TIMEOUT", 5*time.Second),
		DatabaseReadURL:  r.str("DATABASE_READ_URL", ""),
		DBReadMaxLag:     r.duration("DB_READ_MAX_LAG", 10*time.Second),
		MeiliURL:         r.str("MEILI_URL", "http://127.0.0.1:7700"),
		MeiliURLs:        r.list("MEILI_URLS"),
		SearchMaxLag:     r.duration("SEARCH_MAX_LAG", 30*time.Second),
		MeiliMasterKey:   r.str("MEILI_MASTER_KEY", ""),
		HTTPAddr:         r.str("HTTP_ADDR", ":8080"),
		LogLevel:         r.oneOf("LOG_LEVEL", "info", "debug", "info", "warn", "error"),
		LogFormat:        r.oneOf("LOG_FORMAT", "text", "text", "json"),
		ReadTimeout:      r.duration("HTTP_READ_TIMEOUT", 15*time.Second),
		WriteTimeout:     r.duration("HTTP_WRITE_TIMEOUT", 30*time.Second),
		IdleTimeout:      r.duration("HTTP_IDLE_TIMEOUT", 60*time.Second),
		ShutdownTimeout:  r.duration("SHUTDOWN_TIMEOUT", 15*time.Second),
		TemplatesFromDir: r.str("DEV_ASSETS_DIR", ""),
		TrustedProxies:   r.list("TRUSTED_PROXIES"),
		ProxyHeader:      r.str("PROXY_HEADER", "X-Real-IP"),
		ImportMaxRows:    r.int("IMPORT_MAX_ROWS", 100_000, 1, 10_000_000),
		PublicURL:        r.str("PUBLIC_URL", ""),
		MetricsAddr:      r.str("METRICS_ADDR", "127.0.0.1:9090"),

		LoginMaxConcurrentHashes: r.int("LOGIN_MAX_CONCURRENT_HASHES", 4, 1, 64),
	}
	if v, set := lookup("METRICS_ADDR"); (set && strings.TrimSpace(v) == "") || strings.EqualFold(strings.TrimSpace(v), "off") {
		c.MetricsAddr = ""
	}
	for _, p := range c.TrustedProxies {
		if net.ParseIP(p) == nil {
			if _, _, err := net.ParseCIDR(p); err != nil {
				r.fail(fmt.Errorf("TRUSTED_PROXIES: %q is neither an IP address nor a CIDR range", p))
			}
		}
	}
	if c.PublicURL != "" && !isURL(c.PublicURL, "http", "https") {
		r.fail(fmt.Errorf("PUBLIC_URL: must be an http:// or https:// URL"))
	}
	if !isURL(c.DatabaseURL, "postgres", "postgresql") {
		r.fail(fmt.Errorf("DATABASE_URL: must be a postgres:// URL"))
	}
	if c.DatabaseReadURL != "" && !isURL(c.DatabaseReadURL, "postgres", "postgresql") {
		r.fail(fmt.Errorf("DATABASE_READ_URL: must be a postgres:// URL"))
	}
	c.readMeiliURLs(&r)
	return c, r.err
}

// readMeiliURLs settles the search replicas: MEILI_URLS, else MEILI_URL
// alone; each an http(s) URL, none twice.
func (c *Config) readMeiliURLs(r *reader) {
	name := "MEILI_URLS"
	if len(c.MeiliURLs) == 0 {
		c.MeiliURLs, name = []string{c.MeiliURL}, "MEILI_URL"
	} else {
		c.MeiliURL = c.MeiliURLs[0]
	}
	seen := map[string]bool{}
	for _, m := range c.MeiliURLs {
		if !isURL(m, "http", "https") {
			r.fail(fmt.Errorf("%s: %q is not an http:// or https:// URL", name, m))
		}
		if seen[m] {
			r.fail(fmt.Errorf("MEILI_URLS: %q is listed twice", m))
		}
		seen[m] = true
	}
}

// isURL tells whether raw parses as a URL of one of the schemes; an
// http(s) one must name a host.
func isURL(raw string, schemes ...string) bool {
	u, err := url.Parse(raw)
	if err != nil || !slices.Contains(schemes, u.Scheme) {
		return false
	}
	return u.Host != "" || !strings.HasPrefix(u.Scheme, "http")
}

// FromEnv reads the process environment.
func FromEnv() (Config, error) { return load(os.LookupEnv) }

// HTTPS tells whether PublicURL says visitors come over TLS.
func (c Config) HTTPS() bool { return strings.HasPrefix(strings.ToLower(c.PublicURL), "https://") }

// reader keeps the first error so Load reads as a list of settings.
type reader struct {
	getenv func(string) string
	err    error
}

func (r *reader) str(name, def string) string {
	if v := strings.TrimSpace(r.getenv(name)); v != "" {
		return v
	}
	return def
}

func (r *reader) list(name string) []string {
	var out []string
	for _, v := range strings.Split(r.getenv(name), ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (r *reader) int(name string, def, min, max int) int {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		r.fail(fmt.Errorf("%s: %q is not a whole number from %d to %d", name, v, min, max))
		return def
	}
	return n
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		r.fail(fmt.Errorf("%s: %q is not a duration such as 5s or 250ms", name, v))
		return def
	}
	return d
}

func (r *reader) oneOf(name, def string, allowed ...string) string {
	v := strings.ToLower(strings.TrimSpace(r.getenv(name)))
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	r.fail(fmt.Errorf("%s: %q is not one of %s", name, v, strings.Join(allowed, ", ")))
	return def
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}
