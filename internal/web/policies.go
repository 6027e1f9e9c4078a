package web

import (
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

func (s *server) policyList(c *fiber.Ctx) error {
	p := newParams(c)
	f := store.PolicyFilter{
		Paging: store.Paging{Page: p.page()},
		Q:      p.text("q"),
		City:   p.code("city", "Thành phố", s.catalog.IsCity),
		Kind:   p.option("kind", "Loại văn bản", domain.PolicyKinds),
		Field:  p.option("field", "Lĩnh vực", domain.PolicyFields),
	}
	list, err := s.store.Policies(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "policies/list", "Chính sách và chương trình", "policies", fiber.Map{
		"List": list, "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

func (s *server) policyShow(c *fiber.Ctx) error {
	po, done, err := loadPublic(c, "policy", s.store.Policy,
		func(x *domain.Policy) *domain.Meta { return &x.Meta }, nil)
	if done || err != nil {
		return err
	}
	data := fiber.Map{"Policy": po}
	if po.Kind == "program" {
		commitments, err := s.store.Commitments(c.UserContext(), store.CommitmentFilter{PolicyID: po.ID, Paging: store.Paging{PerPage: store.MaxPerPage}})
		if err != nil {
			return err
		}
		data["Commitments"] = commitments.Items
	}
	return s.render(c, "policies/show", po.Title, "policies", data)
}

func (s *server) projectList(c *fiber.Ctx) error {
	p := newParams(c)
	f := store.ProjectFilter{
		Paging: store.Paging{Page: p.page()},
		Q:      p.text("q"),
		City:   p.code("city", "Thành phố", s.catalog.IsCity),
		Kind:   p.option("kind", "Loại dự án", domain.ProjectKinds),
		Stage:  p.option("stage", "Giai đoạn", domain.ProjectStages),
	}
	list, err := s.store.Projects(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "projects/list", "Dự án và tổ chức tìm đối tác", "projects", fiber.Map{
		"List": list, "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

func (s *server) projectShow(c *fiber.Ctx) error {
	pr, done, err := loadPublic(c, "project", s.store.Project,
		func(x *domain.Project) *domain.Meta { return &x.Meta }, nil)
	if done || err != nil {
		return err
	}
	return s.render(c, "projects/show", pr.Title, "projects", fiber.Map{"Project": pr})
}
