package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

func (s *server) companyList(c *fiber.Ctx) error {
	p := newParams(c)
	f := s.companyFilter(p)
	list, err := s.store.Companies(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "companies/list", "Doanh nghiệp", "company", fiber.Map{
		"List": list, "Items": items(list.Items, s.companyItem), "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// companyFilter reads the company list's filters, for its page and the API.
func (s *server) companyFilter(p *params) store.CompanyFilter {
	return store.CompanyFilter{
		Paging:   store.Paging{Page: p.page()},
		Q:        p.text("q"),
		City:     p.code("city", "Thành phố", s.catalog.IsCity),
		Ward:     p.code("ward", "Phường/xã", s.catalog.IsWard),
		Industry: p.code("industry", "Ngành", s.catalog.IsIndustry),
		Hiring:   p.flag("hiring"),
		Sort:     p.code("sort", "Sắp xếp", func(v string) bool { return v == "name" }),
	}
}

func (s *server) companyShow(c *fiber.Ctx) error {
	co, done, err := loadPublic(c, "company", s.store.Company,
		func(x *domain.Company) *domain.Meta { return &x.Meta }, nil)
	if done || err != nil {
		return err
	}
	jobs, err := s.companyJobs(c.UserContext(), co.ID)
	if err != nil {
		return err
	}
	return s.render(c, "companies/show", co.Name, "company", fiber.Map{"Company": co, "Jobs": items(jobs.Items, s.jobItem)})
}

// companyItem is a company as lists show it: industry, place, hiring.
func (s *server) companyItem(co domain.Company) listItem {
	var facts []part
	if co.OpenPositions > 0 {
		facts = append(facts,
			span("pill", vn.GroupDigits(int64(co.OpenPositions))+" vị trí đang tuyển"),
			part{Text: "trong " + strconv.Itoa(co.OpenJobs) + " tin", Attached: true})
	} else {
		facts = append(facts, plain("Hiện chưa có tin tuyển dụng"))
	}
	if co.Employees != nil {
		facts = append(facts, plain(vn.GroupDigits(int64(*co.Employees))+" lao động"))
	}
	return listItem{
		Title: co.Name,
		URL:   entryURL("company", co.ID, co.Slug),
		Meta:  []part{plain(s.catalog.IndustryName(co.IndustryCode)), plain(s.placeOf(co.City, co.WardName))},
		Facts: facts,
	}
}
