package web

import (
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

func (s *server) policyList(c *fiber.Ctx) error {
	p := newParams(c)
	f := s.policyFilter(p)
	list, err := s.store.Policies(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "policies/list", "Chính sách và chương trình", "policy", fiber.Map{
		"List": list, "Items": items(list.Items, s.policyItem), "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// policyFilter reads the policy list's filters, for its page and the API.
func (s *server) policyFilter(p *params) store.PolicyFilter {
	return store.PolicyFilter{
		Paging: store.Paging{Page: p.page()},
		Q:      p.text("q"),
		City:   p.code("city", "Thành phố", s.catalog.IsCity),
		Kind:   p.option("kind", "Loại văn bản", domain.PolicyKinds),
		Field:  p.option("field", "Lĩnh vực", domain.PolicyFields),
	}
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
		views := make([]commitmentView, len(commitments.Items))
		for i, m := range commitments.Items {
			views[i] = s.viewCommitment(m, s.today())
		}
		data["Commitments"] = views
	}
	return s.render(c, "policies/show", po.Title, "policy", data)
}

// policyItem is a policy as lists show it: kind, field, scope, number,
// date and summary.
func (s *server) policyItem(po domain.Policy) listItem {
	meta := []part{plain(domain.PolicyKinds.Label(po.Kind)), plain(domain.PolicyFields.Label(po.Field)), plain(s.catalog.CityName(po.City))}
	if po.DocNumber != "" {
		meta = append(meta, plain("Số "+po.DocNumber))
	}
	if po.IssuedOn != nil {
		meta = append(meta, plain("Ban hành "+dateOf(po.IssuedOn)))
	}
	return listItem{
		Title:   po.Title,
		URL:     entryURL("policy", po.ID, po.Slug),
		Meta:    meta,
		Summary: po.Summary,
	}
}

func (s *server) projectList(c *fiber.Ctx) error {
	p := newParams(c)
	f := s.projectFilter(p)
	list, err := s.store.Projects(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "projects/list", "Dự án và tổ chức tìm đối tác", "project", fiber.Map{
		"List": list, "Items": items(list.Items, s.projectItem), "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// projectFilter reads the project list's filters, for its page and the API.
func (s *server) projectFilter(p *params) store.ProjectFilter {
	return store.ProjectFilter{
		Paging: store.Paging{Page: p.page()},
		Q:      p.text("q"),
		City:   p.code("city", "Thành phố", s.catalog.IsCity),
		Kind:   p.option("kind", "Loại dự án", domain.ProjectKinds),
		Stage:  p.option("stage", "Giai đoạn", domain.ProjectStages),
	}
}

func (s *server) projectShow(c *fiber.Ctx) error {
	pr, done, err := loadPublic(c, "project", s.store.Project,
		func(x *domain.Project) *domain.Meta { return &x.Meta }, nil)
	if done || err != nil {
		return err
	}
	return s.render(c, "projects/show", pr.Title, "project", fiber.Map{"Project": pr})
}

// projectItem is a project as lists show it: organization, stage, kind,
// budget.
func (s *server) projectItem(pr domain.Project) listItem {
	stage := "pill"
	if pr.Stage == "seeking_partners" {
		stage = "pill ok"
	}
	facts := []part{
		span(stage, domain.ProjectStages.Label(pr.Stage)),
		{Text: domain.ProjectKinds.Label(pr.Kind), Attached: true},
	}
	if pr.BudgetVND != nil {
		facts = append(facts, plain(vn.Money(*pr.BudgetVND)))
	}
	return listItem{
		Title: pr.Title,
		URL:   entryURL("project", pr.ID, pr.Slug),
		Meta:  []part{plain(pr.Organization), plain(s.catalog.CityName(pr.City))},
		Facts: facts,
	}
}
