package web

import (
	"hoptac/internal/domain"
)

// formField is one field of a back-office form. Its name is the column
// name of the bulk import, so a form is one row of a spreadsheet, read by
// the same rules.
type formField struct {
	Name     string
	Label    string
	Hint     string
	Kind     string // text, textarea, markdown, number, money, date, select, checkbox, checks, email, url, json
	Required bool
	// Options lists the choices of a select or checks field.
	Options func(c *Catalog) domain.Options
	// City marks the field that decides the entry's city: editors do not
	// get it, their city is theirs.
	City bool
}

func fixed(o domain.Options) func(*Catalog) domain.Options {
	return func(*Catalog) domain.Options { return o }
}

func cityOptions(withBoth bool) func(*Catalog) domain.Options {
	return func(c *Catalog) domain.Options {
		var out domain.Options
		for _, x := range c.Cities {
			out = append(out, domain.Option{Code: x.Code, Label: x.ShortVI})
		}
		if withBoth {
			out = append(out, domain.Option{Code: domain.Both, Label: "Cả hai thành phố"})
		}
		return out
	}
}

func wardOptions(c *Catalog) domain.Options {
	out := domain.Options{{Code: "", Label: "— Chưa chọn —"}}
	for _, w := range c.Wards {
		out = append(out, domain.Option{Code: w.Code, Label: w.Name + " (" + c.CityName(w.CityCode) + ")"})
	}
	return out
}

func industryOptions(c *Catalog) domain.Options {
	var out domain.Options
	for _, x := range c.Industries {
		out = append(out, domain.Option{Code: x.Code, Label: x.Code + " – " + x.NameVI})
	}
	return out
}

func occupationOptions(c *Catalog) domain.Options {
	var out domain.Options
	for _, x := range c.Occupations {
		out = append(out, domain.Option{Code: x.Code, Label: x.Code + " – " + x.NameVI})
	}
	return out
}

var externalIDField = formField{Name: "external_id", Label: "Mã tham chiếu (không bắt buộc)", Hint: "Mã trong bảng tính của sở, dùng để nhập lại từ tệp mà không tạo bản trùng.", Kind: "text"}

