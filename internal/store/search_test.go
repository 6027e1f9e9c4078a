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

// TestSearchPhrasesAreWordsSideBySide: a phrase ("công nhân") is asked
// (a synonym's key) is asked as its word pairs (migration 00026), which
// must keep its meaning: the words next to each other and in order, not
// merely both somewhere ("Nhân viên công ty", "Nhân công"). Plain words
// match in any order, as on Meilisearch.
func TestSearchPhrasesAreWordsSideBySide(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	co := testenv.NewCompany(t, st, 2, "cantho", domain.StatusPublished)
	worker := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Công nhân đóng gói Quýt Vàng"})
	apart := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Nhân viên công ty Quýt Vàng"})
	reversed := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Nhân công đóng gói Quýt Vàng"})

	ids := func(q string) []int64 {
		t.Helper()
		res, err := st.SearchEntries(ctx, store.EntrySearch{TSQuery: search.TSQuery(q, true), RankQuery: search.RankTSQuery(q), Type: "job"})
		if err != nil {
			t.Fatalf("SearchEntries(%q) = %v", q, err)
		}
		var out []int64
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		if len(out) != res.Total {
			t.Fatalf("%q: %d hits on the page, total %d", q, len(out), res.Total)
		}
		return out
	}
	if got := ids("cong nhan quyt vang"); len(got) != 1 || got[0] != worker.ID {
		t.Errorf("cong nhan quyt vang = %v, want only the worker's job %d (not %d, %d)", got, worker.ID, apart.ID, reversed.ID)
	}
	if got := ids("dong goi quyt vang"); len(got) != 2 {
		t.Errorf("dong goi quyt vang = %v, want the two packing jobs", got)
	}
	if got := ids("quyt vang nhan vien"); len(got) != 1 || got[0] != apart.ID {
		t.Errorf("quyt vang nhan vien = %v, want %d", got, apart.ID)
	}
}
