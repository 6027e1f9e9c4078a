package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
)

// School is a vocational institution; programs name it by city and code.
var School = register(&Kind[domain.School]{
	typ: entryType("school"), order: 5,
	city:     func(e *domain.School) string { return e.City },
	document: (*search.Names).SchoolDocument,
	summary:  func(e *domain.School) string { return e.Description },
	schema:   schoolSchema,
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
	columns: []column[domain.School]{
		{Column{Name: "name", Type: "text", Doc: "Tên cơ sở giáo dục nghề nghiệp."}, func(e *domain.School) any { return e.Name }},
		{Column{Name: "code", Type: "text", Doc: "Mã trường."}, func(e *domain.School) any { return e.Code }},
		{Column{Name: "kind", Type: "code", Codes: "school_kinds", Doc: "Loại hình."}, func(e *domain.School) any { return optCode(e.Kind) }},
		{Column{Name: "ownership", Type: "code", Codes: "ownerships", Doc: "Hình thức sở hữu."}, func(e *domain.School) any { return optCode(e.Ownership) }},
		{Column{Name: "city", Type: "code", Codes: "cities", Doc: "Thành phố."}, func(e *domain.School) any { return optCode(e.City) }},
		{Column{Name: "ward", Type: "code", Codes: "wards", Doc: "Phường, xã."}, func(e *domain.School) any { return optString(e.WardCode) }},
		{Column{Name: "address", Type: "text", Doc: "Địa chỉ."}, func(e *domain.School) any { return e.Address }},
		{Column{Name: "founded_year", Type: "integer", Doc: "Năm thành lập."}, func(e *domain.School) any { return optInt(e.FoundedYear) }},
		{Column{Name: "website", Type: "text", Doc: "Trang web."}, func(e *domain.School) any { return e.Website }},
		{Column{Name: "phone", Type: "text", Doc: "Điện thoại của trường."}, func(e *domain.School) any { return e.Phone }},
		{Column{Name: "email", Type: "text", Doc: "Thư điện tử của trường."}, func(e *domain.School) any { return e.Email }},
		{Column{Name: "description", Type: "text", Doc: "Giới thiệu."}, func(e *domain.School) any { return e.Description }},
		{Column{Name: "accredited", Type: "boolean", Doc: "Đã kiểm định chất lượng."}, func(e *domain.School) any { return e.Accredited }},
		{Column{Name: "seeks_partners", Type: "boolean", Doc: "Đang tìm doanh nghiệp, đối tác hợp tác."}, func(e *domain.School) any { return e.SeeksPartners }},
		{Column{Name: "program_count", Type: "integer", Doc: "Số ngành, nghề đào tạo đã công bố."}, func(e *domain.School) any { return int64(e.ProgramCount) }},
	},
	problems: map[string]problem{
		"schools_city_code_key":  {"code", "Mã trường này đã có trong thành phố."},
		"schools_ward_city_fkey": {"ward", "Phường/xã không thuộc thành phố đã chọn."},
	},
})
