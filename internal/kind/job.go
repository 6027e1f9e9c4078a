package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Job is an opening; it names its company.
var Job = &Kind[domain.Job]{
	typ: entryType("job"), table: store.Jobs, parent: "company",
	meta:     func(e *domain.Job) *domain.Meta { return &e.Meta },
	title:    func(e *domain.Job) string { return e.Title },
	city:     func(e *domain.Job) string { return e.City },
	load:     (*store.Store).Job,
	create:   (*store.Store).CreateJob,
	update:   (*store.Store).UpdateJob,
	public:   (*store.Store).PublicJobs,
	document: (*search.Names).JobDocument,
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
}
