package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Job is an opening; it names its company.
var Job = register(&Kind[domain.Job]{
	typ: entryType("job"), order: 4, table: store.Jobs, parent: "company",
	city:     func(e *domain.Job) string { return e.City },
	document: (*search.Names).JobDocument,
	summary:  func(e *domain.Job) string { return joinText(e.Description, e.Requirements) },
	schema:   jobSchema,
	warn:     jobWarnings,
	example: map[string]string{
		"external_id":      "vd-viec-lam",
		"company_tax_code": "0301234562",
		"title":            "Công nhân may công nghiệp (ví dụ)",
		"occupation":       "8",
		"positions":        "50",
		"wage_min":         "8000000",
		"wage_max":         "12000000",
		"employment_type":  "full_time",
		"education":        "none",
		"city":             "hcm",
		"deadline":         "2030-12-31",
	},
	fields: []Field{
		{Name: "title", Label: "Chức danh tuyển dụng", Kind: "text", Required: true},
		{Name: "company_tax_code", Label: "Doanh nghiệp", Hint: "Gõ một phần tên hoặc mã số thuế, bấm “Tìm”, rồi chọn trong danh sách. Doanh nghiệp phải có trên cổng (mục Doanh nghiệp).", Kind: "picker", Pick: "company", Required: true},
		{Name: "occupation", Label: "Nhóm nghề (VSCO 2020)", Kind: "select", Required: true, Options: occupationOptions},
		{Name: "positions", Label: "Số lượng cần tuyển", Kind: "number", Required: true},
		{Name: "wage_min", Label: "Lương tối thiểu (đồng/tháng)", Hint: "Để trống cả hai ô nếu lương thỏa thuận.", Kind: "money"},
		{Name: "wage_max", Label: "Lương tối đa (đồng/tháng)", Kind: "money"},
		{Name: "employment_type", Label: "Hình thức làm việc", Kind: "select", Required: true, Options: fixed(domain.EmploymentTypes)},
		{Name: "education", Label: "Trình độ tối thiểu", Kind: "select", Required: true, Options: fixed(domain.EducationLevels)},
		{Name: "experience_years", Label: "Số năm kinh nghiệm", Kind: "number"},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "ward", Label: "Phường, xã nơi làm việc", Kind: "ward", Options: wardOptions},
		{Name: "work_address", Label: "Địa chỉ nơi làm việc", Hint: "Số nhà, đường; phường và thành phố chọn ở trên.", Kind: "text"},
		{Name: "deadline", Label: "Hạn nộp hồ sơ", Kind: "date"},
		{Name: "description", Label: "Mô tả công việc", Kind: "textarea"},
		{Name: "requirements", Label: "Yêu cầu", Kind: "textarea"},
		{Name: "benefits", Label: "Quyền lợi", Kind: "textarea"},
		{Name: "contact", Label: "Liên hệ", Kind: "textarea"},
		{Name: "priority_groups", Label: "Ưu tiên tuyển", Kind: "checks", Options: fixed(domain.PriorityGroups)},
		externalIDField,
	},
	columns: []column[domain.Job]{
		{Column{Name: "title", Type: "text", Doc: "Chức danh tuyển dụng."}, func(e *domain.Job) any { return e.Title }},
		{Column{Name: "company_id", Type: "parent", Doc: "Doanh nghiệp tuyển (mã số mục doanh nghiệp)."}, func(e *domain.Job) any { return e.CompanyID }},
		{Column{Name: "company_name", Type: "text", Doc: "Tên doanh nghiệp tuyển."}, func(e *domain.Job) any { return e.CompanyName }},
		{Column{Name: "company_tax_code", Type: "text", Doc: "Mã số thuế của doanh nghiệp."}, func(e *domain.Job) any { return e.CompanyTaxCode }},
		{Column{Name: "occupation", Type: "code", Codes: "occupations", Doc: "Nhóm nghề (VSCO 2020)."}, func(e *domain.Job) any { return optCode(e.OccupationCode) }},
		{Column{Name: "occupation_version", Type: "text", Doc: "Phiên bản danh mục nghề."}, func(e *domain.Job) any { return e.OccupationVersion }},
		{Column{Name: "positions", Type: "integer", Doc: "Số lượng cần tuyển (người)."}, func(e *domain.Job) any { return int64(e.Positions) }},
		{Column{Name: "wage_min", Type: "integer", Doc: "Lương tối thiểu, đồng/tháng (trống: thỏa thuận)."}, func(e *domain.Job) any { return optInt64(e.WageMin) }},
		{Column{Name: "wage_max", Type: "integer", Doc: "Lương tối đa, đồng/tháng (trống: thỏa thuận)."}, func(e *domain.Job) any { return optInt64(e.WageMax) }},
		{Column{Name: "employment_type", Type: "code", Codes: "employment_types", Doc: "Hình thức làm việc."}, func(e *domain.Job) any { return optCode(e.EmploymentType) }},
		{Column{Name: "education", Type: "code", Codes: "education", Doc: "Trình độ tối thiểu."}, func(e *domain.Job) any { return optCode(e.Education) }},
		{Column{Name: "experience_years", Type: "integer", Doc: "Số năm kinh nghiệm yêu cầu."}, func(e *domain.Job) any { return int64(e.ExperienceYears) }},
		{Column{Name: "city", Type: "code", Codes: "cities", Doc: "Thành phố nơi làm việc."}, func(e *domain.Job) any { return optCode(e.City) }},
		{Column{Name: "ward", Type: "code", Codes: "wards", Doc: "Phường, xã nơi làm việc."}, func(e *domain.Job) any { return optString(e.WardCode) }},
		{Column{Name: "work_address", Type: "text", Doc: "Địa chỉ nơi làm việc."}, func(e *domain.Job) any { return e.WorkAddress }},
		{Column{Name: "deadline", Type: "date", Doc: "Hạn nộp hồ sơ (trống: không hạn)."}, func(e *domain.Job) any { return optDate(e.Deadline) }},
		{Column{Name: "description", Type: "text", Doc: "Mô tả công việc."}, func(e *domain.Job) any { return e.Description }},
		{Column{Name: "requirements", Type: "text", Doc: "Yêu cầu."}, func(e *domain.Job) any { return e.Requirements }},
		{Column{Name: "benefits", Type: "text", Doc: "Quyền lợi."}, func(e *domain.Job) any { return e.Benefits }},
		{Column{Name: "contact", Type: "text", Doc: "Liên hệ tuyển dụng của doanh nghiệp."}, func(e *domain.Job) any { return e.Contact }},
		{Column{Name: "priority_groups", Type: "codes", Codes: "priority_groups", Doc: "Nhóm được ưu tiên tuyển."}, func(e *domain.Job) any { return []string(e.PriorityGroups) }},
	},
	problems: map[string]problem{
		"jobs_wage_range_check": {"wage_max", "Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu."},
		"jobs_occupation_fkey":  {"occupation", "Nhóm nghề (VSCO) không có trong danh mục."},
		"jobs_ward_city_fkey":   {"ward", "Phường/xã không thuộc thành phố đã chọn."},
	},
})
