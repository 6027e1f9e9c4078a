package importer

import (
	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// projectSpec imports projects and organisations seeking partners.
var projectSpec = &spec[domain.Project]{
	entry: kind.Project.Type(),
	table: kind.Project.Table(),
	columns: []string{"external_id", "title", "organization", "kind", "field", "city", "budget_vnd",
		"start_on", "end_on", "stage", "description", "contact"},
	cityCol: "city",
	meta:    func(e *domain.Project) *domain.Meta { return &e.Meta },
	city:    func(e *domain.Project) string { return e.City },
	byExternalID: func(r *run, id string) (domain.Project, error) {
		return r.st.ProjectByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Project, error) {
		return r.st.ProjectsByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Project, isNew bool) {
		c.setString("title", &e.Title)
		c.setString("organization", &e.Organization)
		c.setEnum("kind", domain.ProjectKinds, &e.Kind)
		c.setString("field", &e.Field)
		c.setCity("city", &e.City, false)
		c.setMoney("budget_vnd", &e.BudgetVND)
		c.setDate("start_on", &e.StartOn)
		c.setDate("end_on", &e.EndOn)
		c.setEnum("stage", domain.ProjectStages, &e.Stage)
		c.setString("description", &e.Description)
		c.setString("contact", &e.Contact)
	},
	validate: func(e *domain.Project) domain.FieldErrors { return e.Validate() },
	create:   func(r *run, e *domain.Project) error { return r.st.CreateProject(r.ctx, e) },
}
