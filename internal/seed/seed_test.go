package seed

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

var ctx = context.Background()

// count runs a count query.
func tableCounts(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"policies", "commitments", "companies", "jobs", "schools", "programs", "projects"} {
		out[table] = testenv.Count(t, st, `SELECT count(*) FROM `+table)
	}
	return out
}

// demo is the demo data set loaded at now, once, into a database that the
// read-only tests share.
func demo(t *testing.T) (*store.Store, time.Time) {
	t.Helper()
	type loaded struct {
		st  *store.Store
		now time.Time
	}
	l := testenv.Shared(t, "demo", func(t testing.TB) loaded {
		now := time.Now()
		st := testenv.SharedStore(t, "demo", func(t testing.TB, st *store.Store) {
			if _, err := Demo(ctx, st, now); err != nil {
				t.Fatal(err)
			}
		})
		return loaded{st, now}
	})
	return l.st, l.now
}

func TestDemoLoadsOnce(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	now := time.Now()

	loaded, err := Demo(ctx, st, now)
	if err != nil || !loaded {
		t.Fatalf("first Demo = %v, %v; want true, nil", loaded, err)
	}
	want := map[string]int{"policies": 12, "commitments": 7, "companies": 30, "jobs": 160, "schools": 14, "programs": 56, "projects": 10}
	got := tableCounts(t, st)
	for table, n := range want {
		if got[table] != n {
			t.Errorf("%s: %d rows, want %d", table, got[table], n)
		}
	}
	v, err := st.Meta(ctx, DemoMetaKey)
	if err != nil || v != now.Format(time.RFC3339) {
		t.Errorf("meta %s = %q, %v; want %q", DemoMetaKey, v, err, now.Format(time.RFC3339))
	}

	loaded, err = Demo(ctx, st, now.Add(time.Hour))
	if err != nil || loaded {
		t.Fatalf("second Demo = %v, %v; want false, nil", loaded, err)
	}
	if again := tableCounts(t, st); !equalCounts(again, got) {
		t.Errorf("second Demo changed the tables: %v, was %v", again, got)
	}
	if v2, _ := st.Meta(ctx, DemoMetaKey); v2 != v {
		t.Errorf("second Demo changed the meta to %q", v2)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestDemoConcurrentLoadsOnce(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	now := time.Now()
	var wg sync.WaitGroup
	results := make([]bool, 3)
	errs := make([]error, 3)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = Demo(ctx, st, now)
		}()
	}
	wg.Wait()
	loads := 0
	for i := range results {
		if errs[i] != nil {
			t.Errorf("Demo #%d: %v", i, errs[i])
		}
		if results[i] {
			loads++
		}
	}
	if loads != 1 {
		t.Errorf("%d concurrent Demo calls loaded the data, want exactly 1", loads)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM companies`); n != 30 {
		t.Errorf("%d companies after concurrent loads, want 30", n)
	}
}

// What the database holds is what build made: dates, relations, departments.
func TestDemoStoredAsBuilt(t *testing.T) {
	t.Parallel()
	st, now := demo(t)
	d := build(now)

	var rows []struct {
		ExternalID string     `db:"external_id"`
		Deadline   *string    `db:"deadline"`
		Department string     `db:"department_code"`
		Status     string     `db:"status"`
		Published  *time.Time `db:"published_at"`
		Company    string     `db:"company"`
	}
	if err := st.DB().SelectContext(ctx, &rows, `SELECT j.external_id, j.deadline::text AS deadline, j.department_code,
		j.status, j.published_at, c.external_id AS company
		FROM jobs j JOIN companies c ON c.id = j.company_id`); err != nil {
		t.Fatal(err)
	}
	byID := map[string]seedJob{}
	for _, j := range d.jobs {
		byID[j.ExternalID] = j
	}
	for _, r := range rows {
		j, ok := byID[r.ExternalID]
		if !ok {
			t.Errorf("unexpected job %s", r.ExternalID)
			continue
		}
		wantDeadline := ""
		if j.Deadline != nil {
			wantDeadline = j.Deadline.Format(time.DateOnly)
		}
		if got := deref(r.Deadline); got != wantDeadline {
			t.Errorf("%s: deadline %q, want %q", r.ExternalID, got, wantDeadline)
		}
		if r.Company != d.companies[j.company].ExternalID {
			t.Errorf("%s: company %s, want %s", r.ExternalID, r.Company, d.companies[j.company].ExternalID)
		}
		if r.Department != j.DepartmentCode || r.Status != string(j.Status) {
			t.Errorf("%s: %s/%s, want %s/%s", r.ExternalID, r.Department, r.Status, j.DepartmentCode, j.Status)
		}
		switch {
		case j.PublishedAt == nil && r.Published != nil:
			t.Errorf("%s: draft stored with published_at %s", r.ExternalID, r.Published)
		case j.PublishedAt != nil && (r.Published == nil || !r.Published.Equal(*j.PublishedAt)):
			t.Errorf("%s: published_at %v, want %s", r.ExternalID, r.Published, j.PublishedAt)
		}
	}

	var issued string
	if err := st.DB().GetContext(ctx, &issued, `SELECT issued_on::text FROM policies WHERE external_id = 'demo-program-2024'`); err != nil || issued != "2024-06-28" {
		t.Errorf("program issued_on = %q, %v", issued, err)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM commitments m JOIN policies p ON p.id = m.policy_id
		WHERE p.external_id = 'demo-program-2024'`); n != 7 {
		t.Errorf("%d commitments belong to the program, want 7", n)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM programs p JOIN schools s ON s.id = p.school_id
		WHERE p.city = s.city AND s.status = 'published'`); n != 56 {
		t.Errorf("%d programs in their published school's city, want 56", n)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM policies WHERE city IS NULL`); n != 3 {
		t.Errorf("%d policies of both cities, want 3", n)
	}
}

