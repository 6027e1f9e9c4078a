package store_test

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lib/pq"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

var ctx = context.Background()

var equalTimes = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

func TestMigrationsApplyAndRollBack(t *testing.T) {
	t.Parallel()
	st, err := store.Open(ctx, testenv.EmptyDatabaseURL(t), store.Options{MaxOpenConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.Migrate(ctx)
	if err != nil || n == 0 {
		t.Fatalf("Migrate() = %d, %v; want >0 applied", n, err)
	}
	var wards, hcm, cantho int
	if err := st.DB().Get(&wards, `SELECT count(*) FROM wards`); err != nil {
		t.Fatal(err)
	}
	_ = st.DB().Get(&hcm, `SELECT count(*) FROM wards WHERE city_code = 'hcm'`)
	_ = st.DB().Get(&cantho, `SELECT count(*) FROM wards WHERE city_code = 'cantho'`)
	if wards != 271 || hcm != 168 || cantho != 103 {
		t.Errorf("wards = %d (hcm %d, cantho %d), want 271 (168, 103)", wards, hcm, cantho)
	}
	if pending, err := st.PendingMigrations(ctx); err != nil || pending != 0 {
		t.Errorf("PendingMigrations() = %d, %v; want 0", pending, err)
	}
	if n, err := st.Migrate(ctx); err != nil || n != 0 {
		t.Errorf("second Migrate() = %d, %v; want 0, nil", n, err)
	}

	if err := st.MigrateDownAll(ctx); err != nil {
		t.Fatalf("MigrateDownAll() = %v", err)
	}
	var left []string
	if err := st.DB().Select(&left, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_name <> 'goose_db_version' ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("tables left after rolling back = %v, want none", left)
	}
	if n, err := st.Migrate(ctx); err != nil || n == 0 {
		t.Errorf("Migrate() after rollback = %d, %v; want all applied again", n, err)
	}
}

func TestEveryTypeRoundTrips(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	ignoreJoined := cmpopts.IgnoreFields(domain.Meta{}, "CreatedAt", "UpdatedAt", "PublishedAt")

	company := domain.Company{
		Meta:    domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv", ExternalID: "c-1"},
		TaxCode: "0100109106", Name: "Công ty Cổ phần Dệt may Sài Gòn", IndustryVersion: "VSIC2018", IndustryCode: "C",
		Address: "12 Đường số 7", WardCode: testenv.Ptr("27460"), City: "hcm", Employees: testenv.Ptr(1200),
		Website: "https://detmay.example.vn", Phone: "028 3812 3456", Email: "tuyendung@detmay.example.vn", Description: "Dệt may xuất khẩu",
	}
	gotCompany := roundTrip(t, "Company", &company, &company.Meta, st.Create, st.Company, ignoreJoined, cmpopts.IgnoreFields(domain.Company{}, "WardName", "OpenJobs", "OpenPositions"))
	if gotCompany.Slug != "cong-ty-co-phan-det-may-sai-gon" || gotCompany.WardName == "" || gotCompany.PublishedAt == nil {
		t.Errorf("Company = slug %q ward %q published %v; want slug, ward name and publish time", gotCompany.Slug, gotCompany.WardName, gotCompany.PublishedAt)
	}

	job := domain.Job{
		Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "hcm-sonv", ExternalID: "j-1"}, CompanyID: company.ID,
		Title: "Công nhân may", OccupationVersion: "VSCO2020", OccupationCode: "8", Positions: 50,
		WageMin: testenv.Ptr(int64(7_000_000)), WageMax: testenv.Ptr(int64(9_500_000)), EmploymentType: "full_time", Education: "lower_secondary",
		ExperienceYears: 1, WorkAddress: "Khu công nghiệp Tân Bình", City: "hcm", Requirements: "Sức khỏe tốt",
		Benefits: "BHXH, cơm trưa", Description: "May hoàn thiện", Deadline: testenv.DaysFromNow(30), Contact: "Phòng nhân sự",
		PriorityGroups: []string{"veteran", "disabled"},
	}
	gotJob := roundTrip(t, "Job", &job, &job.Meta, st.Create, st.Job, ignoreJoined, equalTimes, cmpopts.IgnoreFields(domain.Job{}, "CompanyName", "CompanySlug", "CompanyTaxCode", "WardName"))
	if gotJob.PublishedAt != nil || gotJob.CompanyName != company.Name {
		t.Errorf("draft Job: published_at %v, company %q; want nil and %q", gotJob.PublishedAt, gotJob.CompanyName, company.Name)
	}

	school := domain.School{
		Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sogddt"},
		Code: "CDCT", Name: "Trường Cao đẳng Cần Thơ", Kind: "cao_dang", Ownership: "public", Address: "413 Đường 30/4",
		City: "cantho", FoundedYear: testenv.Ptr(1977), Accredited: true, SeeksPartners: true,
	}
	roundTrip(t, "School", &school, &school.Meta, st.Create, st.School, ignoreJoined, cmpopts.IgnoreFields(domain.School{}, "WardName", "ProgramCount"))

	program := domain.Program{
		Meta:     domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sogddt"},
		SchoolID: school.ID, Name: "Công nghệ ô tô", Level: "cao_dang", DurationMonths: testenv.Ptr(30), TuitionVND: testenv.Ptr(int64(12_000_000)),
		Quota: testenv.Ptr(120), Intake: "Tháng 9", Mode: "full_time", Support: "Miễn học phí cho bộ đội xuất ngũ",
		Occupations: pq.StringArray{"7", "8"}, SupportGroups: pq.StringArray{"veteran"}, SupportBenefits: pq.StringArray{"fee_waiver", "meals"},
	}
	roundTrip(t, "Program", &program, &program.Meta, st.Create, st.Program, ignoreJoined, cmpopts.IgnoreFields(domain.Program{}, "SchoolName", "SchoolSlug", "SchoolCode", "SchoolAddress", "SchoolWardCode"))
	if program.City != "cantho" {
		t.Errorf("Create(program) city = %q, want the school's, cantho", program.City)
	}

	policy := domain.Policy{
		Meta:  domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv", ExternalID: "program-2024"},
		Title: "Chương trình hợp tác 2024 – 2025", Kind: "program", Field: "employment", DocNumber: "01/CTr-LĐTBXH",
		Issuer: "Hai Sở LĐ-TB&XH", IssuedOn: testenv.Ptr(time.Date(2024, 6, 28, 0, 0, 0, 0, time.UTC)),
		Summary: "Ký ngày 28/6/2024", Body: "## Mục đích", SourceURL: "https://example.gov.vn/ct", City: domain.Both,
	}
	roundTrip(t, "Policy", &policy, &policy.Meta, st.Create, st.Policy, ignoreJoined, equalTimes)

	commitment := domain.Commitment{
		Meta:     domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"},
		PolicyID: policy.ID, Title: "Sơ kết, tổng kết định kỳ", Lead: "cantho", Progress: "in_progress", SortOrder: 3,
		Departments: pq.StringArray{"hcm-sonv", "cantho-sonv"}, Weight: testenv.Ptr(2),
		Updates: []domain.LedgerUpdate{
			{Date: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), Kind: "update", Text: "Đã sơ kết", DepartmentCode: "hcm-soldtbxh",
				Evidence: []domain.Evidence{{Title: "Báo cáo", Source: "Sở Nội vụ", URL: "https://example.gov.vn/sk"}}},
			{Date: time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC), Kind: "so_ket", Text: "Đạt yêu cầu", DepartmentCode: "hcm-sonv"},
		},
	}
	roundTrip(t, "Commitment", &commitment, &commitment.Meta, st.Create, st.Commitment, ignoreJoined, cmpopts.IgnoreFields(domain.Commitment{}, "ProgramTitle"), cmpopts.IgnoreFields(domain.LedgerUpdate{}, "ID", "CommitmentID"), equalTimes)

	project := domain.Project{
		Meta:  domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sonv"},
		Title: "Trung tâm đào tạo nghề thủy sản", Organization: "Hiệp hội Thủy sản", Kind: "training", Field: "Giáo dục nghề nghiệp",
		City: "cantho", BudgetVND: testenv.Ptr(int64(25_000_000_000)), StartOn: testenv.Ptr(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)),
		EndOn: testenv.Ptr(time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)), Stage: "seeking_partners", Contact: "0292 123 456",
	}
	roundTrip(t, "Project", &project, &project.Meta, st.Create, st.Project, ignoreJoined, equalTimes)

	if _, err := st.Job(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Job(999999) error = %v, want ErrNotFound", err)
	}
}

