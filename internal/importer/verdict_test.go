package importer_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// verdict is what a row got: its action and the columns blamed.
type verdict struct {
	action  importer.Action
	columns string
}

// TestDryRunVerdictEqualsImport is a property over random files mixing
// good rows with bad ones (NUL, invalid UTF-8, too long, bad codes,
// duplicates, the wrong city, a ward of the other city, children of
// refused parents): every row's verdict in the preview equals its verdict
// in the import, the preview leaves the database as it was, and the
// import leaves exactly the rows it reports.
func TestDryRunVerdictEqualsImport(t *testing.T) {
	t.Parallel()
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			st := testenv.Store(t)
			base := ""
			for k := range 3 {
				base += line(map[string]any{"type": "company", "external_id": fmt.Sprint("BASE-", k), "tax_code": testenv.TaxCode(t, 100+k*50),
					"name": fmt.Sprint("Công ty Gốc ", k), "industry": "C", "city": "cantho"})
			}
			if rep, err := importer.Import(ctx, st, strings.NewReader(base), importer.JSONL, importer.Options{}); err != nil || rep.Created != 3 {
				t.Fatalf("base import = %+v, %v", rep, err)
			}
			file, bad := corpus(t, seed)
			opts := importer.Options{AllowCity: func(c string) bool { return c == "cantho" }}
			before := snapshot(t, st)
			dry := verdicts(t, st, file, true, opts)
			if after := snapshot(t, st); after != before {
				t.Fatalf("the dry run changed the database:\n%s\nwant\n%s", after, before)
			}
			real := verdicts(t, st, file, false, opts)
			if len(dry) != len(real) {
				t.Fatalf("preview told %d rows, import %d", len(dry), len(real))
			}
			created := 0
			for line, v := range dry {
				if real[line] != v {
					t.Errorf("line %d: preview %v, import %v\n%s", line, v, real[line], strings.Split(file, "\n")[line-1])
				}
				if real[line].action == importer.Created {
					created++
				}
				if bad[line] && v.action != importer.Rejected {
					t.Errorf("line %d is bad but %v\n%s\n%s", line, v, strings.Split(file, "\n")[line-1], file)
				}
			}
			// Nothing half-written: the entries are the base ones plus
			// the rows reported created, and no refused row left a trace.
			if n := testenv.Count(t, st, `SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM jobs)`); n != 3+created {
				t.Errorf("companies + jobs = %d, want 3 + %d created", n, created)
			}
			if n := testenv.Count(t, st, `SELECT count(*) FROM companies WHERE name LIKE '%BAD%'`) + testenv.Count(t, st, `SELECT count(*) FROM jobs WHERE title LIKE '%BAD%'`); n != 0 {
				t.Errorf("%d refused rows were written", n)
			}
		})
	}
}

func line(m map[string]any) string {
	b, _ := json.Marshal(m)
	return string(b) + "\n"
}

