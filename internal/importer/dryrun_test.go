package importer_test

import (
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/testenv"
)

// TestDryRunAgreesWhenAnEntryMovesToANewParent: an existing job moved to a
// company the same file creates gets the same verdict in the preview
// (where that company exists only in the rolled-back transaction) as in
// the import.
func TestDryRunAgreesWhenAnEntryMovesToANewParent(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	old := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	job := testenv.NewJob(t, st, old, testenv.JobSpec{Title: "Thợ hàn"})
	job.ExternalID = "tin-han"
	if err := st.UpdateJob(ctx, &job); err != nil {
		t.Fatal(err)
	}
	newTax := testenv.TaxCode(t, 4242)
	data := strings.Join([]string{
		`{"type":"company","tax_code":"` + newTax + `","name":"Công ty mới","industry":"C","city":"hcm"}`,
		`{"type":"job","external_id":"tin-han","company_tax_code":"` + newTax + `","title":"Thợ hàn","occupation":"7","positions":"3","employment_type":"full_time","education":"none","city":"hcm"}`,
	}, "\n")
	verdicts := func(dryRun bool) []importer.Action {
		t.Helper()
		var got []importer.Action
		if _, err := importer.Import(ctx, st, strings.NewReader(data), importer.JSONL, importer.Options{
			DryRun: dryRun, OnRow: func(r importer.RowResult) { got = append(got, r.Action) },
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	preview, real := verdicts(true), verdicts(false)
	want := []importer.Action{importer.Created, importer.Updated}
	if strings.Join(actions(preview), ",") != strings.Join(actions(want), ",") || strings.Join(actions(real), ",") != strings.Join(actions(want), ",") {
		t.Errorf("verdicts: preview %v, import %v; want both %v", preview, real, want)
	}
}

func actions(a []importer.Action) []string {
	out := make([]string, len(a))
	for i, x := range a {
		out[i] = string(x)
	}
	return out
}
