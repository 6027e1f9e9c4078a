package web_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/lib/pq"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
)

// statsWorld is a random set of entries of both cities, some not public
// (drafts, archived, of an unpublished parent, past their deadline), and
// what /thong-ke should say of them, computed here from the rows.
type statsWorld struct {
	cities []string
	want   map[string]map[string]map[string][]int64 // chart → key → city → measures
	ledger []domain.Commitment
}

func (w *statsWorld) add(chart, key, city string, vals ...int64) {
	if w.want[chart] == nil {
		w.want[chart] = map[string]map[string][]int64{}
	}
	if w.want[chart][key] == nil {
		w.want[chart][key] = map[string][]int64{}
	}
	cur := w.want[chart][key][city]
	if cur == nil {
		cur = make([]int64, len(vals))
	}
	for i, v := range vals {
		cur[i] += v
	}
	w.want[chart][key][city] = cur
}

func (w *statsWorld) set(chart, key, city string, vals ...int64) {
	w.add(chart, key, city, make([]int64, len(vals))...)
	copy(w.want[chart][key][city], vals)
}

func archive(t *testing.T, st *store.Store, table store.Table, id int64, version int) {
	t.Helper()
	if _, err := st.SetStatus(ctx, table, id, version, domain.StatusArchived, "Thử nghiệm"); err != nil {
		t.Fatal(err)
	}
}

func pickStatus(r *rand.Rand) domain.Status {
	switch r.IntN(6) {
	case 0:
		return domain.StatusDraft
	case 1:
		return domain.StatusArchived
	}
	return domain.StatusPublished
}

// statsDates are the days the fixture is built around: jobs published
// before firstMonth fall out of the monthly chart, deadlines before today
// are expired.
type statsDates struct {
	now, today, firstMonth time.Time
}

func newStatsDates() statsDates {
	now := time.Now().In(vn.DateLocation)
	return statsDates{
		now:        now,
		today:      time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC),
		firstMonth: time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -11, 0),
	}
}

// createAs writes an entry that should end up with status: a draft is
// created as one, an archived entry is created published and archived.
func createAs(t *testing.T, st *store.Store, table store.Table, status domain.Status, m *domain.Meta, create func() error) {
	t.Helper()
	if status == domain.StatusDraft {
		m.Status = domain.StatusDraft
	}
	must(t, create())
	if status == domain.StatusArchived {
		archive(t, st, table, m.ID, m.Version)
	}
}

// statsCompany is a company of the fixture and whether its jobs are public.
type statsCompany struct {
	c      domain.Company
	public bool
}

// statsSchool is a school of the fixture and whether its programs are public.
type statsSchool struct {
	s      domain.School
	public bool
}

func buildStatsWorld(t *testing.T, st *store.Store) *statsWorld {
	t.Helper()
	r := rand.New(rand.NewPCG(11, 2024))
	w := &statsWorld{cities: []string{"hcm", "cantho"}, want: map[string]map[string]map[string][]int64{}}
	d := newStatsDates()
	companies := w.companies(t, st)
	w.jobs(t, st, r, d, companies)
	schools := w.schools(t, st, r)
	w.programs(t, st, r, schools)
	w.projects(t, st, r)
	w.commitments(t, st, d)
	return w
}

// companies: six published, one draft and one archived.
func (w *statsWorld) companies(t *testing.T, st *store.Store) []statsCompany {
	t.Helper()
	var companies []statsCompany
	for i, industry := range []string{"C", "F", "G", "C", "H", "C", "F", "G"} {
		city := w.cities[i%2]
		status := domain.StatusPublished
		if i >= 6 {
			status = []domain.Status{domain.StatusDraft, domain.StatusArchived}[i-6]
		}
		c := domain.Company{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: city + "-sonv"}, TaxCode: testenv.TaxCode(t, (70+i)*1000),
			Name: fmt.Sprintf("Công ty Thống kê %d", i), IndustryCode: industry, City: city}
		createAs(t, st, store.Companies, status, &c.Meta, func() error { return st.Create(ctx, &c) })
		companies = append(companies, statsCompany{c, status == domain.StatusPublished})
	}
	return companies
}

