package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"hoptac/internal/importer/bombs"
)

const (
	writeBombsEnv         = "HOPTAC_WRITE_BOMBS"
	writeBombsSuffixesEnv = "HOPTAC_WRITE_BOMBS_SUFFIXES"
)

// WriteBombs writes the import bombs whose names end with one of suffixes
// (all of them when none is given) into dir and lists them. A child
// process of the test binary writes them: a child started with os/exec
// shares this process's memory until it execs, so Linux counts this
// process's peak RSS in the child's (ru_maxrss), and the bombs, made
// here, would inflate every figure measured after. Run turns the child
// into the bomb writer.
func WriteBombs(t testing.TB, dir string, suffixes ...string) []bombs.Bomb {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), writeBombsEnv+"="+dir, writeBombsSuffixesEnv+"="+strings.Join(suffixes, ","))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("write the bombs: %v\n%s", err, out)
	}
	all, err := bombs.List(dir, suffixes...)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// writeBombsIfAsked is the child of WriteBombs: it writes the bombs and
// tells Run to exit without running the tests.
func writeBombsIfAsked() (code int, asked bool) {
	dir := os.Getenv(writeBombsEnv)
	if dir == "" {
		return 0, false
	}
	var suffixes []string
	if s := os.Getenv(writeBombsSuffixesEnv); s != "" {
		suffixes = strings.Split(s, ",")
	}
	if _, err := bombs.Write(dir, suffixes...); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 1, true
	}
	return 0, true
}
