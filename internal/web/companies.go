package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

var companyList = listSpec[store.CompanyFilter, domain.Company]{
	kind: kind.Company, search: "filter.company_q",
	fields: []filterField{
		cityFilter, wardFilter,
		{Name: "industry", Label: "filter.industry_vsic", Empty: "filter.industry.any",
			Options: func(l *loc) domain.Options { return l.IndustryOptions(true) },
			Valid:   func(s *server, v string) bool { return s.catalog.IsIndustry(v) }},
		sortFilter("sort.most_hiring", "name", "sort.name"),
		{Name: "hiring", Label: "filter.hiring", Input: "check"},
	},
	load: (*store.Store).Companies,
	item: (*server).companyItem,
	show: (*server).companyShow,
	api: []apiParam{
		qParam, cityParam, wardParam,
		{"industry", "Ngành.", "string", "industries"}, {"hiring", "1: chỉ doanh nghiệp đang tuyển.", "string", ""},
	},
}

func init() { registerList(companyList) }

func (s *server) companyShow(c *fiber.Ctx, co domain.Company) error {
	jobs, err := s.companyJobs(c.UserContext(), co.ID)
	if err != nil {
		return err
	}
	return s.render(c, "companies/show", co.Name, "company", fiber.Map{"Company": co, "Jobs": s.jobItems(s.loc(c), jobs.Items)})
}

// companyItem is a company as lists show it: industry, place, hiring.
func (s *server) companyItem(l *loc, co domain.Company) listItem {
	var facts []part
	if co.OpenPositions > 0 {
		facts = append(facts,
			span("pill", l.T("company.open_positions", "N", l.Digits(co.OpenPositions))),
			part{Text: l.T("company.in_jobs", "N", strconv.Itoa(co.OpenJobs)), Attached: true})
	} else {
		facts = append(facts, plain(l.T("company.not_hiring")))
	}
	if co.Employees != nil {
		facts = append(facts, plain(l.T("company.employees", "N", l.Digits(co.Employees))))
	}
	return listItem{
		Title: co.Name,
		URL:   l.URL("company", co.ID, co.Slug),
		Meta:  []part{plain(l.Industry(co.IndustryCode)), plain(l.Place(co.City, co.WardName))},
		Facts: facts,
	}
}
