package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Program is a trade a school trains for; it names its school.
var Program = register(&Kind[domain.Program]{
	typ: entryType("program"), order: 6, parent: "school",
	city: func(e *domain.Program) string { return e.City },
	parentKeys: func(_ context.Context, _ *store.Store, e *domain.Program) (map[string]string, error) {
		return map[string]string{"school_city": e.City}, nil // school_code is joined in
	},
	document: (*search.Names).ProgramDocument,
	summary:  func(e *domain.Program) string { return joinText(e.Description, e.Support) },
	schema:   programSchema,
	example: map[string]string{
		"external_id":      "vd-nganh",
		"school_city":      "cantho",
		"school_code":      "VD-CD",
		"name":             "Công nghệ ô tô (ví dụ)",
		"level":            "cao_dang",
		"mode":             "full_time",
		"duration_months":  "30",
		"tuition_vnd":      "9000000",
		"occupations":      "7",
		"support_groups":   "veteran",
		"support_benefits": "fee_waiver",
	},
	fields: []Field{
		{Name: "name", Label: "Tên ngành, nghề", Kind: "text", Required: true},
		{Name: "school_city", Label: "Thành phố của trường", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "school_code", Label: "Trường", Hint: "Gõ một phần tên hoặc mã trường, bấm “Tìm”, rồi chọn trong danh sách. Trường phải có trên cổng (mục Trường nghề).", Kind: "picker", Pick: "school", Required: true},
		{Name: "level", Label: "Trình độ đào tạo", Kind: "select", Required: true, Options: fixed(domain.ProgramLevels)},
		{Name: "mode", Label: "Hình thức đào tạo", Kind: "select", Required: true, Options: fixed(domain.StudyModes)},
		{Name: "duration_months", Label: "Thời gian đào tạo (tháng)", Kind: "number"},
		{Name: "tuition_vnd", Label: "Học phí (đồng/khóa)", Kind: "money"},
		{Name: "quota", Label: "Chỉ tiêu", Kind: "number"},
		{Name: "intake", Label: "Thời gian tuyển sinh", Hint: "Ví dụ: Tháng 3, tháng 9.", Kind: "text"},
		{Name: "occupations", Label: "Học xong làm nghề gì (nhóm nghề VSCO 2020)", Hint: "Trang ngành nghề sẽ hiện các việc làm đang tuyển của những nhóm nghề này.", Kind: "checks", Options: occupationOptions},
		{Name: "support_groups", Label: "Ai được hỗ trợ", Kind: "checks", Options: fixed(domain.SupportGroups)},
		{Name: "support_benefits", Label: "Được hỗ trợ gì", Kind: "checks", Options: fixed(domain.SupportBenefits)},
		{Name: "support", Label: "Chi tiết hỗ trợ, miễn giảm học phí", Kind: "textarea"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		externalIDField,
	},
	columns: []column[domain.Program]{
		{Column{Name: "name", Type: "text", Doc: "Tên ngành, nghề đào tạo."}, func(e *domain.Program) any { return e.Name }},
		{Column{Name: "school_id", Type: "parent", Doc: "Trường đào tạo (mã số mục trường)."}, func(e *domain.Program) any { return e.SchoolID }},
		{Column{Name: "school_name", Type: "text", Doc: "Tên trường."}, func(e *domain.Program) any { return e.SchoolName }},
		{Column{Name: "school_code", Type: "text", Doc: "Mã trường."}, func(e *domain.Program) any { return e.SchoolCode }},
		{Column{Name: "city", Type: "code", Codes: "cities", Doc: "Thành phố của trường."}, func(e *domain.Program) any { return optCode(e.City) }},
		{Column{Name: "level", Type: "code", Codes: "program_levels", Doc: "Trình độ đào tạo."}, func(e *domain.Program) any { return optCode(e.Level) }},
		{Column{Name: "mode", Type: "code", Codes: "study_modes", Doc: "Hình thức đào tạo."}, func(e *domain.Program) any { return optCode(e.Mode) }},
		{Column{Name: "duration_months", Type: "integer", Doc: "Thời gian đào tạo (tháng)."}, func(e *domain.Program) any { return optInt(e.DurationMonths) }},
		{Column{Name: "tuition_vnd", Type: "integer", Doc: "Học phí, đồng/khóa (trống: chưa công bố)."}, func(e *domain.Program) any { return optInt64(e.TuitionVND) }},
		{Column{Name: "quota", Type: "integer", Doc: "Chỉ tiêu tuyển sinh."}, func(e *domain.Program) any { return optInt(e.Quota) }},
		{Column{Name: "intake", Type: "text", Doc: "Thời gian tuyển sinh."}, func(e *domain.Program) any { return e.Intake }},
		{Column{Name: "support", Type: "text", Doc: "Hỗ trợ, miễn giảm học phí và đối tượng."}, func(e *domain.Program) any { return e.Support }},
		{Column{Name: "description", Type: "text", Doc: "Mô tả."}, func(e *domain.Program) any { return e.Description }},
	},
	problems: map[string]problem{
		"programs_school_id_fkey": {"school", "Trường đào tạo không tồn tại."},
	},
})
