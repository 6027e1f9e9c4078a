// Package indexer keeps Meilisearch equal to PostgreSQL: a worker drains
// the search outbox, and reindex rebuilds the index from scratch.
package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"hoptac/internal/kind"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Index is what the indexer needs from the search engine: one replica,
// named as the store's delivery queues name it.
type Index interface {
	Upsert(ctx context.Context, docs []search.Document) error
	Delete(ctx context.Context, ids []string) error
	Replica() string
}

// Types are the entry types in the index, parents before children.
var Types = func() []string {
	out := make([]string, len(kind.All))
	for i, k := range kind.All {
		out[i] = k.Type().Name
	}
	return out
}()

// load reads the public entries of one type as documents.
func load(ctx context.Context, st *store.Store, names *search.Names, entityType string, sel store.PublicSelection) ([]search.Document, error) {
	k, ok := kind.ByName(entityType)
	if !ok {
		return nil, fmt.Errorf("unknown entry type %q", entityType)
	}
	return k.Documents(ctx, st, names, sel)
}

// Worker drains one replica's queue of the search outbox into it.
type Worker struct {
	st    *store.Store
	index Index
	names *search.Names
	log   *slog.Logger
	// Poll is how often the worker looks without being woken (retries
	// come due, a notification was missed).
	Poll time.Duration
	// BatchSize bounds the rows claimed at once.
	BatchSize int

	registered bool // the replica is in the store's list (AddReplica)
}

// NewWorker builds a worker.
func NewWorker(st *store.Store, index Index, names *search.Names, log *slog.Logger) *Worker {
	return &Worker{st: st, index: index, names: names, log: log, Poll: 2 * time.Second, BatchSize: 200}
}

// Run drains the outbox whenever woken (LISTEN/NOTIFY through wake) or
// every Poll, until ctx ends. While the engine is unreachable it waits,
// longer each time up to 10 s; nothing is lost, the rows stay pending.
func (w *Worker) Run(ctx context.Context, wake <-chan struct{}) {
	pause := time.Duration(0)
	for {
		if _, err := w.Drain(ctx); err != nil && ctx.Err() == nil {
			pause = min(max(2*pause, 500*time.Millisecond), 10*time.Second)
			w.log.Warn("search index not updated; will retry", slog.String("error", err.Error()), slog.Duration("retry_in", pause))
		} else {
			pause = 0
		}
		wait := w.Poll
		if pause > 0 {
			wait = pause
		}
		select {
		case <-ctx.Done():
			return
		case <-wake:
			if pause > 0 {
				// Woken during an outage: keep to the pause rather than
				// hammering an engine that is down.
				select {
				case <-ctx.Done():
					return
				case <-time.After(pause):
				}
			}
		case <-time.After(wait):
		}
	}
}

// Drain processes due rows until none is left; it returns how many rows
// it handled. A replica that joined after changes were pruned gets none
// until `hoptac reindex --replica` has rebuilt it.
func (w *Worker) Drain(ctx context.Context) (int, error) {
	if !w.registered {
		rebuild, err := w.st.AddReplica(ctx, w.index.Replica())
		if err != nil {
			return 0, err
		}
		w.registered = true
		if rebuild {
			w.log.Error("search replica joined after changes were pruned; searches skip it until it is rebuilt",
				slog.String("replica", w.index.Replica()), slog.String("run", "hoptac reindex --replica URL"))
		}
	}
	total := 0
	for {
		n, err := w.st.ProcessOutbox(ctx, w.index.Replica(), w.BatchSize, w.Apply)
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

type entryKey struct {
	entityType string
	id         int64
}

// Apply brings the index in line with the entries the rows name: each is
// re-read as it stands now and upserted if public, deleted otherwise. A
// batch the engine refuses is retried document by document, so one bad
// entry fails alone.
func (w *Worker) Apply(ctx context.Context, rows []store.OutboxRow) (map[int64]error, error) {
	idsByType := map[string][]int64{}
	seen := map[entryKey]bool{}
	for _, r := range rows {
		k := entryKey{r.EntityType, r.EntityID}
		if !seen[k] {
			seen[k] = true
			idsByType[r.EntityType] = append(idsByType[r.EntityType], r.EntityID)
		}
	}
	var upserts []search.Document
	var deletes []string
	for entityType, ids := range idsByType {
		docs, err := load(ctx, w.st, w.names, entityType, store.PublicSelection{IDs: ids})
		if err != nil {
			return nil, err
		}
		public := map[int64]bool{}
		for _, d := range docs {
			public[d.EntityID] = true
		}
		upserts = append(upserts, docs...)
		for _, id := range ids {
			if !public[id] {
				deletes = append(deletes, search.DocumentID(entityType, id))
			}
		}
	}
	if err := w.index.Delete(ctx, deletes); err != nil {
		return nil, err
	}
	err := w.index.Upsert(ctx, upserts)
	if err == nil {
		return nil, nil
	}
	if !errors.Is(err, search.ErrTaskFailed) {
		return nil, err // unreachable or timed out: the whole batch waits
	}
	failed := map[entryKey]error{}
	for _, d := range upserts {
		if err := w.index.Upsert(ctx, []search.Document{d}); err != nil {
			if !errors.Is(err, search.ErrTaskFailed) {
				return nil, err
			}
			failed[entryKey{d.Type, d.EntityID}] = err
			w.log.Error("search engine refused a document", slog.String("id", d.ID), slog.String("error", err.Error()))
		}
	}
	out := map[int64]error{}
	for _, r := range rows {
		if err, ok := failed[entryKey{r.EntityType, r.EntityID}]; ok {
			out[r.ID] = err
		}
	}
	return out, nil
}