// roundTrip creates want, reads it back by the id the store gave it (in
// meta, want's own) and compares the two with opts; it returns what it read.
func roundTrip[T any](t *testing.T, name string, want *T, meta *domain.Meta, create func(context.Context, any) error, read func(context.Context, int64) (T, error), opts ...cmp.Option) T {
	t.Helper()
	if err := create(ctx, want); err != nil {
		t.Fatalf("Create%s = %v", name, err)
	}
	got, err := read(ctx, meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(*want, got, opts...); diff != "" {
		t.Errorf("%s round trip (-want +got):\n%s", name, diff)
	}
	return got
}

func TestConstraintViolationsAreTypedWithVietnameseMessages(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	policy := testenv.NewPolicy(t, st, "policy")
	testenv.NewSchool(t, st, "TCN1", "hcm")

	tests := []struct {
		name      string
		write     func() error
		wantField string
	}{
		{"duplicate tax code", func() error {
			c := domain.Company{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, TaxCode: company.TaxCode, Name: "Khác", IndustryCode: "C", City: "hcm"}
			return st.Create(ctx, &c)
		}, "tax_code"},
		{"unknown industry", func() error {
			c := domain.Company{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, TaxCode: "0100109106", Name: "Khác", IndustryCode: "Z", City: "hcm"}
			return st.Create(ctx, &c)
		}, "industry"},
		{"unknown city", func() error {
			c := domain.Company{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, TaxCode: "0100109106", Name: "Khác", IndustryCode: "C", City: "hanoi"}
			return st.Create(ctx, &c)
		}, "city"},
		{"wage_min above wage_max", func() error {
			j := domain.Job{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, CompanyID: company.ID, Title: "X", OccupationCode: "8", Positions: 1,
				WageMin: testenv.Ptr(int64(9)), WageMax: testenv.Ptr(int64(8)), EmploymentType: "full_time", Education: "none", City: "hcm"}
			return st.Create(ctx, &j)
		}, "wage_max"},
		{"no positions", func() error {
			j := domain.Job{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, CompanyID: company.ID, Title: "X", OccupationCode: "8", Positions: 0,
				EmploymentType: "full_time", Education: "none", City: "hcm"}
			return st.Create(ctx, &j)
		}, "positions"},
		{"unknown company", func() error {
			j := domain.Job{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, CompanyID: 424242, Title: "X", OccupationCode: "8", Positions: 1,
				EmploymentType: "full_time", Education: "none", City: "hcm"}
			return st.Create(ctx, &j)
		}, "company_id"},
		{"duplicate school code in a city", func() error {
			s := domain.School{Meta: domain.Meta{DepartmentCode: "hcm-sogddt"}, Code: "TCN1", Name: "Trùng", Kind: "trung_cap", Ownership: "private", City: "hcm"}
			return st.Create(ctx, &s)
		}, "code"},
		{"commitment of a policy that is not a program", func() error {
			m := domain.Commitment{Meta: domain.Meta{DepartmentCode: "hcm-soldtbxh"}, PolicyID: policy.ID, Title: "X", Lead: "hcm", Progress: "done"}
			return st.Create(ctx, &m)
		}, "program"},
		{"ward of the other city", func() error {
			c := domain.Company{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, TaxCode: "0100109106", Name: "Khác", IndustryCode: "C", City: "cantho", WardCode: testenv.Ptr("27460")}
			return st.Create(ctx, &c)
		}, "ward"},
		{"program of a school that does not exist", func() error {
			p := domain.Program{Meta: domain.Meta{DepartmentCode: "hcm-sogddt"}, SchoolID: 777777, Name: "X", Level: "so_cap", Mode: "full_time"}
			return st.Create(ctx, &p)
		}, "school"},
		{"unknown enum value", func() error {
			p := domain.Project{Meta: domain.Meta{DepartmentCode: "hcm-sonv"}, Title: "X", Kind: "casino", City: "hcm", Stage: "proposed"}
			return st.Create(ctx, &p)
		}, "kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write()
			var ce *store.ConstraintError
			if !errors.As(err, &ce) {
				t.Fatalf("write error = %v, want a *store.ConstraintError", err)
			}
			if field, msg := kind.Explain(ce); field != tt.wantField || msg == "" {
				t.Errorf("Explain(%v) = field %q message %q, want field %q with a message", ce, field, msg, tt.wantField)
			}
		})
	}
	// A refused write leaves nothing behind.
	var companies int
	_ = st.DB().Get(&companies, `SELECT count(*) FROM companies`)
	if companies != 1 {
		t.Errorf("companies after refused writes = %d, want 1", companies)
	}
}

