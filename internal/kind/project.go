package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
)

// Project is a project or organisation that seeks partners.
var Project = register(&Kind[domain.Project]{
	typ: entryType("project"), order: 7,
	city:     func(e *domain.Project) string { return e.City },
	document: (*search.Names).ProjectDocument,
	summary:  func(e *domain.Project) string { return e.Description },
	schema:   projectSchema,
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
	columns: []column[domain.Project]{
		{Column{Name: "title", Type: "text", Doc: "Tên dự án."}, func(e *domain.Project) any { return e.Title }},
		{Column{Name: "organization", Type: "text", Doc: "Tổ chức chủ trì."}, func(e *domain.Project) any { return e.Organization }},
		{Column{Name: "kind", Type: "code", Codes: "project_kinds", Doc: "Loại dự án."}, func(e *domain.Project) any { return optCode(e.Kind) }},
		{Column{Name: "field", Type: "text", Doc: "Lĩnh vực."}, func(e *domain.Project) any { return e.Field }},
		{Column{Name: "city", Type: "code", Codes: "cities", Doc: "Thành phố (hoặc cả hai)."}, func(e *domain.Project) any { return optCode(e.City) }},
		{Column{Name: "budget_vnd", Type: "integer", Doc: "Kinh phí, đồng."}, func(e *domain.Project) any { return optInt64(e.BudgetVND) }},
		{Column{Name: "start_on", Type: "date", Doc: "Ngày bắt đầu."}, func(e *domain.Project) any { return optDate(e.StartOn) }},
		{Column{Name: "end_on", Type: "date", Doc: "Ngày kết thúc."}, func(e *domain.Project) any { return optDate(e.EndOn) }},
		{Column{Name: "stage", Type: "code", Codes: "project_stages", Doc: "Giai đoạn."}, func(e *domain.Project) any { return optCode(e.Stage) }},
		{Column{Name: "description", Type: "text", Doc: "Mô tả."}, func(e *domain.Project) any { return e.Description }},
		{Column{Name: "contact", Type: "text", Doc: "Liên hệ của tổ chức chủ trì."}, func(e *domain.Project) any { return e.Contact }},
	},
	problems: map[string]problem{
		"projects_date_range_check": {"end_on", "Ngày kết thúc phải sau ngày bắt đầu."},
	},
})
