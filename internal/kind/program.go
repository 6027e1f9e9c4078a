package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Program is a trade a school trains for; it names its school.
var Program = &Kind[domain.Program]{
	typ: entryType("program"), table: store.Programs, parent: "school",
	meta:   func(e *domain.Program) *domain.Meta { return &e.Meta },
	title:  func(e *domain.Program) string { return e.Name },
	city:   func(e *domain.Program) string { return e.City },
	load:   (*store.Store).Program,
	create: (*store.Store).CreateProgram,
	update: (*store.Store).UpdateProgram,
	parentKeys: func(_ context.Context, _ *store.Store, e *domain.Program) (map[string]string, error) {
		return map[string]string{"school_city": e.City}, nil // school_code is joined in
	},
	public:   (*store.Store).PublicPrograms,
	document: (*search.Names).ProgramDocument,
	example: map[string]string{
		"external_id":     "vd-nganh",
		"school_city":     "cantho",
		"school_code":     "VD-CD",
		"name":            "Công nghệ ô tô (ví dụ)",
		"level":           "cao_dang",
		"mode":            "full_time",
		"duration_months": "30",
		"tuition_vnd":     "9000000",
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
		{Name: "support", Label: "Hỗ trợ, miễn giảm học phí và đối tượng", Kind: "textarea"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		externalIDField,
	},
}
