package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

func (s *server) jobList(c *fiber.Ctx) error {
	p := newParams(c)
	f := s.jobFilter(p)
	list, err := s.store.Jobs(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "jobs/list", "Việc làm", "job", fiber.Map{
		"List": list, "Items": items(list.Items, s.jobItem), "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// jobFilter reads the job list's filters, for its page and the API.
func (s *server) jobFilter(p *params) store.JobFilter {
	return store.JobFilter{
		Paging:         store.Paging{Page: p.page()},
		Q:              p.text("q"),
		City:           p.code("city", "Thành phố", s.catalog.IsCity),
		Ward:           p.code("ward", "Phường/xã", s.catalog.IsWard),
		Occupation:     p.code("occupation", "Nhóm nghề", s.catalog.IsOccupation),
		Industry:       p.code("industry", "Ngành", s.catalog.IsIndustry),
		EmploymentType: p.option("employment_type", "Hình thức", domain.EmploymentTypes),
		Education:      p.option("education", "Trình độ", domain.EducationLevels),
		WageMin:        p.amount("wage_min", "Lương từ"),
		PriorityGroup:  p.option("priority_group", "Nhóm ưu tiên", domain.PriorityGroups),
		IncludeExpired: p.flag("expired"),
		Sort:           p.code("sort", "Sắp xếp", func(v string) bool { return v == "wage" || v == "deadline" }),
	}
}

func (s *server) jobShow(c *fiber.Ctx) error {
	j, done, err := loadPublic(c, "job", s.store.Job,
		func(j *domain.Job) *domain.Meta { return &j.Meta }, nil)
	if done || err != nil {
		return err
	}
	company, err := s.store.Company(c.UserContext(), j.CompanyID)
	if err != nil {
		return err
	}
	if company.Status != domain.StatusPublished && !isPreview(c) {
		return fiber.ErrNotFound
	}
	more, err := s.store.Jobs(c.UserContext(), store.JobFilter{CompanyID: j.CompanyID, Paging: store.Paging{PerPage: 6}})
	if err != nil {
		return err
	}
	return s.render(c, "jobs/show", j.Title, "job", fiber.Map{
		"Job": j, "Company": company, "More": items(without(more.Items, j.ID), s.jobItem),
	})
}

// jobItem is a job as lists show it: wage, positions, place, deadline.
func (s *server) jobItem(j domain.Job) listItem {
	facts := []part{
		span("wage", vn.WageRange(j.WageMin, j.WageMax)),
		plain(vn.GroupDigits(int64(j.Positions)) + " người"),
		plain(s.placeOf(j.City, j.WardName)),
	}
	if j.Deadline != nil {
		facts = append(facts, plain("Hạn nộp "+dateOf(j.Deadline)))
	}
	if expired(j.Deadline) {
		facts = append(facts, part{Text: "Đã hết hạn", Class: "pill warn", Attached: true})
	}
	return listItem{
		Title: j.Title,
		URL:   entryURL("job", j.ID, j.Slug),
		Meta:  []part{plain(j.CompanyName)},
		Facts: facts,
	}
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
