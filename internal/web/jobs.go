package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

var jobList = listSpec[store.JobFilter, domain.Job]{
	kind: kind.Job, search: "filter.keyword", placeholder: "list.job.placeholder",
	fields: []filterField{
		cityFilter, wardFilter,
		{Name: "occupation", Label: "filter.occupation", Empty: "filter.occupation.any", Options: (*loc).OccupationOptions,
			Valid: func(s *server, v string) bool { return s.catalog.IsOccupation(v) }},
		{Name: "industry", Label: "filter.employer_industry", Empty: "filter.industry.any",
			Options: func(l *loc) domain.Options { return l.IndustryOptions(false) },
			Valid:   func(s *server, v string) bool { return s.catalog.IsIndustry(v) }},
		optionFilter("education", "education", "filter.your_education", "filter.any"),
		{Name: "wage_min", Label: "filter.wage_min", Input: "amount", Hint: "filter.wage_min.hint"},
		optionFilter("employment_type", "employment_type", "filter.employment_type", "filter.all"),
		optionFilter("priority_group", "priority_group", "filter.priority_group", "filter.all"),
		sortFilter("sort.newest", "wage", "sort.wage", "deadline", "sort.deadline"),
		{Name: "expired", Label: "filter.expired", Input: "check", Column: "include_expired"},
	},
	load: (*store.Store).Jobs,
	item: (*server).jobItem,
	show: (*server).jobShow,
	api: []apiParam{
		{"q", "Từ khóa (mọi từ phải có trong tin).", "string", ""},
		cityParam, wardParam,
		{"occupation", "Nhóm nghề.", "string", "occupations"}, {"industry", "Ngành của doanh nghiệp.", "string", "industries"},
		{"employment_type", "Hình thức làm việc.", "string", "employment_types"},
		{"education", "Trình độ của người tìm việc: tin yêu cầu không cao hơn.", "string", "education"},
		{"wage_min", "Lương từ (đồng/tháng).", "integer", ""},
		{"priority_group", "Nhóm ưu tiên.", "string", "priority_groups"},
		{"expired", "1: gồm cả tin đã hết hạn (mặc định chỉ tin còn hạn).", "string", ""},
	},
}

func init() { registerList(jobList) }

func (s *server) jobShow(c *fiber.Ctx, j domain.Job) error {
	company, err := publicParent(c, s.store, kind.Company, j.CompanyID)
	if err != nil {
		return err
	}
	more, err := s.store.Jobs(c.UserContext(), store.JobFilter{CompanyID: j.CompanyID, Paging: store.Paging{PerPage: 6}})
	if err != nil {
		return err
	}
	// Similar: the same occupation in the same city, from any employer.
	similar, err := s.store.Jobs(c.UserContext(), store.JobFilter{Occupation: j.OccupationCode, City: j.City, Paging: store.Paging{PerPage: 7}})
	if err != nil {
		return err
	}
	others := similar.Items[:0:0]
	for _, x := range similar.Items {
		if x.ID != j.ID && x.CompanyID != j.CompanyID && len(others) < 5 {
			others = append(others, x)
		}
	}
	l := s.loc(c)
	training, err := s.jobTraining(c.UserContext(), l, j)
	if err != nil {
		return err
	}
	return s.render(c, "jobs/show", j.Title, "job", fiber.Map{
		"Training": training,
		"Job":      j, "Company": company, "More": s.jobItems(l, without(more.Items, j.ID)),
		"Apply": howToApply(j, company), "Similar": s.jobItems(l, others),
	})
}

// jobItem is a job as lists show it: wage, positions, place, deadline.
func (s *server) jobItem(l *loc, j domain.Job) listItem {
	facts := []part{
		span("wage", l.Wage(j.WageMin, j.WageMax)),
		plain(l.T("job.positions", "N", l.Digits(j.Positions))),
		plain(l.Place(j.City, j.WardName)),
	}
	if j.Deadline != nil {
		facts = append(facts, plain(l.T("job.deadline_on", "Date", dateOf(j.Deadline))))
	}
	if expired(j.Deadline) {
		facts = append(facts, part{Text: l.T("job.expired"), Class: "pill warn", Attached: true})
	}
	return listItem{
		Title: j.Title,
		URL:   l.URL("job", j.ID, j.Slug),
		Meta:  []part{plain(j.CompanyName)},
		Facts: facts,
	}
}

func (s *server) jobItems(l *loc, jobs []domain.Job) []listItem {
	out := make([]listItem, len(jobs))
	for i, j := range jobs {
		out[i] = s.jobItem(l, j)
	}
	return out
}

// without drops the entry being shown from a "more like this" list.
func without(jobs []domain.Job, id int64) []domain.Job {
	out := jobs[:0:0]
	for _, j := range jobs {
		if j.ID != id {
			out = append(out, j)
		}
	}
	return out
}

// companyJobs lists a company's open jobs for its page.
func (s *server) companyJobs(ctx context.Context, companyID int64) (store.List[domain.Job], error) {
	return s.store.Jobs(ctx, store.JobFilter{CompanyID: companyID, Paging: store.Paging{PerPage: store.MaxPerPage}})
}
