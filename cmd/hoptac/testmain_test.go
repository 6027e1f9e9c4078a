package main

import (
	"os"
	"testing"

	"hoptac/internal/testenv"
)

// TestMain drops the test databases and the binary built for the tests.
// (The branch that adds serve_test.go has the same TestMain: keep one.)
func TestMain(m *testing.M) {
	code := testenv.Run(m)
	if importBinDir != "" {
		os.RemoveAll(importBinDir)
	}
	os.Exit(code)
}