func TestJobFiltersAndPagination(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	hcm := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	ct := testenv.NewCompany(t, st, 2, "cantho", domain.StatusPublished)
	hidden := testenv.NewCompany(t, st, 3, "hcm", domain.StatusDraft)

	m := func(v int64) *int64 { return &v }
	jobs := map[string]domain.Job{
		"may-hcm":      testenv.NewJob(t, st, hcm, testenv.JobSpec{Title: "Công nhân may", WageMin: m(7e6), WageMax: m(9e6), Education: "lower_secondary"}),
		"dien-hcm":     testenv.NewJob(t, st, hcm, testenv.JobSpec{Title: "Kỹ thuật viên điện", Occupation: "3", WageMin: m(12e6), WageMax: m(18e6), Education: "trung_cap"}),
		"laptrinh-hcm": testenv.NewJob(t, st, hcm, testenv.JobSpec{Title: "Lập trình viên", Occupation: "2", Education: "university"}),
		"thuysan-ct":   testenv.NewJob(t, st, ct, testenv.JobSpec{Title: "Công nhân chế biến thủy sản", WageMin: m(6e6), WageMax: m(8e6), Deadline: testenv.DaysFromNow(10)}),
		"expired-ct":   testenv.NewJob(t, st, ct, testenv.JobSpec{Title: "Công nhân bốc xếp", Deadline: testenv.DaysFromNow(-3)}),
		"draft-ct":     testenv.NewJob(t, st, ct, testenv.JobSpec{Title: "Công nhân nháp", Status: domain.StatusDraft}),
		"hidden-co":    testenv.NewJob(t, st, hidden, testenv.JobSpec{Title: "Công nhân của doanh nghiệp chưa công bố"}),
	}
	ids := func(names ...string) []int64 {
		out := make([]int64, 0, len(names))
		for _, n := range names {
			out = append(out, jobs[n].ID)
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}
	tests := []struct {
		name string
		f    store.JobFilter
		want []int64
	}{
		{"public default hides drafts, expired, unpublished companies", store.JobFilter{}, ids("may-hcm", "dien-hcm", "laptrinh-hcm", "thuysan-ct")},
		{"city", store.JobFilter{City: "cantho"}, ids("thuysan-ct")},
		{"include expired", store.JobFilter{City: "cantho", IncludeExpired: true}, ids("thuysan-ct", "expired-ct")},
		{"occupation", store.JobFilter{Occupation: "3"}, ids("dien-hcm")},
		{"wage at least 10 million", store.JobFilter{WageMin: 10e6}, ids("dien-hcm")},
		{"education at most trung cap", store.JobFilter{Education: "trung_cap"}, ids("may-hcm", "dien-hcm", "thuysan-ct")},
		{"text without accents", store.JobFilter{Q: "cong nhan"}, ids("may-hcm", "thuysan-ct")},
		{"every word must match", store.JobFilter{Q: "cong nhan thuy san can tho"}, ids("thuysan-ct")},
		{"drafts for the back office", store.JobFilter{Status: "draft"}, ids("draft-ct")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := st.Jobs(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, j := range list.Items {
				got = append(got, j.ID)
			}
			sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Jobs(%+v) ids (-want +got):\n%s", tt.f, diff)
			}
			if list.Total != len(tt.want) {
				t.Errorf("Jobs(%+v).Total = %d, want %d", tt.f, list.Total, len(tt.want))
			}
		})
	}

	t.Run("pages cover every row once in a stable order", func(t *testing.T) {
		for i := 0; i < 23; i++ {
			testenv.NewJob(t, st, hcm, testenv.JobSpec{Title: "Nhân viên kho"})
		}
		all, err := st.Jobs(ctx, store.JobFilter{Paging: store.Paging{PerPage: 100}})
		if err != nil {
			t.Fatal(err)
		}
		var paged []int64
		for page := 1; ; page++ {
			list, err := st.Jobs(ctx, store.JobFilter{Paging: store.Paging{Page: page, PerPage: 5}})
			if err != nil {
				t.Fatal(err)
			}
			if list.Total != all.Total || list.Pages() != (all.Total+4)/5 {
				t.Fatalf("page %d: Total %d Pages %d, want %d and %d", page, list.Total, list.Pages(), all.Total, (all.Total+4)/5)
			}
			if len(list.Items) == 0 {
				break
			}
			for _, j := range list.Items {
				paged = append(paged, j.ID)
			}
		}
		var want []int64
		for _, j := range all.Items {
			want = append(want, j.ID)
		}
		if diff := cmp.Diff(want, paged); diff != "" {
			t.Errorf("paged ids differ from one big page (-want +got):\n%s", diff)
		}
	})
}

