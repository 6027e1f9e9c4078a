package importer

import (
	"context"
	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// projectSpec imports projects and organisations seeking partners.
var projectSpec = register(kind.Project, &spec[domain.Project]{
	columns: []string{"external_id", "title", "organization", "kind", "field", "city", "budget_vnd",
		"start_on", "end_on", "stage", "description", "contact"},
	plain: []string{"title", "organization", "field", "description", "contact"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.Project, isNew bool) {
		c.setEnum("kind", domain.ProjectKinds, &e.Kind)
		c.setCity("city", &e.City, false)
		c.setMoney("budget_vnd", &e.BudgetVND)
		c.setDate("start_on", &e.StartOn)
		c.setDate("end_on", &e.EndOn)
		c.setEnum("stage", domain.ProjectStages, &e.Stage)
	},
	validate: func(e *domain.Project) domain.FieldErrors { return e.Validate() },
})