var (
	statsOccupations = []string{"2", "3", "7", "8", "9"}
	statsEducations  = []string{"none", "upper_secondary", "trung_cap", "cao_dang", "university"}
	statsGroups      = []string{"meritorious", "disabled", "veteran", "poor_household"}
)

func (w *statsWorld) jobs(t *testing.T, st *store.Store, r *rand.Rand, d statsDates, companies []statsCompany) {
	t.Helper()
	companyTotals := map[int64][2]int64{}
	for i := range 60 {
		cc := companies[r.IntN(len(companies))]
		status := pickStatus(r)
		j := randomStatsJob(r, d, cc.c, i)
		published := *j.PublishedAt
		if status == domain.StatusDraft {
			j.PublishedAt = nil
		}
		createAs(t, st, store.Jobs, status, &j.Meta, func() error { return st.Create(ctx, &j) })
		if status != domain.StatusPublished || !cc.public || !w.countJob(d, cc.c, j, published) {
			continue
		}
		tot := companyTotals[cc.c.ID]
		companyTotals[cc.c.ID] = [2]int64{tot[0] + 1, tot[1] + int64(j.Positions)}
	}
	for _, cc := range companies { // fewer than ten per city: every hiring company is listed
		if tot, ok := companyTotals[cc.c.ID]; ok {
			w.set("jobs_company", strconv.FormatInt(cc.c.ID, 10), cc.c.City, tot[0], tot[1])
		}
	}
}

func randomStatsJob(r *rand.Rand, d statsDates, c domain.Company, i int) domain.Job {
	j := domain.Job{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: c.City + "-sonv"}, CompanyID: c.ID,
		Title: fmt.Sprintf("Việc thống kê %d", i), OccupationCode: statsOccupations[r.IntN(len(statsOccupations))], Positions: 1 + r.IntN(30),
		EmploymentType: "full_time", Education: statsEducations[r.IntN(len(statsEducations))], City: c.City, PriorityGroups: pq.StringArray{}}
	published := d.now.Add(-time.Duration(r.IntN(400*24)) * time.Hour)
	j.PublishedAt = &published
	if r.IntN(4) > 0 {
		wage := int64(3+r.IntN(25)) * 1_000_000
		j.WageMin = &wage
	}
	switch r.IntN(4) {
	case 0:
		j.Deadline = testenv.Ptr(d.today.AddDate(0, 0, -1-r.IntN(30)))
	case 1:
		j.Deadline = testenv.Ptr(d.today) // still open today
	case 2:
		j.Deadline = testenv.Ptr(d.today.AddDate(0, 0, 1+r.IntN(60)))
	}
	for _, g := range statsGroups {
		if r.IntN(4) == 0 {
			j.PriorityGroups = append(j.PriorityGroups, g)
		}
	}
	return j
}

// countJob adds a public job to the charts and says whether it is still
// open (only open jobs count beyond the monthly chart).
func (w *statsWorld) countJob(d statsDates, c domain.Company, j domain.Job, published time.Time) bool {
	pos := int64(j.Positions)
	if month := time.Date(published.Year(), published.Month(), 1, 0, 0, 0, 0, time.UTC); !month.Before(d.firstMonth) {
		w.add("jobs_month", published.In(vn.DateLocation).Format("2006-01"), j.City, 1, pos)
	}
	if j.Deadline != nil && j.Deadline.Before(d.today) {
		return false // expired: counted as a new post of its month only
	}
	w.add("jobs_vsco", j.OccupationCode, j.City, 1, pos)
	w.add("jobs_vsic", c.IndustryCode, j.City, 1, pos)
	w.add("jobs_education", j.Education, j.City, 1, pos)
	w.add("jobs_wage", wageBand(j.WageMin), j.City, 1, pos)
	for _, g := range j.PriorityGroups {
		w.add("jobs_priority", g, j.City, 1, pos)
	}
	return true
}

