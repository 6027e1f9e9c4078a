package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Project is a project or organisation that seeks partners.
var Project = &Kind[domain.Project]{
	typ: entryType("project"), table: store.Projects,
	meta:     func(e *domain.Project) *domain.Meta { return &e.Meta },
	title:    func(e *domain.Project) string { return e.Title },
	city:     func(e *domain.Project) string { return e.City },
	load:     (*store.Store).Project,
	create:   (*store.Store).CreateProject,
	update:   (*store.Store).UpdateProject,
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
	fields: []Field{
		{Name: "title", Label: "Tên dự án", Kind: "text", Required: true},
		{Name: "organization", Label: "Tổ chức chủ trì", Kind: "text"},
		{Name: "kind", Label: "Loại dự án", Kind: "select", Required: true, Options: fixed(domain.ProjectKinds)},
		{Name: "stage", Label: "Giai đoạn", Kind: "select", Required: true, Options: fixed(domain.ProjectStages)},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "field", Label: "Lĩnh vực", Kind: "text"},
		{Name: "budget_vnd", Label: "Kinh phí dự kiến (đồng)", Kind: "money"},
		{Name: "start_on", Label: "Bắt đầu", Kind: "date"},
		{Name: "end_on", Label: "Kết thúc", Kind: "date"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		{Name: "contact", Label: "Liên hệ", Kind: "textarea"},
		externalIDField,
	},
}
