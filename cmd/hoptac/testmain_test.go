package main

import (
	"os"
	"testing"

	"hoptac/internal/testenv"
)

// TestMain drops the test databases and the binary built for the tests
// (testenv.Binary: the real hoptac, built once for the package).
func TestMain(m *testing.M) { os.Exit(testenv.Run(m)) }