// corpus is a JSON Lines file of companies and jobs drawn at random; bad
// marks the lines that must be refused.
func corpus(t *testing.T, seed uint64) (string, map[int]bool) {
	rng := rand.New(rand.NewPCG(seed, 42))
	var b strings.Builder
	bad := map[int]bool{}
	var goodTax, badTax, exts []string
	n := 0
	add := func(m map[string]any, isBad bool) {
		n++
		s := line(m)
		if raw, ok := m["raw"].(string); ok { // invalid UTF-8 goes in as raw bytes
			delete(m, "raw")
			s = strings.Replace(line(m), `"name":"`, `"name":"`+raw, 1)
		}
		b.WriteString(s)
		bad[n] = isBad
	}
	for i := range 40 {
		tax := testenv.TaxCode(t, int(seed)*10000+i*50)
		company := map[string]any{"type": "company", "external_id": fmt.Sprint("C-", i), "tax_code": tax,
			"name": fmt.Sprint("Công ty ", i), "industry": "Công nghiệp chế biến", "city": "Cần Thơ", "ward": "Ninh Kiều"}
		job := func(taxCode string) map[string]any {
			return map[string]any{"type": "job", "external_id": fmt.Sprint("J-", i), "company_tax_code": taxCode,
				"title": fmt.Sprint("Công nhân may ", i), "occupation": "Công nhân", "positions": "5", "wage_min": "8 triệu",
				"employment_type": "Toàn thời gian", "education": "Không yêu cầu", "deadline": "31/12/2030"}
		}
		isBad := true
		switch rng.IntN(12) {
		case 0:
			company["name"] = "Công ty BAD\x00 NUL"
		case 1:
			company["raw"] = "BAD \xff\xfe "
		case 2:
			company["name"] = "BAD " + strings.Repeat("x", 400)
		case 3:
			company["industry"] = "BAD"
		case 4:
			company["city"] = "Hà Nội"
			company["name"] = "BAD city"
		case 5:
			company["city"], company["ward"], company["name"] = "TP.HCM", "Tân Định", "BAD scope"
		case 6:
			company["ward"], company["name"] = "Tân Định", "BAD ward"
		case 7:
			if len(exts) > 0 {
				company["external_id"], company["name"] = exts[rng.IntN(len(exts))], "BAD duplicate"
				break
			}
			isBad = false
		case 8: // an update of a base company, changed or not
			k := rng.IntN(3)
			company["external_id"], company["tax_code"] = fmt.Sprint("BASE-", k), testenv.TaxCode(t, 100+k*50)
			company["name"] = []string{fmt.Sprint("Công ty Gốc ", k), fmt.Sprint("Công ty Gốc ", k, " (mới)")}[rng.IntN(2)]
			delete(company, "ward")
			company["industry"] = "C"
			isBad = false
		default:
			isBad = false
		}
		add(company, isBad)
		if isBad {
			badTax = append(badTax, tax)
		} else {
			goodTax = append(goodTax, company["tax_code"].(string))
			exts = append(exts, company["external_id"].(string))
		}
		switch r := rng.IntN(4); {
		case r == 0 && len(badTax) > 0: // the child of a refused company
			j := job(badTax[rng.IntN(len(badTax))])
			j["title"] = "BAD orphan"
			add(j, true)
		case r == 1 && len(goodTax) > 0:
			j := job(goodTax[rng.IntN(len(goodTax))])
			j["title"], j["deadline"] = "BAD date", "31/02/2030"
			add(j, true)
		case len(goodTax) > 0:
			add(job(goodTax[rng.IntN(len(goodTax))]), false)
		}
	}
	return b.String(), bad
}

func verdicts(t *testing.T, st *store.Store, file string, dryRun bool, opts importer.Options) map[int]verdict {
	t.Helper()
	out := map[int]verdict{}
	opts.DryRun = dryRun
	opts.OnRow = func(r importer.RowResult) {
		var cols []string
		for _, e := range r.Errors {
			cols = append(cols, e.Column)
		}
		slices.Sort(cols)
		out[r.Line] = verdict{r.Action, strings.Join(cols, ",")}
	}
	if _, err := importer.Import(ctx, st, strings.NewReader(file), importer.JSONL, opts); err != nil {
		t.Fatalf("import (dry run %v): %v", dryRun, err)
	}
	return out
}

// snapshot sums up what an import could change.
func snapshot(t *testing.T, st *store.Store) string {
	t.Helper()
	var s string
	if err := st.DB().GetContext(ctx, &s, `SELECT concat_ws('|',
		(SELECT count(*) FROM companies), (SELECT coalesce(sum(version), 0) FROM companies),
		(SELECT count(*) FROM jobs), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM search_outbox))`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestJobNamesItsCompanyByName: a job row may name its company by name
// (with or without diacritics) instead of its tax code; an unknown or
// shared name is the column's problem.
func TestJobNamesItsCompanyByName(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	file := line(map[string]any{"type": "company", "tax_code": testenv.TaxCode(t, 500), "name": "Công ty May Phú Thịnh", "industry": "C", "city": "hcm"}) +
		line(map[string]any{"type": "company", "tax_code": testenv.TaxCode(t, 600), "name": "Công ty Trùng Tên", "industry": "C", "city": "hcm"}) +
		line(map[string]any{"type": "company", "tax_code": testenv.TaxCode(t, 700), "name": "Công ty Trùng Tên", "industry": "C", "city": "hcm"})
	job := func(ext, company string) string {
		return line(map[string]any{"type": "job", "external_id": ext, "company_tax_code": company, "title": "Thợ may", "occupation": "7",
			"positions": "3", "employment_type": "full_time", "education": "none", "city": "hcm"})
	}
	file += job("J1", "Công ty May Phú Thịnh") + job("J2", "cong ty may phu thinh") + job("J3", "Công ty Không Có") + job("J4", "Công ty Trùng Tên")
	for _, dry := range []bool{true, false} {
		got := verdicts(t, st, file, dry, importer.Options{})
		want := map[int]verdict{4: {importer.Created, ""}, 5: {importer.Created, ""}, 6: {importer.Rejected, "company_tax_code"}, 7: {importer.Rejected, "company_tax_code"}}
		for l, w := range want {
			if got[l] != w {
				t.Errorf("dry run %v: line %d = %v, want %v", dry, l, got[l], w)
			}
		}
	}
}

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
	if err := st.Update(ctx, &job); err != nil {
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
