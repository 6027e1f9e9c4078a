package search

import (
	"context"
	"errors"
	"sort"
	"sync/atomic"
	"time"

	"hoptac/internal/store"
)

// DefaultMaxReplicaLag is how old a replica's oldest undelivered change
// may be before searches stop going to it.
const DefaultMaxReplicaLag = 30 * time.Second

// replicaCooldown: after a replica fails a search, the next ones leave it
// alone this long.
const replicaCooldown = 5 * time.Second

// Replicas answers searches from one of several Meilisearch instances,
// each a full copy of the index fed by its own outbox queue: one that is
// up (not failed in the last replicaCooldown) and in sync (its oldest
// undelivered change younger than MaxLag), taking turns among those with
// the smallest backlog. A search that fails on one tries the next; when
// none is left the error goes to the Service, which answers from
// PostgreSQL.
type Replicas struct {
	engines []*Engine
	maxLag  time.Duration
	down    []atomic.Int64 // unix nanoseconds until which engine i is left alone
	turn    atomic.Uint64
	// states is the store's view of each replica's backlog, by name;
	// nil until the first read (then every replica counts as in sync).
	states atomic.Pointer[map[string]store.ReplicaState]
}

// NewReplicas routes over engines; maxLag 0 means DefaultMaxReplicaLag.
func NewReplicas(engines []*Engine, maxLag time.Duration) *Replicas {
	if maxLag <= 0 {
		maxLag = DefaultMaxReplicaLag
	}
	return &Replicas{engines: engines, maxLag: maxLag, down: make([]atomic.Int64, len(engines))}
}

// ErrNoReplica is returned when no replica is up and in sync.
var ErrNoReplica = errors.New("no search replica is up and in sync")

// Watch reads the replicas' backlogs every interval until ctx ends.
func (r *Replicas) Watch(ctx context.Context, read func(context.Context) ([]store.ReplicaState, error), every time.Duration) {
	r.refresh(ctx, read)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			r.refresh(ctx, read)
		}
	}
}

func (r *Replicas) refresh(ctx context.Context, read func(context.Context) ([]store.ReplicaState, error)) {
	rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	list, err := read(rctx)
	if err != nil {
		return // PostgreSQL is down: keep the last view rather than guess
	}
	m := make(map[string]store.ReplicaState, len(list))
	for _, s := range list {
		m[s.Name] = s
	}
	r.states.Store(&m)
}

// inSync tells whether engine i may answer: registered, not waiting for
// a rebuild, and its oldest undelivered change younger than maxLag.
func (r *Replicas) inSync(i int) (bool, int) {
	states := r.states.Load()
	if states == nil {
		return true, 0
	}
	s, ok := (*states)[r.engines[i].Replica()]
	if !ok || s.RebuildNeeded || s.Lag() > r.maxLag {
		return false, 0
	}
	return true, s.Pending
}

// candidates are the engines that may answer now, the least behind
// first; equals take turns (a rotating start, kept by the stable sort).
func (r *Replicas) candidates() []int {
	type candidate struct{ i, pending int }
	now := time.Now().UnixNano()
	start := int(r.turn.Add(1))
	var list []candidate
	for k := range r.engines {
		i := (start + k) % len(r.engines)
		if ok, pending := r.inSync(i); ok && now >= r.down[i].Load() {
			list = append(list, candidate{i, pending})
		}
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].pending < list[b].pending })
	out := make([]int, len(list))
	for k, c := range list {
		out[k] = c.i
	}
	return out
}

// Search asks the replicas in turn until one answers.
func (r *Replicas) Search(ctx context.Context, q Query) (Result, error) {
	err := ErrNoReplica
	for _, i := range r.candidates() {
		res, serr := r.engines[i].Search(ctx, q)
		if serr == nil {
			return res, nil
		}
		if ctx.Err() != nil {
			return Result{}, serr // the caller's deadline, not the replica's fault
		}
		r.down[i].Store(time.Now().Add(replicaCooldown).UnixNano())
		err = serr
	}
	return Result{}, err
}

// Healthy tells whether at least one replica answers (for /readyz).
func (r *Replicas) Healthy(ctx context.Context) bool {
	for _, e := range r.engines {
		if e.Healthy(ctx) {
			return true
		}
	}
	return false
}

// Engines are the replicas, in configured order.
func (r *Replicas) Engines() []*Engine { return r.engines }
