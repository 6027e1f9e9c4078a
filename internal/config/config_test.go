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
		{"bad meili url", map[string]string{"MEILI_URL": "localhost:7700"}, "MEILI_URL"},
		{"bad log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL"},
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
