package config

import (
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadDefaults(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil {
		t.Fatalf("Load(empty) error = %v", err)
	}
	if c.HTTPAddr != ":8080" || c.DBMaxConns != 10 || c.DBStatementTime != 5*time.Second {
		t.Errorf("Load(empty) = %+v, want defaults :8080, 10 conns, 5s", c)
	}
}

func TestLoadRejectsBadValuesNamingTheVariable(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"pool not a number", map[string]string{"DB_MAX_CONNS": "many"}, "DB_MAX_CONNS"},
		{"pool too big", map[string]string{"DB_MAX_CONNS": "100000"}, "DB_MAX_CONNS"},
		{"bad duration", map[string]string{"DB_STATEMENT_TIMEOUT": "5 seconds"}, "DB_STATEMENT_TIMEOUT"},
		{"bad database url", map[string]string{"DATABASE_URL": "mysql://x"}, "DATABASE_URL"},
		{"bad read replica url", map[string]string{"DATABASE_READ_URL": "http://x"}, "DATABASE_READ_URL"},
		{"bad replica lag", map[string]string{"DB_READ_MAX_LAG": "soon"}, "DB_READ_MAX_LAG"},
		{"bad search replica", map[string]string{"MEILI_URLS": "http://127.0.0.1:7700,127.0.0.1:7701"}, "MEILI_URLS"},
		{"search replica twice", map[string]string{"MEILI_URLS": "http://a:7700,http://a:7700"}, "MEILI_URLS"},
		{"bad search lag", map[string]string{"SEARCH_MAX_LAG": "-"}, "SEARCH_MAX_LAG"},
		{"bad meili url", map[string]string{"MEILI_URL": "localhost:7700"}, "MEILI_URL"},
		{"bad log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL"},
		{"bad proxy", map[string]string{"TRUSTED_PROXIES": "127.0.0.1, proxy.local"}, "TRUSTED_PROXIES"},
		{"bad public url", map[string]string{"PUBLIC_URL": "portal.gov.vn"}, "PUBLIC_URL"},
		{"hashes zero", map[string]string{"LOGIN_MAX_CONCURRENT_HASHES": "0"}, "LOGIN_MAX_CONCURRENT_HASHES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(env(tt.env))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want+":") {
				t.Errorf("Load(%v) error = %v, want one starting with %q", tt.env, err, tt.want+":")
			}
		})
	}
}

func TestLoadServeSettings(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.MetricsAddr != "127.0.0.1:9090" || c.LoginMaxConcurrentHashes != 4 || c.HTTPS() {
		t.Errorf("Load(empty) = metrics %q, hashes %d, https %v; want 127.0.0.1:9090, 4, false", c.MetricsAddr, c.LoginMaxConcurrentHashes, c.HTTPS())
	}
	c, err = Load(env(map[string]string{"METRICS_ADDR": "off", "PUBLIC_URL": "https://viec.hoptac.gov.vn", "TRUSTED_PROXIES": "10.0.0.0/8,127.0.0.1"}))
	if err != nil || c.MetricsAddr != "" || !c.HTTPS() || len(c.TrustedProxies) != 2 {
		t.Errorf("Load(off, https, proxies) = %+v, %v", c, err)
	}
	t.Setenv("METRICS_ADDR", "")
	if c, err := FromEnv(); err != nil || c.MetricsAddr != "" {
		t.Errorf("FromEnv() with METRICS_ADDR set empty = %q, %v; want metrics disabled", c.MetricsAddr, err)
	}
}
