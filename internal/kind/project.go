package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Project is a project or organisation that seeks partners.
var Project = &Kind[domain.Project]{
	typ: entryType("project"), table: store.Projects,
	meta:   func(e *domain.Project) *domain.Meta { return &e.Meta },
	title:  func(e *domain.Project) string { return e.Title },
	city:   func(e *domain.Project) string { return e.City },
	load:   (*store.Store).Project,
	create: (*store.Store).CreateProject,
	update: (*store.Store).UpdateProject,
	list: func(st *store.Store, ctx context.Context, f ListFilter) (store.List[domain.Project], error) {
		return st.Projects(ctx, store.ProjectFilter{Paging: f.Paging, Status: f.Status, City: f.City, Q: f.Q})
	},
	public:   (*store.Store).PublicProjects,
	document: (*search.Names).ProjectDocument,
	example: map[string]string{
		"external_id":  "vd-du-an",
		"title":        "Trung tâm đào tạo nghề thủy sản (ví dụ)",
		"organization": "Hiệp hội ví dụ",
		"kind":         "training",
		"field":        "vocational",
		"city":         "cantho",
		"stage":        "seeking_partners",
		"budget_vnd":   "5000000000",
	},
}
