package indexer_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// replicaState is one replica's row of store.ReplicaStates.
func replicaState(t *testing.T, st *store.Store, e *search.Engine) store.ReplicaState {
	t.Helper()
	states, err := st.ReplicaStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range states {
		if s.Name == e.Replica() {
			return s
		}
	}
	t.Fatalf("replica %s is not registered (have %+v)", e.Replica(), states)
	return store.ReplicaState{}
}

// TestEachReplicaHasItsOwnQueue: two real Meilisearch instances, each with
// its own worker. While one is killed the other keeps up; the killed one
// catches up from its own queue once restarted. Outbox rows are pruned
// only when both have them, and a replica that joins after a prune waits
// for a rebuild, which brings it level.
func TestEachReplicaHasItsOwnQueue(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	a, _ := privateEngine(t, "t_replica")
	b, meiliB := privateEngine(t, "t_replica")
	for _, e := range []*search.Engine{a, b} {
		if err := e.EnsureIndex(ctx); err != nil {
			t.Fatal(err)
		}
	}
	n := names(t, st)
	workerA, workerB := indexer.NewWorker(st, a, n, quietLog()), indexer.NewWorker(st, b, n, quietLog())
	drain := func(w *indexer.Worker) error { _, err := w.Drain(ctx); return err }
	for _, w := range []*indexer.Worker{workerA, workerB} {
		if err := drain(w); err != nil { // registers both replicas
			t.Fatal(err)
		}
	}

	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	meiliB.Kill()
	for i := 0; i < 20; i++ {
		testenv.NewJob(t, st, company, testenv.JobSpec{Title: fmt.Sprintf("Thợ hàn bản sao %d", i)})
	}
	if err := drain(workerA); err != nil {
		t.Fatalf("replica A while B is down: %v", err)
	}
	if err := drain(workerB); err == nil {
		t.Fatal("replica B drained while killed")
	}
	waitInSync(t, st, a, 10*time.Second)
	if s := replicaState(t, st, b); s.Pending != 21 || s.Lag() <= 0 {
		t.Errorf("replica B while down: %+v, want its 21 changes pending, with a lag", s)
	}
	if s := replicaState(t, st, a); s.Pending != 0 {
		t.Errorf("replica A: %+v, want nothing pending", s)
	}
	// Done rows are those both replicas have: none yet, so nothing goes.
	if pruned, err := st.PruneOutbox(ctx, 0); err != nil || pruned != 0 {
		t.Errorf("PruneOutbox with B behind = %d, %v; want nothing pruned", pruned, err)
	}

	if err := meiliB.Start(); err != nil {
		t.Fatal(err)
	}
	if err := drain(workerB); err != nil {
		t.Fatalf("replica B after restart: %v", err)
	}
	waitInSync(t, st, b, 10*time.Second)
	if pruned, err := st.PruneOutbox(ctx, 0); err != nil || pruned != 21 {
		t.Errorf("PruneOutbox once both have everything = %d, %v; want the 21 rows", pruned, err)
	}

	// A third replica joining now cannot catch up from the outbox.
	meiliC := testenv.PrivateMeilisearch(t)
	c := search.New(meiliC.URL, meiliC.MasterKey).WithIndex("t_replica")
	if err := c.EnsureIndex(ctx); err != nil {
		t.Fatal(err)
	}
	workerC := indexer.NewWorker(st, c, n, quietLog())
	if err := drain(workerC); err != nil {
		t.Fatal(err)
	}
	if s := replicaState(t, st, c); !s.RebuildNeeded {
		t.Fatalf("replica C joined after a prune: %+v, want it marked for a rebuild", s)
	}
	if _, err := indexer.Reindex(ctx, st, c, n, io.Discard); err != nil {
		t.Fatal(err)
	}
	testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ hàn sau khi dựng lại"})
	if err := drain(workerC); err != nil {
		t.Fatal(err)
	}
	waitInSync(t, st, c, 10*time.Second)
	if s := replicaState(t, st, c); s.RebuildNeeded || s.Pending != 0 {
		t.Errorf("replica C after its rebuild: %+v, want in sync", s)
	}
}

// TestSearchesGoToAReplicaThatIsUpAndInSync: the router skips a replica
// that lags past its bound or fails, and answers from the other.
func TestSearchesGoToAReplicaThatIsUpAndInSync(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	a, meiliA := privateEngine(t, "t_route")
	b, meiliB := privateEngine(t, "t_route")
	n := names(t, st)
	company := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Kỹ thuật viên điện lạnh"})
	for _, e := range []*search.Engine{a, b} {
		if err := e.EnsureIndex(ctx); err != nil {
			t.Fatal(err)
		}
		w := indexer.NewWorker(st, e, n, quietLog())
		if _, err := w.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		waitInSync(t, st, e, 10*time.Second)
	}
	replicas := search.NewReplicas([]*search.Engine{a, b}, 2*time.Second)
	watchCtx, stop := context.WithCancel(ctx)
	defer stop()
	go replicas.Watch(watchCtx, st.ReplicaStates, 100*time.Millisecond)
	found := func() int {
		t.Helper()
		res, err := replicas.Search(ctx, search.Query{Q: "dien lanh"})
		if err != nil {
			t.Fatalf("Search with a replica up and in sync: %v", err)
		}
		return res.Total
	}

	// B is killed: every search is answered by A.
	meiliB.Kill()
	for i := 0; i < 6; i++ {
		if got := found(); got != 1 {
			t.Fatalf("search %d with B down = %d hits, want 1 from A", i, got)
		}
	}
	// A change B lacks for longer than the bound takes B out of turn
	// even once it is back; A, in sync, answers the new job.
	if err := meiliB.Start(); err != nil {
		t.Fatal(err)
	}
	testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ điện lạnh công trình"})
	if _, err := indexer.NewWorker(st, a, n, quietLog()).Drain(ctx); err != nil {
		t.Fatal(err)
	}
	waitInSync(t, st, a, 10*time.Second)
	// Past B's failure cooldown, and past the bound for its missing change.
	time.Sleep(6 * time.Second)
	for i := 0; i < 6; i++ {
		if got := found(); got != 2 {
			t.Fatalf("search %d with B lagging = %d hits, want 2 (A, in sync; never B's stale 1)", i, got)
		}
	}
	// Both down: the router says so, and the Service answers from PostgreSQL.
	meiliA.Kill()
	meiliB.Kill()
	if _, err := replicas.Search(ctx, search.Query{Q: "dien lanh"}); err == nil {
		t.Error("Search with both replicas down succeeded")
	}
	res, err := search.NewService(replicas, st, quietLog()).Search(ctx, search.Query{Q: "dien lanh"})
	if err != nil || !res.Degraded || res.Total != 2 {
		t.Errorf("Service with both replicas down = %+v, %v; want PostgreSQL's 2 hits, degraded", res, err)
	}
}
