package store_test

import (
	"errors"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestPostgreSQLDecidesUnchanged: a save that changes nothing writes no new
// version and no audit entry, whatever column would have changed — the
// database compares the whole row, so no column can be forgotten.
func TestPostgreSQLDecidesUnchanged(t *testing.T) {
	st := testenv.Store(t)
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	job := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ hàn"})
	audit := func() int {
		t.Helper()
		var n int
		if err := st.DB().Get(&n, `SELECT count(*) FROM audit_log WHERE entity_type = 'job' AND entity_id = $1`, job.ID); err != nil {
			t.Fatal(err)
		}
		return n
	}

	before, version := audit(), job.Version
	same := job
	if err := st.Update(ctx, &same); !errors.Is(err, store.ErrUnchanged) {
		t.Fatalf("Update(job unchanged) = %v, want ErrUnchanged", err)
	}
	if changed, err := st.WouldChange(ctx, &job); err != nil || changed {
		t.Errorf("WouldChange(unchanged) = %v, %v; want false", changed, err)
	}
	if got, _ := st.Job(ctx, job.ID); got.Version != version || audit() != before {
		t.Errorf("after an unchanged save: version %d (want %d), audit rows %d (want %d)", got.Version, version, audit(), before)
	}

	// Every kind of column counts: text, number, pointer, date, list.
	edits := []struct {
		name string
		edit func(*domain.Job)
	}{
		{"contact", func(j *domain.Job) { j.Contact = "Phòng nhân sự, 028 3812 3456" }},
		{"positions", func(j *domain.Job) { j.Positions++ }},
		{"wage_max", func(j *domain.Job) { j.WageMax = testenv.Ptr(int64(12_500_000)) }},
		{"deadline", func(j *domain.Job) { j.Deadline = testenv.DaysFromNow(40) }},
		{"priority_groups", func(j *domain.Job) { j.PriorityGroups = []string{"veteran"} }},
	}
	for _, e := range edits {
		current, err := st.Job(ctx, job.ID)
		if err != nil {
			t.Fatal(err)
		}
		e.edit(&current)
		if changed, err := st.WouldChange(ctx, &current); err != nil || !changed {
			t.Errorf("WouldChange(%s edited) = %v, %v; want true", e.name, changed, err)
		}
		current, _ = st.Job(ctx, job.ID) // WouldChange leaves nothing behind
		e.edit(&current)
		want := current.Version + 1
		if err := st.Update(ctx, &current); err != nil || current.Version != want {
			t.Errorf("Update(job %s edited) = %v, version %d; want saved as version %d", e.name, err, current.Version, want)
		}
	}

	// A stale version is still a conflict, and a missing entry not found.
	stale := job
	stale.Title = "Thợ hàn bậc 3"
	if err := st.Update(ctx, &stale); !errors.Is(err, store.ErrConflict) {
		t.Errorf("Update(job stale) = %v, want ErrConflict", err)
	}
	// Publishing what is published changes nothing and is no error.
	current, _ := st.Job(ctx, job.ID)
	if v, err := st.SetStatus(ctx, store.Jobs, job.ID, current.Version, domain.StatusPublished, ""); err != nil || v != current.Version {
		t.Errorf("SetStatus(published again) = %d, %v; want version %d, nil", v, err, current.Version)
	}
}
