package importer

import (
	"context"
	"fmt"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// companySpec imports companies; rows upsert on external_id, else the tax code.
var companySpec = register(kind.Company, &spec[domain.Company]{
	columns: []string{"external_id", "tax_code", "name", "industry", "address", "ward", "city",
		"employees", "website", "phone", "email", "description"},
	aliases: map[string]string{"ward_code": "ward", "industry_code": "industry"},
	natural: &natural[domain.Company]{
		column: "tax_code",
		what:   "Mã số thuế",
		key: func(c *rowCtx) string {
			s, _ := c.text("tax_code")
			return normTaxCode(s)
		},
		keyOf:  func(e *domain.Company) string { return e.TaxCode },
		find:   (*store.Store).CompanyByTaxCode,
		taken:  "Mã số thuế %s đã thuộc một doanh nghiệp khác.",
		hasExt: "Doanh nghiệp có mã số thuế %s đã có mã tham chiếu “%s”, khác với “%s” trong tệp.",
	},
	plain: []string{"name", "address", "employees", "website", "phone", "email", "description"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.Company, isNew bool) {
		if s, ok := c.text("tax_code"); ok {
			e.TaxCode = normTaxCode(s)
		}
		c.setChoice("industry", c.r.ref.words.industries, "ngành kinh tế VSIC", &e.IndustryCode)
		if e.IndustryVersion == "" {
			e.IndustryVersion = "VSIC2018"
		}
		c.setCity("city", &e.City, false)
		c.setWard("ward", &e.WardCode, e.City)
	},
	check: func(c *rowCtx, e *domain.Company) {
		if e.IndustryCode != "" && !c.failedOn("industry") && !c.r.ref.IsIndustryOf(e.IndustryVersion, e.IndustryCode) {
			c.fail("industry", fmt.Sprintf("Giá trị “%s” không có trong danh sách: ngành kinh tế VSIC là một chữ cái từ A đến U.", e.IndustryCode))
		}
		c.checkWard("ward", e.WardCode, e.City)
	},
	validate: func(e *domain.Company) domain.FieldErrors { return e.Validate() },
	remember: func(r *run, e, old *domain.Company, ref *parentRef) {
		if old != nil && old.TaxCode != e.TaxCode {
			delete(r.companies, old.TaxCode)
		}
		ref.city = e.City
		r.companies[e.TaxCode] = ref
		r.companyNames[wordKey(e.Name)] = append(r.companyNames[wordKey(e.Name)], e.TaxCode)
	},
})
