// Package search talks to Meilisearch: index settings, documents, queries,
// and the PostgreSQL fallback used while Meilisearch is away. The master
// key stays in this process; searches use a key that can only search.
package search

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/meilisearch/meilisearch-go"
)

// Engine is the portal's handle on Meilisearch. admin uses the master key
// (settings, documents, keys); searcher uses the search-only key.
type Engine struct {
	url   string
	admin meilisearch.ServiceManager
	// searcher is swapped once the search-only key is known, while
	// requests may be searching.
	searcher *atomic.Pointer[client]
	index    string
}

type client struct{ meilisearch.ServiceManager }

// New connects lazily: Meilisearch may be down at start-up, and the portal
// must start anyway (search then answers from PostgreSQL). Until
// UseSearchKey is called, searches use the master key.
func New(url, masterKey string) *Engine {
	admin := newClient(url, masterKey, 60*time.Second)
	e := &Engine{url: url, admin: admin, searcher: &atomic.Pointer[client]{}, index: IndexName}
	e.searcher.Store(&client{admin})
	return e
}

func newClient(url, key string, timeout time.Duration) meilisearch.ServiceManager {
	// Go's default transport asks for gzip, and Meilisearch's gzipped
	// answers then wait ~40 ms for a delayed ACK on a reused connection
	// (docs/performance.md); on a private network compression buys
	// nothing. Keep enough idle connections for concurrent searches.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DisableCompression = true
	transport.MaxIdleConns, transport.MaxIdleConnsPerHost = 128, 64
	opts := []meilisearch.Option{meilisearch.WithCustomClient(&http.Client{Timeout: timeout, Transport: transport})}
	if key != "" {
		opts = append(opts, meilisearch.WithAPIKey(key))
	}
	return meilisearch.New(url, opts...)
}

// WithIndex returns an engine working on another index (reindex builds
// beside the live one; tests use their own).
func (e *Engine) WithIndex(name string) *Engine {
	c := *e
	c.index = name
	return &c
}

// Index is the name of the index the engine works on.
func (e *Engine) Index() string { return e.index }

// Replica names this engine's index as the outbox's delivery queues do:
// the index's address, <MEILI_URL>/indexes/<index>.
func (e *Engine) Replica() string { return strings.TrimRight(e.url, "/") + "/indexes/" + e.index }

// URL is the Meilisearch address the engine talks to.
func (e *Engine) URL() string { return e.url }

// Healthy tells whether Meilisearch answers "available" before ctx ends.
func (e *Engine) Healthy(ctx context.Context) bool {
	h, err := e.admin.Health(ctx)
	return err == nil && h != nil && h.Status == "available"
}

// Close releases idle connections.
func (e *Engine) Close() {
	e.admin.Close()
	if c := e.searcher.Load(); c.ServiceManager != e.admin {
		c.Close()
	}
}

// searchKeyName names the portal's search-only key in Meilisearch.
const searchKeyName = "hoptac-portal-search"

// UseSearchKey finds, or creates once, a key that may only search the
// portal's index, and uses it for every query from then on.
func (e *Engine) UseSearchKey(ctx context.Context) error {
	keys, err := e.admin.GetKeys(ctx, &meilisearch.KeysQuery{Limit: 1000})
	if err != nil {
		return fmt.Errorf("list Meilisearch keys: %w", err)
	}
	var key string
	for _, k := range keys.Results {
		if k.Name == searchKeyName {
			key = k.Key
			break
		}
	}
	if key == "" {
		created, err := e.admin.CreateKey(ctx, &meilisearch.Key{
			Name:        searchKeyName,
			Description: "Hợp tác Lao động: search only, used by the portal's web servers",
			Actions:     []string{"search"},
			Indexes:     []string{IndexName},
		})
		if err != nil {
			return fmt.Errorf("create the search key: %w", err)
		}
		key = created.Key
	}
	e.searcher.Store(&client{newClient(e.url, key, 5*time.Second)})
	return nil
}

// ErrTaskFailed is a Meilisearch task that ended other than succeeded.
var ErrTaskFailed = errors.New("meilisearch task failed")

// wait blocks until the task ends and returns ErrTaskFailed (with
// Meilisearch's message) unless it succeeded.
func (e *Engine) wait(ctx context.Context, info *meilisearch.TaskInfo) error {
	task, err := e.admin.WaitForTask(ctx, info.TaskUID, 20*time.Millisecond)
	if err != nil {
		return fmt.Errorf("wait for task %d: %w", info.TaskUID, err)
	}
	if task.Status != meilisearch.TaskStatusSucceeded {
		return fmt.Errorf("%w: task %d %s: %s (%s)", ErrTaskFailed, task.UID, task.Status, task.Error.Message, task.Error.Code)
	}
	return nil
}

