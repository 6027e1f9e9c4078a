package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
)

// Company is an employer; jobs name it by tax code.
var Company = register(&Kind[domain.Company]{
	typ: entryType("company"), order: 3,
	city:     func(e *domain.Company) string { return e.City },
	document: (*search.Names).CompanyDocument,
	summary:  func(e *domain.Company) string { return e.Description },
	schema:   companySchema,
	example: map[string]string{
		"external_id": "vd-doanh-nghiep",
		"tax_code":    "0301234562",
		"name":        "Công ty TNHH May Ví Dụ",
		"industry":    "C",
		"address":     "12 Lê Lợi",
		"ward":        "26740",
		"city":        "hcm",
		"employees":   "1200",
	},
	fields: []Field{
		{Name: "name", Label: "Tên doanh nghiệp", Kind: "text", Required: true},
		{Name: "tax_code", Label: "Mã số thuế", Hint: "10 chữ số, hoặc 10 chữ số - 3 chữ số với chi nhánh.", Kind: "text", Required: true},
		{Name: "industry", Label: "Ngành kinh tế (VSIC 2018)", Kind: "select", Required: true, Options: industryOptions},
		{Name: "city", Label: "Thành phố", Kind: "select", Required: true, Options: cityOptions(false), City: true},
		{Name: "ward", Label: "Phường, xã", Kind: "ward", Options: wardOptions},
		{Name: "address", Label: "Địa chỉ", Hint: "Số nhà, đường.", Kind: "text"},
		{Name: "employees", Label: "Số lao động", Kind: "number"},
		{Name: "website", Label: "Trang web", Kind: "url"},
		{Name: "phone", Label: "Điện thoại", Kind: "text"},
		{Name: "email", Label: "Email tuyển dụng", Kind: "email"},
		{Name: "description", Label: "Giới thiệu", Kind: "textarea"},
		externalIDField,
	},
	columns: []column[domain.Company]{
		{Column{Name: "name", Type: "text", Doc: "Tên doanh nghiệp."}, func(e *domain.Company) any { return e.Name }},
		{Column{Name: "tax_code", Type: "text", Doc: "Mã số thuế (mã số doanh nghiệp)."}, func(e *domain.Company) any { return e.TaxCode }},
		{Column{Name: "industry", Type: "code", Codes: "industries", Doc: "Ngành kinh tế chính (VSIC, cấp 1)."}, func(e *domain.Company) any { return optCode(e.IndustryCode) }},
		{Column{Name: "industry_version", Type: "text", Doc: "Phiên bản danh mục ngành."}, func(e *domain.Company) any { return e.IndustryVersion }},
		{Column{Name: "city", Type: "code", Codes: "cities", Doc: "Thành phố."}, func(e *domain.Company) any { return optCode(e.City) }},
		{Column{Name: "ward", Type: "code", Codes: "wards", Doc: "Phường, xã."}, func(e *domain.Company) any { return optString(e.WardCode) }},
		{Column{Name: "address", Type: "text", Doc: "Địa chỉ."}, func(e *domain.Company) any { return e.Address }},
		{Column{Name: "employees", Type: "integer", Doc: "Số lao động."}, func(e *domain.Company) any { return optInt(e.Employees) }},
		{Column{Name: "website", Type: "text", Doc: "Trang web."}, func(e *domain.Company) any { return e.Website }},
		{Column{Name: "phone", Type: "text", Doc: "Điện thoại của doanh nghiệp."}, func(e *domain.Company) any { return e.Phone }},
		{Column{Name: "email", Type: "text", Doc: "Thư điện tử của doanh nghiệp."}, func(e *domain.Company) any { return e.Email }},
		{Column{Name: "description", Type: "text", Doc: "Giới thiệu."}, func(e *domain.Company) any { return e.Description }},
		{Column{Name: "open_jobs", Type: "integer", Doc: "Số tin tuyển dụng còn hạn."}, func(e *domain.Company) any { return int64(e.OpenJobs) }},
		{Column{Name: "open_positions", Type: "integer", Doc: "Số vị trí đang tuyển trong các tin còn hạn."}, func(e *domain.Company) any { return int64(e.OpenPositions) }},
	},
	problems: map[string]problem{
		"companies_tax_code_key":   {"tax_code", "Mã số thuế này đã có doanh nghiệp khác sử dụng."},
		"companies_industry_fkey":  {"industry", "Ngành kinh tế (VSIC) không có trong danh mục."},
		"companies_ward_city_fkey": {"ward", "Phường/xã không thuộc thành phố đã chọn."},
		"companies_tax_code_check": {"tax_code", "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số."},
	},
})
