package search_test

import (
	"context"
	"os"
	"testing"
	"time"

	"hoptac/internal/search"
	"hoptac/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Run(m)) }

func TestHealthFollowsTheRealServer(t *testing.T) {
	meili := testenv.Meilisearch(t)
	engine := search.New(meili.URL, meili.MasterKey)
	defer engine.Close()
	ctx := context.Background()

	if !engine.Healthy(ctx) {
		t.Fatal("Healthy() = false with Meilisearch running, want true")
	}
	meili.Kill()
	short, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	if engine.Healthy(short) {
		t.Error("Healthy() = true with Meilisearch killed, want false")
	}
	if err := meili.Start(); err != nil {
		t.Fatal(err)
	}
	if !engine.Healthy(ctx) {
		t.Error("Healthy() = false after restarting Meilisearch, want true")
	}
}