// wageBand is the band of the wage chart a minimum wage falls in.
func wageBand(wageMin *int64) string {
	if wageMin == nil {
		return "f"
	}
	switch m := *wageMin; {
	case m < 5_000_000:
		return "a"
	case m < 8_000_000:
		return "b"
	case m < 12_000_000:
		return "c"
	case m < 20_000_000:
		return "d"
	}
	return "e"
}

func (w *statsWorld) schools(t *testing.T, st *store.Store, r *rand.Rand) []statsSchool {
	t.Helper()
	kinds := []string{"cao_dang", "trung_cap", "trung_tam", "other"}
	owners := []string{"public", "private", "foreign"}
	var schools []statsSchool
	for i := range 12 {
		city := w.cities[i%2]
		status := pickStatus(r)
		s := domain.School{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: city + "-sogddt"}, Code: fmt.Sprintf("TK%02d", i),
			Name: fmt.Sprintf("Trường Thống kê %d", i), Kind: kinds[r.IntN(len(kinds))], Ownership: owners[r.IntN(len(owners))], City: city}
		createAs(t, st, store.Schools, status, &s.Meta, func() error { return st.Create(ctx, &s) })
		public := status == domain.StatusPublished
		schools = append(schools, statsSchool{s, public})
		if public {
			w.add("schools_kind", s.Kind, city, 1)
			w.add("schools_ownership", s.Ownership, city, 1)
		}
	}
	return schools
}

func (w *statsWorld) programs(t *testing.T, st *store.Store, r *rand.Rand, schools []statsSchool) {
	t.Helper()
	levels := []string{"so_cap", "trung_cap", "cao_dang"}
	tuition := map[string][2]int64{} // city/level → count, sum
	for i := range 40 {
		sc := schools[r.IntN(len(schools))]
		status := pickStatus(r)
		p := domain.Program{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: sc.s.City + "-sogddt"}, SchoolID: sc.s.ID,
			Name: fmt.Sprintf("Ngành thống kê %d", i), Level: levels[r.IntN(len(levels))], Mode: "full_time", Quota: testenv.Ptr(5 * r.IntN(20))}
		if r.IntN(3) > 0 {
			p.TuitionVND = testenv.Ptr(int64(1+r.IntN(9)) * 1_000_000)
		}
		if r.IntN(2) == 0 {
			p.Support = "Miễn học phí cho người có công"
		}
		createAs(t, st, store.Programs, status, &p.Meta, func() error { return st.Create(ctx, &p) })
		if status != domain.StatusPublished || !sc.public {
			continue
		}
		city := sc.s.City
		w.add("programs_level", p.Level, city, 1, int64(*p.Quota))
		support := int64(0)
		if p.Support != "" {
			support = 1
		}
		w.add("programs_support", p.Level, city, support, 1)
		if p.TuitionVND != nil {
			tt := tuition[city+"/"+p.Level]
			tuition[city+"/"+p.Level] = [2]int64{tt[0] + 1, tt[1] + *p.TuitionVND}
		}
	}
	for key, tt := range tuition {
		city, level, _ := strings.Cut(key, "/")
		// half up, as PostgreSQL's round(numeric) does
		w.set("programs_tuition", level, city, tt[0], (2*tt[1]+tt[0])/(2*tt[0]))
	}
}

func (w *statsWorld) projects(t *testing.T, st *store.Store, r *rand.Rand) {
	t.Helper()
	stages := []string{"proposed", "seeking_partners", "ongoing", "completed"}
	for i := range 14 {
		city := w.cities[i%2]
		status := pickStatus(r)
		p := domain.Project{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: city + "-sonv"}, Title: fmt.Sprintf("Dự án thống kê %d", i),
			Kind: "training", City: city, Stage: stages[r.IntN(len(stages))]}
		if r.IntN(3) > 0 {
			p.BudgetVND = testenv.Ptr(int64(1+r.IntN(50)) * 100_000_000)
		}
		createAs(t, st, store.Projects, status, &p.Meta, func() error { return st.Create(ctx, &p) })
		if status == domain.StatusPublished {
			budget := int64(0)
			if p.BudgetVND != nil {
				budget = *p.BudgetVND
			}
			w.add("projects_stage", p.Stage, city, 1, budget)
		}
	}
}