func TestCompaniesRankByOpenPositions(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	small := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	big := testenv.NewCompany(t, st, 2, "hcm", domain.StatusPublished)
	none := testenv.NewCompany(t, st, 3, "cantho", domain.StatusPublished)
	testenv.NewJob(t, st, small, testenv.JobSpec{Title: "A", Positions: 5})
	testenv.NewJob(t, st, big, testenv.JobSpec{Title: "B", Positions: 80})
	testenv.NewJob(t, st, big, testenv.JobSpec{Title: "C", Positions: 40})
	testenv.NewJob(t, st, small, testenv.JobSpec{Title: "D", Positions: 500, Deadline: testenv.DaysFromNow(-1)}) // expired: does not count
	testenv.NewJob(t, st, small, testenv.JobSpec{Title: "E", Positions: 500, Status: domain.StatusDraft})

	list, err := st.Companies(ctx, store.CompanyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	positions := map[int64]int{}
	for _, c := range list.Items {
		got = append(got, c.ID)
		positions[c.ID] = c.OpenPositions
	}
	if diff := cmp.Diff([]int64{big.ID, small.ID, none.ID}, got); diff != "" {
		t.Errorf("Companies order (-want +got):\n%s", diff)
	}
	if positions[big.ID] != 120 || positions[small.ID] != 5 {
		t.Errorf("open positions = %v, want big 120, small 5", positions)
	}
	hiring, _ := st.Companies(ctx, store.CompanyFilter{Hiring: true})
	if hiring.Total != 2 {
		t.Errorf("Companies(hiring).Total = %d, want 2", hiring.Total)
	}
}

func TestOutboxRowsFollowPublishedWrites(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	outbox := func() map[string]int {
		var rows []struct {
			Type string `db:"entity_type"`
			Op   string `db:"op"`
			N    int    `db:"n"`
		}
		if err := st.DB().Select(&rows, `SELECT entity_type, op, count(*) AS n FROM search_outbox GROUP BY 1, 2`); err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, r := range rows {
			out[r.Type+"/"+r.Op] = r.N
		}
		return out
	}
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	job := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ hàn"})
	testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Nháp", Status: domain.StatusDraft})
	if diff := cmp.Diff(map[string]int{"company/upsert": 1, "job/upsert": 1}, outbox()); diff != "" {
		t.Errorf("after publishing (-want +got):\n%s", diff)
	}
	company.Name = "Tên mới"
	if err := st.Update(ctx, &company); err != nil {
		t.Fatal(err)
	}
	// The company's published job shows its name, so it is queued too.
	if diff := cmp.Diff(map[string]int{"company/upsert": 2, "job/upsert": 2}, outbox()); diff != "" {
		t.Errorf("after renaming the company (-want +got):\n%s", diff)
	}
	if _, err := st.SetStatus(ctx, store.Jobs, job.ID, job.Version, domain.StatusArchived, "Đã tuyển đủ"); err != nil {
		t.Fatal(err)
	}
	if got := outbox()["job/delete"]; got != 1 {
		t.Errorf("job/delete rows after archiving = %d, want 1", got)
	}
	archived, _ := st.Job(ctx, job.ID)
	if archived.ArchiveReason != "Đã tuyển đủ" || archived.Status != domain.StatusArchived {
		t.Errorf("archived job = status %q reason %q", archived.Status, archived.ArchiveReason)
	}
}

func TestStaleVersionIsAConflict(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	first, second := company, company
	first.Name = "Bản của cán bộ thứ nhất"
	if err := st.Update(ctx, &first); err != nil {
		t.Fatalf("first Update(company) = %v", err)
	}
	second.Name = "Bản của cán bộ thứ hai"
	if err := st.Update(ctx, &second); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second Update(company) error = %v, want ErrConflict", err)
	}
	got, _ := st.Company(ctx, company.ID)
	if got.Name != first.Name || got.Version != company.Version+1 {
		t.Errorf("after conflict: name %q version %d, want %q version %d", got.Name, got.Version, first.Name, company.Version+1)
	}
	missing := domain.Company{Meta: domain.Meta{ID: 987654, Version: 1}, TaxCode: "0100109106", Name: "X", IndustryCode: "C", City: "hcm"}
	if err := st.Update(ctx, &missing); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update(company missing) error = %v, want ErrNotFound", err)
	}
	if _, err := st.SetStatus(ctx, store.Companies, company.ID, company.Version, domain.StatusArchived, "x"); !errors.Is(err, store.ErrConflict) {
		t.Errorf("SetStatus(stale) error = %v, want ErrConflict", err)
	}
}
