package store_test

import (
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestAdminList: one query lists any table for the back office, every
// status unless asked, filtered by city, words and update time, with the
// counts per status.
func TestAdminList(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	draft := testenv.NewCompany(t, st, 1, "cantho", domain.StatusDraft)
	pub := testenv.NewCompany(t, st, 2, "cantho", domain.StatusPublished)
	testenv.NewCompany(t, st, 3, "hcm", domain.StatusPublished)
	testenv.NewJob(t, st, pub, testenv.JobSpec{Title: "Thợ hàn điện"})
	for _, tb := range store.EntryTables() {
		if _, err := st.AdminList(ctx, tb, store.AdminFilter{}); err != nil {
			t.Errorf("AdminList(%s) = %v", tb, err)
		}
	}
	names := func(f store.AdminFilter) []string {
		t.Helper()
		l, err := st.AdminList(ctx, store.Companies, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range l.Items {
			out = append(out, r.Key)
		}
		return out
	}
	if got := names(store.AdminFilter{City: "cantho"}); len(got) != 2 {
		t.Errorf("Cần Thơ companies of any status = %v, want 2", got)
	}
	if got := names(store.AdminFilter{City: "cantho", Status: "draft"}); len(got) != 1 || got[0] != draft.TaxCode {
		t.Errorf("drafts = %v, want %s", got, draft.TaxCode)
	}
	if got := names(store.AdminFilter{Q: draft.TaxCode + " khong-co"}); len(got) != 0 {
		t.Errorf("search with a word found nowhere = %v, want none", got)
	}
	if got := names(store.AdminFilter{Q: draft.TaxCode}); len(got) != 1 {
		t.Errorf("search by tax code = %v, want 1", got)
	}
	future := time.Now().Add(time.Hour)
	if got := names(store.AdminFilter{Since: &future}); len(got) != 0 {
		t.Errorf("updated since an hour ahead = %v, want none", got)
	}
	counts, err := st.StatusCounts(ctx, store.Companies, store.AdminFilter{City: "cantho", Status: "draft"})
	if err != nil || counts[domain.StatusDraft] != 1 || counts[domain.StatusPublished] != 1 {
		t.Errorf("StatusCounts = %v, %v; want 1 draft, 1 published", counts, err)
	}
	jobs, err := st.AdminList(ctx, store.Jobs, store.AdminFilter{Q: "han dien"})
	if err != nil || jobs.Total != 1 || jobs.Items[0].Title != "Thợ hàn điện" {
		t.Errorf("jobs by words without diacritics = %+v, %v", jobs, err)
	}
}