// commitments writes the ledger: seven public commitments (3 done, 3
// overdue, 1 not started), one draft and one of a draft program, which
// count nowhere.
func (w *statsWorld) commitments(t *testing.T, st *store.Store, d statsDates) {
	t.Helper()
	program := testenv.NewPolicy(t, st, "program")
	draftProgram := domain.Policy{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "hcm-sonv"}, Title: "Chương trình nháp", Kind: "program", Field: "employment", City: domain.Both}
	must(t, st.Create(ctx, &draftProgram))
	past, future := testenv.Ptr(d.today.AddDate(0, -2, 0)), testenv.Ptr(d.today.AddDate(1, 0, 0))
	for i, spec := range []struct {
		lead, progress string
		due            *time.Time
	}{{"hcm", "done", past}, {"cantho", "done", nil}, {domain.Both, "done", future}, {"hcm", "in_progress", past},
		{"cantho", "delayed", past}, {domain.Both, "not_started", past}, {"cantho", "not_started", future}} {
		m := domain.Commitment{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, PolicyID: program.ID,
			Title: fmt.Sprintf("Nhiệm vụ %d", i+1), Lead: spec.lead, Progress: spec.progress, DueOn: spec.due, SortOrder: i}
		must(t, st.Create(ctx, &m))
		w.ledger = append(w.ledger, m)
	}
	for _, m := range []domain.Commitment{
		{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "hcm-sonv"}, PolicyID: program.ID, Title: "Nháp", Lead: "hcm", Progress: "done"},
		{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, PolicyID: draftProgram.ID, Title: "Của chương trình nháp", Lead: "hcm", Progress: "done"},
	} {
		must(t, st.Create(ctx, &m))
	}
}

var statsCharts = []string{"jobs_vsco", "jobs_vsic", "jobs_education", "jobs_wage", "jobs_company", "jobs_month", "jobs_priority",
	"schools_kind", "schools_ownership", "programs_level", "programs_tuition", "programs_support", "projects_stage", "ledger"}

// readCSV reads a chart's CSV as key → column → measures.
func readCSV(t *testing.T, body string, columns, measures int) map[string][][]int64 {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) == 0 || len(recs[0]) != 2+columns*measures {
		t.Fatalf("CSV = %v, %d columns; want %d", err, len(recs[0]), 2+columns*measures)
	}
	out := map[string][][]int64{}
	for _, rec := range recs[1:] {
		vals := make([][]int64, columns)
		for c := range columns {
			for m := range measures {
				n, err := strconv.ParseInt(rec[2+c*measures+m], 10, 64)
				if err != nil {
					t.Fatalf("CSV cell %q: %v", rec[2+c*measures+m], err)
				}
				vals[c] = append(vals[c], n)
			}
		}
		out[rec[0]] = vals
	}
	return out
}

// TestEveryStatsFigureIsCountedFromTheRows: each /thong-ke chart's CSV
// (the same table the page shows) equals what this test counts from the
// rows it wrote; drafts, archived entries, entries of an unpublished
// parent and expired jobs count nowhere; every chart has an SVG, a table
// and a CSV link; the ledger's figures agree with /hop-tac and with the
// one summary function.
func TestEveryStatsFigureIsCountedFromTheRows(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	w := buildStatsWorld(t, st)
	app := newApp(t, st)

	page := getOK(t, app, "/thong-ke")
	checkChartSections(t, page.body)
	for _, unwanted := range []string{"Công ty Thống kê 6", "Công ty Thống kê 7"} { // draft and archived companies
		if strings.Contains(page.body, unwanted) {
			t.Errorf("/thong-ke names %q", unwanted)
		}
	}
	for _, id := range statsCharts[:len(statsCharts)-1] {
		checkChartCSV(t, app, w, id)
	}
	checkLedgerFigures(t, app, w, page.body)
}

