package store_test

import (
	"context"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestSearchDocsFollowEveryWrite: the fallback's table changes in the
// writing transaction: a published job is found at once, by its
// company's name folded; renaming the company reaches the job; a job
// whose deadline passed is not offered; unpublishing removes it; every
// word must match, and the filters apply to jobs only.
func TestSearchDocsFollowEveryWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	co := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	job := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Công nhân may công nghiệp", Status: domain.StatusPublished})
	testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Thợ hàn", Status: domain.StatusPublished, Deadline: testenv.DaysFromNow(-2)})

	find := func(q string, every bool, f store.EntrySearch) store.EntryResults {
		t.Helper()
		f.TSQuery = search.TSQuery(q, every)
		res, err := st.SearchEntries(ctx, f)
		if err != nil {
			t.Fatalf("SearchEntries(%q) = %v", q, err)
		}
		return res
	}
	if r := find("cong nhan may", true, store.EntrySearch{}); r.Total != 1 || r.Hits[0].ID != job.ID {
		t.Fatalf("cong nhan may: %+v, want the job", r)
	}
	if r := find("cong nhan may zqxw", true, store.EntrySearch{}); r.Total != 0 {
		t.Errorf("every word: %d results for a word nobody has", r.Total)
	}
	if r := find("cong nhan may zqxw", false, store.EntrySearch{}); r.Total == 0 {
		t.Error("any word: nothing found")
	}
	if r := find("tho han", true, store.EntrySearch{}); r.Total != 0 {
		t.Errorf("a job past its deadline was offered: %+v", r.Hits)
	}
	if r := find("may", true, store.EntrySearch{Employment: "part_time"}); r.TypeCounts["job"] != 0 {
		t.Errorf("part-time filter kept a full-time job: %v", r.TypeCounts)
	}
	if r := find("may", true, store.EntrySearch{NoExperience: true}); r.TypeCounts["job"] != 1 {
		t.Errorf("no-experience filter: %v, want the job (it asks none)", r.TypeCounts)
	}

	if _, err := st.DB().ExecContext(ctx, `UPDATE companies SET name = 'Công ty TNHH Dệt Thành Đạt' WHERE id = $1`, co.ID); err != nil {
		t.Fatal(err)
	}
	if r := find("det thanh dat may", true, store.EntrySearch{Type: "job"}); r.Total != 1 {
		t.Errorf("after renaming the company: %d jobs under its new name, want 1", r.Total)
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE jobs SET status = 'archived', archive_reason = 'filled' WHERE id = $1`, job.ID); err != nil {
		t.Fatal(err)
	}
	if r := find("cong nhan may", true, store.EntrySearch{}); r.Total != 0 {
		t.Errorf("an archived job is still found: %+v", r.Hits)
	}
}
