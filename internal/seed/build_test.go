package seed

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

var testNow = time.Date(2026, time.November, 26, 8, 0, 0, 0, time.UTC)

// wardsByCode indexes the wards by their code.
func wardsByCode(wards []domain.Ward) map[string]domain.Ward {
	out := map[string]domain.Ward{}
	for _, w := range wards {
		out[w.Code] = w
	}
	return out
}

// checkWards: every ward is real and in its entry's city, and every address
// is the street part only (pages write the ward and city after it). fail
// is t.Errorf or t.Fatalf.
func checkWards(t *testing.T, fail func(format string, args ...any), wards map[string]domain.Ward, companies []domain.Company, jobs []seedJob, schools []domain.School) {
	t.Helper()
	check := func(what, city string, code *string, address string) {
		t.Helper()
		if code == nil {
			fail("%s: no ward", what)
			return
		}
		w, ok := wards[*code]
		switch {
		case !ok:
			fail("%s: ward %s is not in the admin units migration", what, *code)
		case w.CityCode != city:
			fail("%s: ward %s (%s) is in %s, entry in %s", what, *code, w.Name, w.CityCode, city)
		case address == "" || strings.Contains(address, w.Name) || strings.Contains(address, "TP. "):
			fail("%s: address %q should be the street part only (ward %s)", what, address, w.Name)
		}
	}
	for _, c := range companies {
		check(c.ExternalID, c.City, c.WardCode, c.Address)
	}
	for _, j := range jobs {
		check(j.ExternalID, j.City, j.WardCode, j.WorkAddress)
	}
	for _, s := range schools {
		check(s.ExternalID, s.City, s.WardCode, s.Address)
	}
}

func TestBuildIsValid(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	if err := d.validate(); err != nil {
		t.Fatal(err)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := build(testNow), build(testNow)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds with the same now differ")
	}
}