// checkChartSections: every chart has an SVG, a table and a CSV link.
func checkChartSections(t *testing.T, page string) {
	t.Helper()
	for _, id := range statsCharts {
		sec := regexp.MustCompile(`(?s)<section class="chart" id="` + id + `".*?</section>`).FindString(page)
		for _, part := range []string{"<svg", "<title", "<figcaption>", "<table>", `href="/thong-ke/` + id + `.csv"`, "<th scope=\"row\">"} {
			if !strings.Contains(sec, part) {
				t.Errorf("chart %s lacks %s", id, part)
			}
		}
	}
}

// checkChartCSV: the CSV of chart id holds what the fixture counted, and
// nothing more.
func checkChartCSV(t *testing.T, app *fiber.App, w *statsWorld, id string) {
	t.Helper()
	resp := getOK(t, app, "/thong-ke/"+id+".csv")
	measures := 2
	if strings.HasPrefix(id, "schools_") {
		measures = 1
	}
	got := readCSV(t, resp.body, len(w.cities), measures)
	want := w.want[id]
	if len(want) < 2 {
		t.Fatalf("the fixture gives chart %s only %d categories", id, len(want))
	}
	zero := fmt.Sprint(make([]int64, measures))
	for key, byCity := range want {
		for ci, city := range w.cities {
			wv := byCity[city]
			if wv == nil {
				wv = make([]int64, measures)
			}
			if g := got[key]; g == nil || fmt.Sprint(g[ci]) != fmt.Sprint(wv) {
				t.Errorf("%s %s %s = %v, want %v", id, key, city, g, wv)
			}
		}
	}
	for key, vals := range got { // nothing counted that the rows do not have
		for ci, city := range w.cities {
			if fmt.Sprint(vals[ci]) != zero && want[key][city] == nil {
				t.Errorf("%s %s %s = %v, want nothing", id, key, city, vals[ci])
			}
		}
	}
}

// checkLedgerFigures: the ledger's figures on /thong-ke, /hop-tac and the
// API agree with the one summary function.
func checkLedgerFigures(t *testing.T, app *fiber.App, w *statsWorld, page string) {
	t.Helper()
	summary := domain.Summarize(w.ledger, time.Now().In(vn.DateLocation))
	if summary.Total != 7 || summary.Count("done") != 3 || summary.Of("done").Percent != 43 || summary.Count(domain.StatusOverdue) != 3 {
		t.Fatalf("fixture summary = %+v", summary)
	}
	ledgerCSV := readCSV(t, get(t, app, "/thong-ke/ledger.csv").body, 2+len(w.cities), 2)
	coop := get(t, app, "/hop-tac")
	for _, sh := range summary.ByStatus {
		if got := ledgerCSV[sh.Code][0]; got[0] != int64(sh.Count) || got[1] != int64(sh.Percent) {
			t.Errorf("/thong-ke ledger %s = %v, want %d (%d%%)", sh.Code, got, sh.Count, sh.Percent)
		}
		cell := fmt.Sprintf("<dt>%s</dt><dd>%d/%d (%d%%)</dd>", sh.Label, sh.Count, summary.Total, sh.Percent)
		if !strings.Contains(coop.body, cell) {
			t.Errorf("/hop-tac lacks %s", cell)
		}
	}
	api := get(t, app, "/api/v1/ledger/summary")
	var fromAPI struct{ Summary domain.LedgerSummary }
	if err := json.Unmarshal([]byte(api.body), &fromAPI); err != nil || fmt.Sprint(fromAPI.Summary) != fmt.Sprint(summary) {
		t.Errorf("API summary = %+v, %v; want %+v", fromAPI.Summary, err, summary)
	}
	if !strings.Contains(coop.body, "3/7 nhiệm vụ đã hoàn thành (43%)") || !strings.Contains(page, "3/7 nhiệm vụ đã hoàn thành (43%)") {
		t.Error("/hop-tac and /thong-ke do not both say 3/7 (43%)")
	}
}
