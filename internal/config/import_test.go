package config

import (
	"strings"
	"testing"
)

func TestImportMaxRows(t *testing.T) {
	if c, err := Load(env(nil)); err != nil || c.ImportMaxRows != 100_000 {
		t.Errorf("Load(empty).ImportMaxRows = %d, %v; want 100000", c.ImportMaxRows, err)
	}
	if c, err := Load(env(map[string]string{"IMPORT_MAX_ROWS": "2500"})); err != nil || c.ImportMaxRows != 2500 {
		t.Errorf("Load(IMPORT_MAX_ROWS=2500).ImportMaxRows = %d, %v; want 2500", c.ImportMaxRows, err)
	}
	for _, bad := range []string{"0", "-5", "lots", "20000000"} {
		if _, err := Load(env(map[string]string{"IMPORT_MAX_ROWS": bad})); err == nil || !strings.HasPrefix(err.Error(), "IMPORT_MAX_ROWS:") {
			t.Errorf("Load(IMPORT_MAX_ROWS=%s) error = %v, want one naming IMPORT_MAX_ROWS", bad, err)
		}
	}
}
