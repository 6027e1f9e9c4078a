package indexer_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// waitInSync polls reindex --check's comparison until the index equals
// PostgreSQL or the time is up.
func waitInSync(t *testing.T, st *store.Store, e *search.Engine, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	var diffs []indexer.Difference
	var err error
	for time.Now().Before(deadline) {
		diffs, err = indexer.Check(ctx, st, e)
		if err == nil && len(diffs) == 0 {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	n := len(diffs)
	if n > 5 {
		diffs = diffs[:5]
	}
	t.Fatalf("index not equal to PostgreSQL after %s: %d differences, e.g. %v (last error %v)", within, n, diffs, err)
}

// Not parallel: it kills the package's Meilisearch, and its 30 s budget
// to catch up is for a machine that is not busy with other tests.
func TestOutboxLosesNothingWhileMeilisearchIsKilled(t *testing.T) {
	st := testenv.Store(t)
	meili := testenv.Meilisearch(t)
	e := indexedEngine(t, "t_outage")
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	wake, err := st.ListenOutbox(runCtx)
	if err != nil {
		t.Fatal(err)
	}
	w := indexer.NewWorker(st, e, names(t, st), quietLog())
	w.Poll = 200 * time.Millisecond
	done := make(chan struct{})
	go func() { w.Run(runCtx, wake); close(done) }()
	defer func() { stop(); <-done; _ = meili.Start() }()

	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	var jobs []domain.Job
	writes := 0
	write := func(what string, err error) {
		t.Helper()
		writes++
		if err != nil {
			t.Fatalf("write %d (%s) failed: %v", writes, what, err)
		}
		switch writes {
		case 100:
			meili.Kill()
		case 400:
			if err := meili.Start(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := 0; i < 250; i++ {
		j := domain.Job{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, CompanyID: company.ID,
			Title: fmt.Sprintf("Công nhân may số %d", i), OccupationCode: "8", Positions: 5, EmploymentType: "full_time", Education: "none", City: "hcm"}
		write("publish", st.Create(ctx, &j))
		jobs = append(jobs, j)
	}
	for i := 0; i < 150; i++ {
		jobs[i].Title = fmt.Sprintf("Thợ may chuyền số %d", i)
		write("edit", st.Update(ctx, &jobs[i]))
	}
	for i := 150; i < 250; i++ {
		_, err := st.SetStatus(ctx, store.Jobs, jobs[i].ID, jobs[i].Version, domain.StatusArchived, "Đã tuyển đủ")
		write("archive", err)
	}
	if writes != 500 {
		t.Fatalf("made %d writes, want 500", writes)
	}
	waitInSync(t, st, e, 30*time.Second)
	res, err := e.Search(ctx, search.Query{Q: "tho may chuyen", Type: "job", PerPage: 5})
	if err != nil || res.Total != 150 {
		t.Errorf("Search(tho may chuyen) = %d hits, %v; want the 150 edited jobs", res.Total, err)
	}
}

func TestResendingAfterACrashIsHarmless(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	e := indexedEngine(t, "t_crash")
	company := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	for i := 0; i < 5; i++ {
		testenv.NewJob(t, st, company, testenv.JobSpec{Title: fmt.Sprintf("Kỹ thuật viên điện %d", i)})
	}
	w := indexer.NewWorker(st, e, names(t, st), quietLog())
	// The documents reach Meilisearch, then the process dies before the
	// rows are marked done: the transaction never commits.
	crash := errors.New("process died")
	if _, err := st.AddReplica(ctx, e.Replica()); err != nil {
		t.Fatal(err)
	}
	_, err := st.ProcessOutbox(ctx, e.Replica(), 100, func(ctx context.Context, rows []store.OutboxRow) (map[int64]error, error) {
		if _, err := w.Apply(ctx, rows); err != nil {
			t.Fatalf("Apply = %v", err)
		}
		return nil, crash
	})
	if !errors.Is(err, crash) {
		t.Fatalf("ProcessOutbox = %v, want the crash", err)
	}
	state, _ := st.OutboxState(ctx)
	if state.Pending != 6 {
		t.Fatalf("pending after the crash = %d, want all 6 rows still pending", state.Pending)
	}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatalf("Drain after restart = %v", err)
	}
	waitInSync(t, st, e, 5*time.Second)
	if n, _ := e.Count(ctx); n != 6 {
		t.Errorf("documents = %d, want 6 (sent twice, stored once)", n)
	}
}

// refusing wraps the real engine and gives one job an id that Meilisearch
// refuses: the only way to make the real engine fail a task.
type refusing struct {
	*search.Engine
	badJob int64
}

func (r refusing) Upsert(ctx context.Context, docs []search.Document) error {
	out := make([]search.Document, len(docs))
	for i, d := range docs {
		if d.Type == "job" && d.EntityID == r.badJob {
			d.ID = "not a valid id!"
		}
		out[i] = d
	}
	return r.Engine.Upsert(ctx, out)
}

func TestARefusedDocumentIsRetriedThenParkedWithoutBlockingOthers(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	e := indexedEngine(t, "t_poison")
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	bad := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Tin lỗi"})
	good := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Tin tốt"})
	w := indexer.NewWorker(st, refusing{e, bad.ID}, names(t, st), quietLog())

	if _, err := w.Drain(ctx); err != nil {
		t.Fatalf("Drain = %v", err)
	}
	var row struct {
		Attempts int     `db:"attempts"`
		Error    string  `db:"last_error"`
		Parked   *string `db:"parked_at"`
		Due      bool    `db:"due"`
	}
	read := func() {
		t.Helper()
		if err := st.DB().Get(&row, `SELECT d.attempts, d.last_error, d.parked_at::text, d.next_attempt_at <= now() AS due
			FROM search_deliveries d JOIN search_outbox o ON o.id = d.outbox_id
			WHERE o.entity_type = 'job' AND o.entity_id = $1`, bad.ID); err != nil {
			t.Fatal(err)
		}
	}
	read()
	if row.Attempts != 1 || row.Error == "" || row.Due || row.Parked != nil {
		t.Fatalf("bad row after one try = %+v; want 1 attempt, an error, a later retry, not parked", row)
	}
	// The others went through.
	if res, _ := e.Search(ctx, search.Query{Q: "tin tot"}); res.Total != 1 || res.Hits[0].ID != good.ID {
		t.Errorf("the good job is not searchable: %+v", res)
	}
	// Make its retries due at once until it is parked.
	for i := 0; i < store.MaxOutboxAttempts; i++ {
		st.DB().MustExec(`UPDATE search_deliveries SET next_attempt_at = now() WHERE parked_at IS NULL`)
		if _, err := w.Drain(ctx); err != nil {
			t.Fatal(err)
		}
	}
	read()
	if row.Parked == nil || row.Attempts != store.MaxOutboxAttempts || row.Error == "" {
		t.Fatalf("bad row = %+v; want parked after %d attempts with its error", row, store.MaxOutboxAttempts)
	}
	// A later change still flows.
	later := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Tin mới sau tin lỗi"})
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if res, _ := e.Search(ctx, search.Query{Q: "tin moi sau"}); res.Total == 0 || res.Hits[0].ID != later.ID {
		t.Errorf("a change after the parked row is not searchable: %+v", res)
	}
	state, _ := st.OutboxState(ctx)
	if state.Parked != 1 || state.Pending != 0 {
		t.Errorf("OutboxState = %+v, want 1 parked, 0 pending", state)
	}
}

func TestOnlyPublicEntriesAreSearchable(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	e := indexedEngine(t, "t_public")
	w := indexer.NewWorker(st, e, names(t, st), quietLog())
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	public := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ điện công khai"})
	testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ điện nháp", Status: domain.StatusDraft})
	archived := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ điện lưu trữ"})
	hiddenCo := testenv.NewCompany(t, st, 2, "hcm", domain.StatusPublished)
	orphan := testenv.NewJob(t, st, hiddenCo, testenv.JobSpec{Title: "Thợ điện của doanh nghiệp bị gỡ"})
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetStatus(ctx, store.Jobs, archived.ID, archived.Version, domain.StatusArchived, "Hết nhu cầu"); err != nil {
		t.Fatal(err)
	}
	// Taking the company down takes its jobs out of search too.
	if _, err := st.SetStatus(ctx, store.Companies, hiddenCo.ID, hiddenCo.Version, domain.StatusDraft, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(ctx, search.Query{Q: "tho dien"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].ID != public.ID {
		t.Errorf("Search(tho dien) = %d hits %+v; want only job %d", res.Total, res.Hits, public.ID)
	}
	if res.Facets["type"]["job"] != 1 || res.Facets["type"]["company"] != 0 {
		t.Errorf("type facets = %v, want 1 job and no company (the other company's name has no 'tho dien')", res.Facets["type"])
	}
	for _, id := range []int64{archived.ID, orphan.ID} {
		if r, _ := e.Search(ctx, search.Query{Q: fmt.Sprint(id), Type: "job"}); r.Total > 0 {
			for _, h := range r.Hits {
				if h.ID == id {
					t.Errorf("job %d is still searchable", id)
				}
			}
		}
	}
	waitInSync(t, st, e, 5*time.Second)
}

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
	checkLateReplicaRebuilds(t, st, n, company)

}

// drain runs the worker until its queue is empty.
func drain(w *indexer.Worker) error { _, err := w.Drain(ctx); return err }

// checkLateReplicaRebuilds: a replica that joins after a prune is marked
// for a rebuild, and after one keeps up from the outbox.
func checkLateReplicaRebuilds(t *testing.T, st *store.Store, n *search.Names, company domain.Company) {
	t.Helper()
	c, _ := privateEngine(t, "t_replica")
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

// TestWorkerPrunesDoneRows: done outbox rows older than PruneKeep go on the
// worker's schedule; pending, parked and recent done rows stay; the next
// call within PruneEvery does nothing.
func TestWorkerPrunesDoneRows(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	db := st.DB()
	if _, err := db.ExecContext(ctx, `INSERT INTO search_outbox (entity_type, entity_id, op, done_at, parked_at) VALUES
		('job', 1, 'upsert', now() - interval '3 days', NULL),
		('job', 2, 'upsert', now() - interval '2 hours', NULL),
		('job', 3, 'upsert', NULL, NULL),
		('job', 4, 'upsert', NULL, now() - interval '3 days')`); err != nil {
		t.Fatal(err)
	}
	w := indexer.NewWorker(st, search.New("http://127.0.0.1:1", ""), nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	w.PruneKeep, w.PruneEvery = 24*time.Hour, time.Hour
	if pruned, err := w.PruneIfDue(ctx); err != nil || !pruned {
		t.Fatalf("first PruneIfDue = %v, %v; want a prune", pruned, err)
	}
	var left []int64
	if err := db.SelectContext(ctx, &left, `SELECT entity_id FROM search_outbox ORDER BY entity_id`); err != nil {
		t.Fatal(err)
	}
	if len(left) != 3 || left[0] != 2 {
		t.Errorf("rows left = %v, want [2 3 4]", left)
	}
	if pruned, _ := w.PruneIfDue(ctx); pruned {
		t.Error("second PruneIfDue within PruneEvery pruned again")
	}
}
