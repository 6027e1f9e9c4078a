package indexer_test

import (
	"os"
	"testing"

	"hoptac/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Run(m)) }
