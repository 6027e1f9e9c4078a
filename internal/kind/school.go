package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// School is a vocational institution; programs name it by city and code.
var School = &Kind[domain.School]{
	typ: entryType("school"), table: store.Schools,
	meta:     func(e *domain.School) *domain.Meta { return &e.Meta },
	title:    func(e *domain.School) string { return e.Name },
	city:     func(e *domain.School) string { return e.City },
	load:     (*store.Store).School,
	create:   (*store.Store).CreateSchool,
	update:   (*store.Store).UpdateSchool,
	public:   (*store.Store).PublicSchools,
	document: (*search.Names).SchoolDocument,
	example: map[string]string{
		"external_id": "vd-truong",
		"code":        "VD-CD",
		"name":        "Trường Cao đẳng Ví Dụ Cần Thơ",
		"kind":        "cao_dang",
		"ownership":   "public",
		"city":        "cantho",
	},
	fields: []Field{
		{Name: "name", Label: "Tên cơ sở", Kind: "text", Required: true},
		{Name: "code", Label: "Mã trường", Kind: "text", Required: true},
		{Name: "kind", Label: "Loại hình", Kind: "select", Required: true, Options: fixed(domain.SchoolKinds)},
		{Name: "ownership", Label: "Hình thức sở hữu", Kind: "select", Required: true, Options: fixed(domain.Ownerships)},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "ward", Label: "Phường, xã", Kind: "ward", Options: wardOptions},
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
}
