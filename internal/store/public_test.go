package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestEveryPublicReadAgreesOnWhatIsPublic builds, for every type, an entry
// that is public and entries that are not (a draft, an entry whose parent
// is not public, an expired job), then asks every public read: lists, the
// indexer's reads, the search fallback and the home page's counts.
func TestEveryPublicReadAgreesOnWhatIsPublic(t *testing.T) {
	st := testenv.Store(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	archive := func(table store.Table, m domain.Meta) {
		t.Helper()
		_, err := st.SetStatus(ctx, table, m.ID, m.Version, domain.StatusArchived, "Ngừng hoạt động")
		must(err)
	}

	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	draftCompany := testenv.NewCompany(t, st, 2, "hcm", domain.StatusDraft)
	openJob := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Công nhân may", Positions: 3})
	expiredJob := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Công nhân bốc xếp", Deadline: testenv.DaysFromNow(-3)})
	testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Tin nháp", Status: domain.StatusDraft})
	testenv.NewJob(t, st, draftCompany, testenv.JobSpec{Title: "Tin của công ty nháp", Positions: 7})

	school := testenv.NewSchool(t, st, "CD01", "hcm")
	closedSchool := testenv.NewSchool(t, st, "CD02", "hcm")
	newProgram := func(s domain.School, name string, status domain.Status, quota int) domain.Program {
		p := domain.Program{Meta: domain.Meta{Status: status, DepartmentCode: "hcm-sogddt"}, SchoolID: s.ID,
			Name: name, Level: "cao_dang", Quota: testenv.Ptr(quota), Mode: "full_time"}
		must(st.Create(ctx, &p))
		return p
	}
	program := newProgram(school, "Công nghệ ô tô", domain.StatusPublished, 40)
	newProgram(school, "Ngành nháp", domain.StatusDraft, 100)
	newProgram(closedSchool, "Ngành của trường đã đóng", domain.StatusPublished, 500)
	closedSchool, err := st.School(ctx, closedSchool.ID)
	must(err)
	archive(store.Schools, closedSchool.Meta)

	policy := testenv.NewPolicy(t, st, "program")
	endedPolicy := testenv.NewPolicy(t, st, "program")
	newCommitment := func(p domain.Policy, title string) domain.Commitment {
		m := domain.Commitment{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-soldtbxh"},
			PolicyID: p.ID, Title: title, Lead: domain.Both}
		must(st.Create(ctx, &m))
		return m
	}
	commitment := newCommitment(policy, "Sơ kết hằng năm")
	newCommitment(endedPolicy, "Cam kết của chương trình đã kết thúc")
	endedPolicy, err = st.Policy(ctx, endedPolicy.ID)
	must(err)
	archive(store.Policies, endedPolicy.Meta)

	newProject := func(title string, status domain.Status) domain.Project {
		p := domain.Project{Meta: domain.Meta{Status: status, DepartmentCode: "hcm-sonv"},
			Title: title, Organization: "Hiệp hội", Kind: "training", Field: "Giáo dục nghề nghiệp", City: "hcm", Stage: "seeking_partners"}
		must(st.Create(ctx, &p))
		return p
	}
	project := newProject("Trung tâm đào tạo nghề", domain.StatusPublished)
	newProject("Dự án nháp", domain.StatusDraft)

	ids := func(ms ...domain.Meta) []int64 {
		out := []int64{}
		for _, m := range ms {
			out = append(out, m.ID)
		}
		slices.Sort(out)
		return out
	}
	idsOf := func(metas []domain.Meta, err error) []int64 {
		t.Helper()
		must(err)
		return ids(metas...)
	}
	all := store.PublicSelection{}

	t.Run("lists", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			got  []int64
			want []int64
		}{
			{"Jobs", idsOf(metas(st.Jobs(ctx, store.JobFilter{}))), ids(openJob.Meta)},
			{"Jobs with expired", idsOf(metas(st.Jobs(ctx, store.JobFilter{IncludeExpired: true}))), ids(openJob.Meta, expiredJob.Meta)},
			{"Companies", idsOf(metas(st.Companies(ctx, store.CompanyFilter{}))), ids(company.Meta)},
			{"Schools", idsOf(metas(st.Schools(ctx, store.SchoolFilter{}))), ids(school.Meta)},
			{"Programs", idsOf(metas(st.Programs(ctx, store.ProgramFilter{}))), ids(program.Meta)},
			{"Policies", idsOf(metas(st.Policies(ctx, store.PolicyFilter{}))), ids(policy.Meta)},
			{"Commitments", idsOf(metas(st.Commitments(ctx, store.CommitmentFilter{}))), ids(commitment.Meta)},
			{"Projects", idsOf(metas(st.Projects(ctx, store.ProjectFilter{}))), ids(project.Meta)},
		} {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("%s() ids (-want +got):\n%s", tc.name, diff)
			}
		}
	})

	t.Run("the indexer's reads", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			got  []int64
			want []int64
		}{
			{"Public[Job]", idsOf(entryMetas(store.Public[domain.Job](ctx, st, all))), ids(openJob.Meta, expiredJob.Meta)},
			{"Public[Company]", idsOf(entryMetas(store.Public[domain.Company](ctx, st, all))), ids(company.Meta)},
			{"Public[School]", idsOf(entryMetas(store.Public[domain.School](ctx, st, all))), ids(school.Meta)},
			{"Public[Program]", idsOf(entryMetas(store.Public[domain.Program](ctx, st, all))), ids(program.Meta)},
			{"Public[Policy]", idsOf(entryMetas(store.Public[domain.Policy](ctx, st, all))), ids(policy.Meta)},
			{"Public[Commitment]", idsOf(entryMetas(store.Public[domain.Commitment](ctx, st, all))), ids(commitment.Meta)},
			{"Public[Project]", idsOf(entryMetas(store.Public[domain.Project](ctx, st, all))), ids(project.Meta)},
		} {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("%s() ids (-want +got):\n%s", tc.name, diff)
			}
		}
		versions, err := st.PublicVersions(ctx)
		must(err)
		got := map[string][]int64{}
		for _, v := range versions {
			got[v.Type] = append(got[v.Type], v.ID)
		}
		for _, l := range got {
			slices.Sort(l)
		}
		want := map[string][]int64{
			"job": ids(openJob.Meta, expiredJob.Meta), "company": ids(company.Meta), "school": ids(school.Meta),
			"program": ids(program.Meta), "policy": ids(policy.Meta), "commitment": ids(commitment.Meta), "project": ids(project.Meta),
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("PublicVersions() (-want +got):\n%s", diff)
		}
	})

	t.Run("the search fallback", func(t *testing.T) {
		res, err := st.SearchEntries(ctx, store.EntrySearch{})
		must(err)
		want := map[string]int{"job": 1, "company": 1, "school": 1, "program": 1, "policy": 1, "commitment": 1, "project": 1}
		if diff := cmp.Diff(want, res.TypeCounts); diff != "" {
			t.Errorf("SearchEntries() type counts (-want +got):\n%s", diff)
		}
		if res.Total != 7 {
			t.Errorf("SearchEntries() total = %d, want 7", res.Total)
		}
	})

	t.Run("the home page's counts", func(t *testing.T) {
		glances, err := st.CitiesAtAGlance(ctx)
		must(err)
		i := slices.IndexFunc(glances, func(g store.CityGlance) bool { return g.Code == "hcm" })
		if i < 0 {
			t.Fatal("CitiesAtAGlance() has no hcm")
		}
		g := glances[i]
		got := [7]int{g.OpenJobs, g.OpenPositions, g.Companies, g.Schools, g.Programs, g.Quota, g.Projects}
		if want := [7]int{1, 3, 1, 1, 1, 40, 1}; got != want {
			t.Errorf("CitiesAtAGlance() hcm jobs, positions, companies, schools, programs, quota, projects = %v, want %v", got, want)
		}
	})

	t.Run("a draft company still counts its own open jobs", func(t *testing.T) {
		// The back office previews a draft company as publishing it would show it.
		c, err := st.Company(ctx, draftCompany.ID)
		must(err)
		if c.OpenJobs != 1 || c.OpenPositions != 7 {
			t.Errorf("Company(draft) open jobs, positions = %d, %d; want 1, 7", c.OpenJobs, c.OpenPositions)
		}
	})
}

// metas takes the entries' Meta out of a list.
func metas[T any](l store.List[T], err error) ([]domain.Meta, error) {
	return entryMetas(l.Items, err)
}

// entryMetas takes the entries' Meta out of a slice of entries.
func entryMetas[T any](items []T, err error) ([]domain.Meta, error) {
	out := make([]domain.Meta, 0, len(items))
	for _, it := range items {
		out = append(out, metaOf(it))
	}
	return out, err
}

// metaOf is the Meta every entry type embeds.
func metaOf(entry any) domain.Meta {
	return reflect.ValueOf(entry).FieldByName("Meta").Interface().(domain.Meta)
}