// The public lists hide the drafts and what they carry.
func TestDemoPublicLists(t *testing.T) {
	t.Parallel()
	st, now := demo(t)
	d := build(now)
	day := today(now)
	wantJobs := 0
	for _, j := range d.jobs {
		c := d.companies[j.company]
		if j.Status == domain.StatusPublished && c.Status == domain.StatusPublished && (j.Deadline == nil || !j.Deadline.Before(day)) {
			wantJobs++
		}
	}
	jobs, err := st.Jobs(ctx, store.JobFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if jobs.Total != wantJobs {
		t.Errorf("public jobs: %d, want %d", jobs.Total, wantJobs)
	}
	companies, err := st.Companies(ctx, store.CompanyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if companies.Total != 29 {
		t.Errorf("public companies: %d, want 29", companies.Total)
	}
	schools, err := st.Schools(ctx, store.SchoolFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if schools.Total != 13 {
		t.Errorf("public schools: %d, want 13", schools.Total)
	}
	programs, err := st.Programs(ctx, store.ProgramFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if programs.Total != 56 {
		t.Errorf("public programs: %d, want 56", programs.Total)
	}
	for _, city := range []string{"hcm", "cantho"} {
		policies, err := st.Policies(ctx, store.PolicyFilter{City: city})
		if err != nil {
			t.Fatal(err)
		}
		if policies.Total < 6 {
			t.Errorf("public policies for %s (with both): %d", city, policies.Total)
		}
	}
	commitments, err := st.Commitments(ctx, store.CommitmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if commitments.Total != 7 || commitments.Items[0].SortOrder != 1 {
		t.Errorf("public commitments: %d", commitments.Total)
	}
}

// A broken entry fails the load with an error that names it, and nothing is written.
func TestDemoInvalidEntry(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	now := time.Now()
	d := build(now)
	d.jobs[41].Positions = 0
	_, err := load(ctx, st, now, d)
	var fe domain.FieldErrors
	if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), "job demo-job-042") {
		t.Fatalf("load with a broken job = %v; want an error naming demo-job-042 that wraps FieldErrors", err)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM policies`); n != 0 {
		t.Errorf("%d policies written by a failed load", n)
	}
}

// A write the database refuses rolls the whole load back.
func TestDemoRollsBack(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	now := time.Now()
	d := build(now)
	d.companies[1].TaxCode = d.companies[0].TaxCode // valid, but not unique
	_, err := load(ctx, st, now, d)
	var ce *store.ConstraintError
	if err == nil || !errors.As(err, &ce) || !strings.Contains(err.Error(), "company demo-company-002") {
		t.Fatalf("load with a duplicate tax code = %v; want a ConstraintError naming demo-company-002", err)
	}
	for table, n := range tableCounts(t, st) {
		if n != 0 {
			t.Errorf("%s: %d rows left by a failed load", table, n)
		}
	}
	if _, err := st.Meta(ctx, DemoMetaKey); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("meta after a failed load: %v, want ErrNotFound", err)
	}
	// The next, correct load still works.
	if loaded, err := Demo(ctx, st, now); err != nil || !loaded {
		t.Errorf("Demo after a failed load = %v, %v", loaded, err)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
