// Package search talks to Meilisearch. The master key stays in this
// process; nothing here is sent to a browser.
package search

import (
	"context"
	"net/http"
	"time"

	"github.com/meilisearch/meilisearch-go"
)

// Engine is the portal's handle on Meilisearch.
type Engine struct {
	client meilisearch.ServiceManager
}

// New connects lazily: Meilisearch may be down at start-up, and the portal
// must start anyway (search then answers from PostgreSQL).
func New(url, masterKey string) *Engine {
	httpClient := &http.Client{Timeout: 2 * time.Second}
	opts := []meilisearch.Option{meilisearch.WithCustomClient(httpClient)}
	if masterKey != "" {
		opts = append(opts, meilisearch.WithAPIKey(masterKey))
	}
	return &Engine{client: meilisearch.New(url, opts...)}
}

// Healthy tells whether Meilisearch answers "available" before ctx ends.
func (e *Engine) Healthy(ctx context.Context) bool {
	h, err := e.client.Health(ctx)
	return err == nil && h != nil && h.Status == "available"
}

// Close releases idle connections.
func (e *Engine) Close() { e.client.Close() }