// EnsureIndex creates the index if needed and applies the settings; both
// are idempotent, so every start-up and every reindex may call it.
func (e *Engine) EnsureIndex(ctx context.Context) error {
	if _, err := e.admin.GetIndex(ctx, e.index); err != nil {
		var apiErr *meilisearch.Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
			return fmt.Errorf("get index %s: %w", e.index, err)
		}
		info, err := e.admin.CreateIndex(ctx, &meilisearch.IndexConfig{Uid: e.index, PrimaryKey: "id"})
		if err != nil {
			return fmt.Errorf("create index %s: %w", e.index, err)
		}
		if err := e.wait(ctx, info); err != nil {
			return err
		}
	}
	settings, err := Settings()
	if err != nil {
		return err
	}
	info, err := e.admin.Index(e.index).UpdateSettings(ctx, settings)
	if err != nil {
		return fmt.Errorf("update settings of %s: %w", e.index, err)
	}
	if err := e.wait(ctx, info); err != nil {
		return err
	}
	// The portal never searches facet values (/facet-search): not building
	// their index makes every document cheaper to index. Settings cannot
	// say false (the client omits it), so it is its own call.
	if info, err = e.admin.Index(e.index).UpdateFacetSearch(ctx, false); err != nil {
		return fmt.Errorf("turn facet search off on %s: %w", e.index, err)
	}
	return e.wait(ctx, info)
}

// Upsert adds or replaces documents and waits until Meilisearch has them.
func (e *Engine) Upsert(ctx context.Context, docs []Document) error {
	if len(docs) == 0 {
		return nil
	}
	pk := "id"
	info, err := e.admin.Index(e.index).AddDocuments(ctx, docs, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	if err != nil {
		return fmt.Errorf("add documents: %w", err)
	}
	return e.wait(ctx, info)
}

// Delete removes documents by id and waits until Meilisearch has done it.
func (e *Engine) Delete(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	info, err := e.admin.Index(e.index).DeleteDocuments(ctx, ids, nil)
	if err != nil {
		return fmt.Errorf("delete documents: %w", err)
	}
	return e.wait(ctx, info)
}

// DeleteIndex drops an index; a missing one is not an error.
func (e *Engine) DeleteIndex(ctx context.Context, name string) error {
	info, err := e.admin.DeleteIndex(ctx, name)
	if err != nil {
		var apiErr *meilisearch.Error
		if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound {
			return nil
		}
		return fmt.Errorf("delete index %s: %w", name, err)
	}
	err = e.wait(ctx, info)
	if err != nil && errors.Is(err, ErrTaskFailed) {
		return nil // index_not_found: nothing to delete
	}
	return err
}

// Swap exchanges two indexes atomically: searches see the old one until the
// very moment they see the new one.
func (e *Engine) Swap(ctx context.Context, a, b string) error {
	info, err := e.admin.SwapIndexes(ctx, []*meilisearch.SwapIndexesParams{{Indexes: []string{a, b}}})
	if err != nil {
		return fmt.Errorf("swap %s and %s: %w", a, b, err)
	}
	return e.wait(ctx, info)
}

// IndexedVersion is what reindex --check compares with PostgreSQL.
type IndexedVersion struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// Versions lists the id and version of every document in the index.
func (e *Engine) Versions(ctx context.Context) ([]IndexedVersion, error) {
	var out []IndexedVersion
	const page = 1000
	for offset := int64(0); ; offset += page {
		var res meilisearch.DocumentsResult
		err := e.admin.Index(e.index).GetDocuments(ctx, &meilisearch.DocumentsQuery{
			Offset: offset, Limit: page, Fields: []string{"id", "version"},
		}, &res)
		if err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		for _, h := range res.Results {
			var v IndexedVersion
			if err := h.DecodeInto(&v); err != nil {
				return nil, fmt.Errorf("decode document: %w", err)
			}
			out = append(out, v)
		}
		if int64(len(res.Results)) < page {
			return out, nil
		}
	}
}

// Enqueue adds documents without waiting; Meilisearch processes the tasks
// in order, batching consecutive additions. Wait for the returned task.
func (e *Engine) Enqueue(ctx context.Context, docs []Document) (int64, error) {
	pk := "id"
	info, err := e.admin.Index(e.index).AddDocuments(ctx, docs, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	if err != nil {
		return 0, fmt.Errorf("add documents: %w", err)
	}
	return info.TaskUID, nil
}

// WaitTask waits for a task enqueued earlier and reports its failure.
func (e *Engine) WaitTask(ctx context.Context, uid int64) error {
	return e.wait(ctx, &meilisearch.TaskInfo{TaskUID: uid})
}

// Count is the number of documents in the index.
func (e *Engine) Count(ctx context.Context) (int64, error) {
	stats, err := e.admin.Index(e.index).GetStats(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("index stats: %w", err)
	}
	return stats.NumberOfDocuments, nil
}
