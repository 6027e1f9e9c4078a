package web

import (
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

var policyList = listSpec[store.PolicyFilter, domain.Policy]{
	kind: kind.Policy, search: "filter.policy_q",
	fields: []filterField{
		cityFilter,
		optionFilter("kind", "policy_kind", "filter.policy_kind", "filter.all"),
		optionFilter("field", "policy_field", "filter.policy_field", "filter.all"),
	},
	load: (*store.Store).Policies,
	item: (*server).policyItem,
	show: (*server).policyShow,
	api: []apiParam{
		qParam, cityParam,
		{"kind", "Loại văn bản.", "string", "policy_kinds"}, {"field", "Lĩnh vực.", "string", "policy_fields"},
	},
	form: policyForm,
}

func init() { registerList(policyList) }

func (s *server) policyShow(c *fiber.Ctx, po domain.Policy) error {
	data := fiber.Map{"Policy": po}
	if po.Kind == "program" {
		if err := s.programTasks(c.UserContext(), data, po.ID); err != nil {
			return err
		}
	}
	return s.render(c, "policies/show", po.Title, "policy", data)
}

// policyItem is a policy as lists show it: kind, field, scope, number,
// date and summary.
func (s *server) policyItem(l *loc, po domain.Policy) listItem {
	meta := []part{plain(l.Label("policy_kind", po.Kind)), plain(l.Label("policy_field", po.Field)), plain(l.City(po.City))}
	if po.DocNumber != "" {
		meta = append(meta, plain(l.T("policy.number", "N", po.DocNumber)))
	}
	if po.IssuedOn != nil {
		meta = append(meta, plain(l.T("policy.issued_on", "Date", dateOf(po.IssuedOn))))
	}
	return listItem{
		Title:   po.Title,
		URL:     l.URL("policy", po.ID, po.Slug),
		Meta:    meta,
		Summary: po.Summary,
	}
}

var projectList = listSpec[store.ProjectFilter, domain.Project]{
	kind: kind.Project, search: "filter.keyword",
	fields: []filterField{
		cityFilter,
		optionFilter("kind", "project_kind", "filter.project_kind", "filter.all"),
		optionFilter("stage", "stage", "filter.stage", "filter.all"),
	},
	load: (*store.Store).Projects,
	item: (*server).projectItem,
	show: (*server).projectShow,
	api: []apiParam{
		qParam, cityParam,
		{"kind", "Loại dự án.", "string", "project_kinds"}, {"stage", "Giai đoạn.", "string", "project_stages"},
	},
}

func init() { registerList(projectList) }

func (s *server) projectShow(c *fiber.Ctx, pr domain.Project) error {
	return s.render(c, "projects/show", pr.Title, "project", fiber.Map{"Project": pr})
}

// projectItem is a project as lists show it: organization, stage, kind,
// budget.
func (s *server) projectItem(l *loc, pr domain.Project) listItem {
	stage := "pill"
	if pr.Stage == "seeking_partners" {
		stage = "pill ok"
	}
	facts := []part{
		span(stage, l.Label("stage", pr.Stage)),
		{Text: l.Label("project_kind", pr.Kind), Attached: true},
	}
	if pr.BudgetVND != nil {
		facts = append(facts, plain(l.Money(pr.BudgetVND)))
	}
	return listItem{
		Title: pr.Title,
		URL:   l.URL("project", pr.ID, pr.Slug),
		Meta:  []part{plain(pr.Organization), plain(l.City(pr.City))},
		Facts: facts,
	}
}