// formFields lists each type's fields in the order of the form.
var formFields = map[string][]formField{
	"job": {
		{Name: "title", Label: "Chức danh tuyển dụng", Kind: "text", Required: true},
		{Name: "company_tax_code", Label: "Mã số thuế doanh nghiệp", Hint: "Doanh nghiệp phải có trên cổng (mục Doanh nghiệp).", Kind: "text", Required: true},
		{Name: "occupation", Label: "Nhóm nghề (VSCO 2020)", Kind: "select", Required: true, Options: occupationOptions},
		{Name: "positions", Label: "Số lượng cần tuyển", Kind: "number", Required: true},
		{Name: "wage_min", Label: "Lương tối thiểu (đồng/tháng)", Hint: "Để trống cả hai ô nếu lương thỏa thuận.", Kind: "money"},
		{Name: "wage_max", Label: "Lương tối đa (đồng/tháng)", Kind: "money"},
		{Name: "employment_type", Label: "Hình thức làm việc", Kind: "select", Required: true, Options: fixed(domain.EmploymentTypes)},
		{Name: "education", Label: "Trình độ tối thiểu", Kind: "select", Required: true, Options: fixed(domain.EducationLevels)},
		{Name: "experience_years", Label: "Số năm kinh nghiệm", Kind: "number"},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "ward", Label: "Phường, xã nơi làm việc", Kind: "select", Options: wardOptions},
		{Name: "work_address", Label: "Địa chỉ nơi làm việc", Hint: "Số nhà, đường; phường và thành phố chọn ở trên.", Kind: "text"},
		{Name: "deadline", Label: "Hạn nộp hồ sơ", Kind: "date"},
		{Name: "description", Label: "Mô tả công việc", Kind: "textarea"},
		{Name: "requirements", Label: "Yêu cầu", Kind: "textarea"},
		{Name: "benefits", Label: "Quyền lợi", Kind: "textarea"},
		{Name: "contact", Label: "Liên hệ", Kind: "textarea"},
		{Name: "priority_groups", Label: "Ưu tiên tuyển", Kind: "checks", Options: fixed(domain.PriorityGroups)},
		externalIDField,
	},
	"company": {
		{Name: "name", Label: "Tên doanh nghiệp", Kind: "text", Required: true},
		{Name: "tax_code", Label: "Mã số thuế", Hint: "10 chữ số, hoặc 10 chữ số - 3 chữ số với chi nhánh.", Kind: "text", Required: true},
		{Name: "industry", Label: "Ngành kinh tế (VSIC 2018)", Kind: "select", Required: true, Options: industryOptions},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "ward", Label: "Phường, xã", Kind: "select", Options: wardOptions},
		{Name: "address", Label: "Địa chỉ", Hint: "Số nhà, đường.", Kind: "text"},
		{Name: "employees", Label: "Số lao động", Kind: "number"},
		{Name: "website", Label: "Trang web", Kind: "url"},
		{Name: "phone", Label: "Điện thoại", Kind: "text"},
		{Name: "email", Label: "Email tuyển dụng", Kind: "email"},
		{Name: "description", Label: "Giới thiệu", Kind: "textarea"},
		externalIDField,
	},
	"school": {
		{Name: "name", Label: "Tên cơ sở", Kind: "text", Required: true},
		{Name: "code", Label: "Mã trường", Kind: "text", Required: true},
		{Name: "kind", Label: "Loại hình", Kind: "select", Required: true, Options: fixed(domain.SchoolKinds)},
		{Name: "ownership", Label: "Hình thức sở hữu", Kind: "select", Required: true, Options: fixed(domain.Ownerships)},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "ward", Label: "Phường, xã", Kind: "select", Options: wardOptions},
		{Name: "address", Label: "Địa chỉ", Kind: "text"},
		{Name: "founded_year", Label: "Năm thành lập", Kind: "number"},
		{Name: "website", Label: "Trang web", Kind: "url"},
		{Name: "phone", Label: "Điện thoại", Kind: "text"},
		{Name: "email", Label: "Email", Kind: "email"},
		{Name: "accredited", Label: "Đã kiểm định chất lượng", Kind: "checkbox"},
		{Name: "seeks_partners", Label: "Đang tìm đối tác đào tạo", Kind: "checkbox"},
		{Name: "description", Label: "Giới thiệu", Kind: "textarea"},
		externalIDField,
	},
	"program": {
		{Name: "name", Label: "Tên ngành, nghề", Kind: "text", Required: true},
		{Name: "school_city", Label: "Thành phố của trường", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "school_code", Label: "Mã trường", Hint: "Trường phải có trên cổng (mục Trường nghề).", Kind: "text", Required: true},
		{Name: "level", Label: "Trình độ đào tạo", Kind: "select", Required: true, Options: fixed(domain.ProgramLevels)},
		{Name: "mode", Label: "Hình thức đào tạo", Kind: "select", Required: true, Options: fixed(domain.StudyModes)},
		{Name: "duration_months", Label: "Thời gian đào tạo (tháng)", Kind: "number"},
		{Name: "tuition_vnd", Label: "Học phí (đồng/khóa)", Kind: "money"},
		{Name: "quota", Label: "Chỉ tiêu", Kind: "number"},
		{Name: "intake", Label: "Thời gian tuyển sinh", Hint: "Ví dụ: Tháng 3, tháng 9.", Kind: "text"},
		{Name: "support", Label: "Hỗ trợ, miễn giảm học phí và đối tượng", Kind: "textarea"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		externalIDField,
	},
	"policy": {
		{Name: "title", Label: "Tên văn bản", Kind: "text", Required: true},
		{Name: "kind", Label: "Loại văn bản", Kind: "select", Required: true, Options: fixed(domain.PolicyKinds)},
		{Name: "field", Label: "Lĩnh vực", Kind: "select", Required: true, Options: fixed(domain.PolicyFields)},
		{Name: "city", Label: "Phạm vi", Hint: "Văn bản chung của cả hai thành phố do quản trị viên cập nhật.", Kind: "select", Required: true, Options: cityOptions(true), City: true},
		{Name: "doc_number", Label: "Số hiệu", Kind: "text"},
		{Name: "issuer", Label: "Cơ quan ban hành", Kind: "text"},
		{Name: "issued_on", Label: "Ngày ban hành", Kind: "date"},
		{Name: "effective_from", Label: "Có hiệu lực từ", Kind: "date"},
		{Name: "effective_to", Label: "Hết hiệu lực", Kind: "date"},
		{Name: "summary", Label: "Tóm tắt", Kind: "textarea"},
		{Name: "body", Label: "Nội dung (Markdown)", Hint: "Dùng ## cho đề mục, - cho gạch đầu dòng. Mã HTML sẽ bị loại bỏ.", Kind: "markdown"},
		{Name: "source_url", Label: "Đường dẫn văn bản gốc", Kind: "url"},
		externalIDField,
	},
	"project": {
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
	"commitment": {
		{Name: "title", Label: "Tên nhiệm vụ", Kind: "text", Required: true},
		{Name: "program_external_id", Label: "Mã tham chiếu của chương trình hợp tác", Hint: "Ví dụ: demo-program-2024.", Kind: "text", Required: true},
		{Name: "lead", Label: "Chủ trì", Kind: "select", Required: true, Options: cityOptions(true), City: true},
		{Name: "progress", Label: "Tiến độ", Kind: "select", Required: true, Options: fixed(domain.Progresses)},
		{Name: "due_on", Label: "Thời hạn", Kind: "date"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		{Name: "progress_updates", Label: "Cập nhật tiến độ (JSON)", Hint: `Danh sách dạng [{"date":"2025-01-15","note":"…","evidence_url":"https://…"}].`, Kind: "json"},
		{Name: "reviews", Label: "Sơ kết, tổng kết (JSON)", Hint: `Danh sách dạng [{"date":"2025-01-15","kind":"so_ket","summary":"…"}].`, Kind: "json"},
		externalIDField,
	},
}
