package main

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
)

func TestRunCommands(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"help"}, &out); err != nil || !strings.Contains(out.String(), "hoptac migrate") {
		t.Errorf("run(help) = %v, output %q; want the usage", err, out.String())
	}
	if err := run([]string{"bogus"}, &out); err == nil || !strings.Contains(err.Error(), `unknown command "bogus"`) {
		t.Errorf("run(bogus) = %v, want unknown command", err)
	}
	if err := run([]string{"reindex", "--replica", "localhost:7700"}, &out); err == nil || !strings.HasPrefix(err.Error(), "--replica:") {
		t.Errorf("run(reindex --replica localhost:7700) = %v, want an error naming --replica", err)
	}
	t.Setenv("DB_MAX_CONNS", "zero")
	if err := run([]string{"migrate"}, &out); err == nil || !strings.HasPrefix(err.Error(), "DB_MAX_CONNS:") {
		t.Errorf("run(migrate) with a bad DB_MAX_CONNS = %v, want an error naming it", err)
	}
}

func TestAssetsAreEmbeddedOrReadFromDisk(t *testing.T) {
	for _, dir := range []string{"", "../.."} {
		templates, static, err := assets(dir)
		if err != nil {
			t.Fatalf("assets(%q) = %v", dir, err)
		}
		if _, err := fs.Stat(templates, "home.html"); err != nil {
			t.Errorf("assets(%q): templates lack home.html: %v", dir, err)
		}
		if _, err := fs.Stat(templates, "partials"); err != nil {
			t.Errorf("assets(%q): templates lack partials/: %v", dir, err)
		}
		if _, err := fs.Stat(static, "css/site.css"); err != nil {
			t.Errorf("assets(%q): static lacks css/site.css: %v", dir, err)
		}
	}
}