func TestCounts(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	byCity := func(cities []string) map[string]int {
		m := map[string]int{}
		for _, c := range cities {
			m[c]++
		}
		return m
	}
	var cc, sc, pc, jc []string
	for _, c := range d.companies {
		cc = append(cc, c.City)
	}
	for _, s := range d.schools {
		sc = append(sc, s.City)
	}
	for _, p := range d.projects {
		pc = append(pc, p.City)
	}
	for _, j := range d.jobs {
		jc = append(jc, j.City)
	}
	checks := []struct {
		what      string
		got, want int
	}{
		{"policies (with the program)", len(d.policies) + 1, 12},
		{"commitments", len(d.commitments), 7},
		{"companies", len(d.companies), 30},
		{"jobs", len(d.jobs), totalDemoJobs},
		{"schools", len(d.schools), 14},
		{"programs", len(d.programs), 56},
		{"projects", len(d.projects), 10},
		{"projects in hcm", byCity(pc)["hcm"], 5},
		{"projects in cantho", byCity(pc)["cantho"], 5},
		{"schools in hcm", byCity(sc)["hcm"], 7},
		{"schools in cantho", byCity(sc)["cantho"], 7},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
	for _, city := range []string{"hcm", "cantho"} {
		if n := byCity(cc)[city]; n < 13 {
			t.Errorf("companies in %s: %d, want at least 13", city, n)
		}
	}
	t.Logf("companies %v, jobs %v, schools %v, projects %v", byCity(cc), byCity(jc), byCity(sc), byCity(pc))
}

func TestTaxCodes(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	seen := map[string]bool{}
	branches := 0
	for i, c := range d.companies {
		if err := vn.ValidateTaxCode(c.TaxCode); err != nil {
			t.Errorf("%s %s: tax code %q: %v", c.ExternalID, c.Name, c.TaxCode, err)
		}
		if seen[c.TaxCode] {
			t.Errorf("%s: tax code %s used twice", c.ExternalID, c.TaxCode)
		}
		seen[c.TaxCode] = true
		spec := companySpecs[i]
		if spec.branchOf >= 0 {
			branches++
			parent := d.companies[spec.branchOf]
			if !strings.HasPrefix(c.TaxCode, parent.TaxCode+"-") || len(c.TaxCode) != 14 {
				t.Errorf("branch %s: tax code %s does not extend parent's %s", c.ExternalID, c.TaxCode, parent.TaxCode)
			}
			if parent.City != c.City {
				t.Errorf("branch %s is in %s, its parent in %s", c.ExternalID, c.City, parent.City)
			}
			continue
		}
		want := map[string]string{"hcm": "03", "cantho": "18"}[c.City]
		if !strings.HasPrefix(c.TaxCode, want) || len(c.TaxCode) != 10 {
			t.Errorf("%s in %s: tax code %s should be 10 digits starting with %s", c.ExternalID, c.City, c.TaxCode, want)
		}
	}
	if branches < 2 {
		t.Errorf("%d branches, want at least 2", branches)
	}
}

func TestWardsExistInTheirCity(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	checkWards(t, t.Errorf, wardsByCode(migrationWards(t)), d.companies, d.jobs, d.schools)
}

func TestRelations(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	perCompany := make([]int, len(d.companies))
	for _, j := range d.jobs {
		c := d.companies[j.company]
		perCompany[j.company]++
		if j.City != c.City {
			t.Errorf("%s: city %s, company %s is in %s", j.ExternalID, j.City, c.ExternalID, c.City)
		}
	}
	for i, n := range perCompany {
		if n < 2 || n > 10 {
			t.Errorf("%s has %d jobs, want 2–10", d.companies[i].ExternalID, n)
		}
	}
	for _, p := range d.programs {
		s := d.schools[p.school]
		if s.Status != domain.StatusPublished {
			t.Errorf("%s belongs to unpublished school %s", p.ExternalID, s.ExternalID)
		}
		if p.City != s.City {
			t.Errorf("%s: city %s, school in %s", p.ExternalID, p.City, s.City)
		}
		if p.PublishedAt != nil && p.PublishedAt.Before(*s.PublishedAt) {
			t.Errorf("%s published before its school", p.ExternalID)
		}
	}
}

// entry is what the department and status checks need of any entry.
type entry struct {
	kind, city string
	area       area
	meta       domain.Meta
}

func allEntries(d dataset) []entry {
	out := []entry{{"policy", d.program.City, fieldArea(d.program.Field), d.program.Meta}}
	for _, m := range d.commitments {
		out = append(out, entry{"commitment", m.Lead, areaLabour, m.Meta})
	}
	for _, p := range d.policies {
		out = append(out, entry{"policy", p.City, fieldArea(p.Field), p.Meta})
	}
	for _, c := range d.companies {
		out = append(out, entry{"company", c.City, areaLabour, c.Meta})
	}
	for _, j := range d.jobs {
		out = append(out, entry{"job", j.City, areaLabour, j.Meta})
	}
	for _, s := range d.schools {
		out = append(out, entry{"school", s.City, areaEducation, s.Meta})
	}
	for _, p := range d.programs {
		out = append(out, entry{"program", p.City, areaEducation, p.Meta})
	}
	for _, p := range d.projects {
		out = append(out, entry{"project", p.City, areaLabour, p.Meta})
	}
	return out
}

func TestStatusesAndDepartments(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	known := map[string]bool{}
	for _, c := range []string{"hcm", "cantho"} {
		for _, s := range []string{"soldtbxh", "sonv", "sogddt", "soyt"} {
			known[c+"-"+s] = true
		}
	}
	earliest := time.Date(2024, time.June, 28, 0, 0, 0, 0, vn.DateLocation)
	drafts := map[string]int{}
	ids := map[string]bool{}
	eras := map[bool]int{}
	for _, e := range allEntries(d) {
		m := e.meta
		key := e.kind + " " + m.ExternalID
		if !strings.HasPrefix(m.ExternalID, "demo-") || ids[key] {
			t.Errorf("%s: external id missing, not demo- or used twice", key)
		}
		ids[key] = true
		if !known[m.DepartmentCode] {
			t.Errorf("%s: unknown department %q", key, m.DepartmentCode)
		}
		city := e.city
		if city == domain.Both {
			city = "hcm"
		}
		if !strings.HasPrefix(m.DepartmentCode, city+"-") {
			t.Errorf("%s in %s published by %s", key, e.city, m.DepartmentCode)
		}
		switch m.Status {
		case domain.StatusDraft:
			drafts[e.kind]++
			if m.PublishedAt != nil {
				t.Errorf("%s: draft with a publishing date", key)
			}
		case domain.StatusPublished:
			if m.PublishedAt == nil {
				t.Errorf("%s: published without a date", key)
				continue
			}
			p := *m.PublishedAt
			if p.After(testNow) || p.Before(earliest) {
				t.Errorf("%s: published %s, outside 28/6/2024..now", key, p)
			}
			old := p.Before(reorganisation)
			eras[old]++
			if want := department(e.city, e.area, p); m.DepartmentCode != want {
				t.Errorf("%s published %s by %s, want %s", key, p.Format(time.DateOnly), m.DepartmentCode, want)
			}
			if old != strings.HasSuffix(m.DepartmentCode, "-soldtbxh") {
				t.Errorf("%s published %s by %s: wrong era", key, p.Format(time.DateOnly), m.DepartmentCode)
			}
		default:
			t.Errorf("%s: status %q", key, m.Status)
		}
	}
	want := map[string]int{"job": 2, "company": 1, "school": 1}
	if !reflect.DeepEqual(drafts, want) {
		t.Errorf("drafts %v, want %v", drafts, want)
	}
	if eras[true] == 0 || eras[false] == 0 {
		t.Errorf("entries before/after 1/3/2025: %d/%d, want both eras", eras[true], eras[false])
	}
	if d.program.DepartmentCode != "hcm-soldtbxh" {
		t.Errorf("program published by %s", d.program.DepartmentCode)
	}
}

func TestJobs(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	day := today(testNow)
	var past, open, noWage, priority int
	for _, j := range d.jobs {
		if j.Deadline != nil {
			days := int(j.Deadline.Sub(day).Hours() / 24)
			switch {
			case days < 0:
				past++
				if days < -60 {
					t.Errorf("%s: deadline %d days ago", j.ExternalID, -days)
				}
			case days < 2 || days > 90:
				t.Errorf("%s: deadline in %d days, want 2–90", j.ExternalID, days)
			}
			if j.PublishedAt != nil && j.PublishedAt.After(j.Deadline.Add(24*time.Hour)) {
				t.Errorf("%s: published after its deadline", j.ExternalID)
			}
		} else {
			open++
		}
		if j.WageMin == nil && j.WageMax == nil {
			noWage++
		}
		if j.WageMin != nil && j.WageMax != nil && *j.WageMin > *j.WageMax {
			t.Errorf("%s: wage %d > %d", j.ExternalID, *j.WageMin, *j.WageMax)
		}
		if len(j.PriorityGroups) > 0 {
			priority++
		}
		if !regexp.MustCompile(`^[0-9]$`).MatchString(j.OccupationCode) {
			t.Errorf("%s: occupation %q", j.ExternalID, j.OccupationCode)
		}
		if j.Positions < 1 || j.Positions > 300 {
			t.Errorf("%s: %d positions", j.ExternalID, j.Positions)
		}
		if j.ExperienceYears > 5 {
			t.Errorf("%s: %d years of experience", j.ExternalID, j.ExperienceYears)
		}
	}
	if past != jobsPast {
		t.Errorf("%d jobs past their deadline, want %d", past, jobsPast)
	}
	if noWage != jobsNoWage {
		t.Errorf("%d jobs without a wage, want %d", noWage, jobsNoWage)
	}
	if priority != jobsPriority {
		t.Errorf("%d jobs with priority groups, want %d", priority, jobsPriority)
	}
	t.Logf("past %d, no deadline %d, no wage %d, priority groups %d", past, open, noWage, priority)
}

func TestProgramAndPolicies(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	p := d.program
	if p.ExternalID != "demo-program-2024" || p.Kind != "program" || p.City != domain.Both ||
		p.IssuedOn.Format(time.DateOnly) != "2024-06-28" || p.EffectiveTo.Format(time.DateOnly) != "2025-12-31" {
		t.Errorf("program: %+v", p.Meta)
	}
	for _, h := range []string{"## Mục đích", "## Nguyên tắc hợp tác", "## Nội dung hợp tác", "## Tổ chức thực hiện"} {
		if !strings.Contains(p.Body, h) {
			t.Errorf("program body lacks %q", h)
		}
	}
	checkCommitments(t, d.commitments)
	kinds, fields := map[string]bool{}, map[string]bool{}
	for _, pol := range d.policies {
		kinds[pol.Kind] = true
		fields[pol.Field] = true
		if !strings.HasPrefix(pol.SourceURL, "https://") {
			t.Errorf("%s: source %q", pol.ExternalID, pol.SourceURL)
		}
	}
	if len(kinds) != 3 || len(fields) != len(domain.PolicyFields) {
		t.Errorf("policy kinds %v, fields %v", kinds, fields)
	}
}

// checkCommitments: the program's tasks are in order, each with one to
// five dated ledger lines whose evidence is a marked example with a source.
func checkCommitments(t *testing.T, commitments []domain.Commitment) {
	t.Helper()
	progress := map[string]bool{}
	for i, m := range commitments {
		if m.SortOrder != i+1 {
			t.Errorf("%s: sort order %d", m.ExternalID, m.SortOrder)
		}
		progress[m.Progress] = true
		if len(m.Updates) < 1 || len(m.Updates) > 5 {
			t.Errorf("%s: %d ledger lines", m.ExternalID, len(m.Updates))
		}
		for _, u := range m.Updates {
			checkLedgerUpdate(t, m.ExternalID, u)
		}
	}
	// Every stated progress but "not started": at the demo's dates every
	// task has begun (one was carried over to the next program).
	if len(progress) != len(domain.Progresses)-1 || progress["not_started"] {
		t.Errorf("progress values used: %v", progress)
	}
	if kinds := ledgerKinds(commitments[2].Updates); !kinds["so_ket"] {
		t.Errorf("commitment 3 has no sơ kết: %v", kinds)
	}
}

func checkLedgerUpdate(t *testing.T, commitment string, u domain.LedgerUpdate) {
	t.Helper()
	if u.Date.IsZero() {
		t.Errorf("%s: update without a date", commitment)
	}
	for _, e := range u.Evidence {
		if !strings.HasPrefix(e.URL, "https://") || !e.Example || e.Source == "" {
			t.Errorf("%s: evidence %+v is not a marked example with a source", commitment, e)
		}
	}
}

func TestSchoolsAndProjects(t *testing.T) {
	t.Parallel()
	d := build(testNow)
	seeking := 0
	for _, s := range d.schools {
		if s.SeeksPartners {
			seeking++
		}
	}
	if seeking < 4 || seeking > 6 {
		t.Errorf("%d schools seek partners, want about 5", seeking)
	}
	for _, p := range d.programs {
		m := *p.DurationMonths
		ok := map[string]bool{"so_cap": m >= 3 && m <= 6, "trung_cap": m >= 12 && m <= 24, "cao_dang": m >= 24 && m <= 36}[p.Level]
		if !ok {
			t.Errorf("%s: %s of %d months", p.ExternalID, p.Level, m)
		}
		if *p.TuitionVND > 25_000_000 || *p.Quota < 20 || *p.Quota > 300 || p.Support == "" {
			t.Errorf("%s: tuition %d, quota %d, support %q", p.ExternalID, *p.TuitionVND, *p.Quota, p.Support)
		}
	}
	stages := map[string]int{}
	for _, p := range d.projects {
		stages[p.Stage]++
	}
	if stages["seeking_partners"] < 4 || len(stages) < 3 {
		t.Errorf("project stages %v", stages)
	}
}

// An earlier now keeps every publishing date and progress note out of the future.
func TestEarlierNow(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)
	d := build(now)
	if err := d.validate(); err != nil {
		t.Fatal(err)
	}
	for _, e := range allEntries(d) {
		if e.meta.PublishedAt != nil && e.meta.PublishedAt.After(now) {
			t.Errorf("%s %s published %s, after now", e.kind, e.meta.ExternalID, e.meta.PublishedAt)
		}
	}
	for _, m := range d.commitments {
		for _, u := range m.Updates {
			if u.Date.After(now) {
				t.Errorf("%s: update of %s is after now", m.ExternalID, u.Date)
			}
		}
	}
}

func ledgerKinds(us []domain.LedgerUpdate) map[string]bool {
	out := map[string]bool{}
	for _, u := range us {
		out[u.Kind] = true
	}
	return out
}
