package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Company is an employer; jobs name it by tax code.
var Company = &Kind[domain.Company]{
	typ: entryType("company"), table: store.Companies,
	meta:     func(e *domain.Company) *domain.Meta { return &e.Meta },
	title:    func(e *domain.Company) string { return e.Name },
	city:     func(e *domain.Company) string { return e.City },
	load:     (*store.Store).Company,
	create:   (*store.Store).CreateCompany,
	update:   (*store.Store).UpdateCompany,
	public:   (*store.Store).PublicCompanies,
	document: (*search.Names).CompanyDocument,
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
}
