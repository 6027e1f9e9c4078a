package web

import (
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

func (s *server) companyList(c *fiber.Ctx) error {
	p := newParams(c)
	f := store.CompanyFilter{
		Paging:   store.Paging{Page: p.page()},
		Q:        p.text("q"),
		City:     p.code("city", "Thành phố", s.catalog.IsCity),
		Ward:     p.code("ward", "Phường/xã", s.catalog.IsWard),
		Industry: p.code("industry", "Ngành", s.catalog.IsIndustry),
		Hiring:   p.flag("hiring"),
		Sort:     p.code("sort", "Sắp xếp", func(v string) bool { return v == "name" }),
	}
	list, err := s.store.Companies(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "companies/list", "Doanh nghiệp", "companies", fiber.Map{
		"List": list, "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
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
	return s.render(c, "companies/show", co.Name, "companies", fiber.Map{"Company": co, "Jobs": jobs})
}
