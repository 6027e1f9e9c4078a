package importer

import (
	"context"
	"fmt"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// jobSpec imports jobs; a row names its company by tax code.
var jobSpec = register(kind.Job, &spec[domain.Job]{
	columns: []string{"external_id", "company_tax_code", "title", "occupation", "positions",
		"wage_min", "wage_max", "employment_type", "education", "experience_years", "work_address",
		"ward", "city", "requirements", "benefits", "description", "deadline", "contact", "priority_groups"},
	aliases: map[string]string{"ward_code": "ward", "occupation_code": "occupation"},
	fields:  map[string]string{"company": "company_tax_code", "company_id": "company_tax_code"},
	plain:   []string{"title", "positions", "experience_years", "work_address", "requirements", "benefits", "description", "contact"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.Job, isNew bool) {
		companyCity := ""
		if s, ok := c.text("company_tax_code"); ok {
			tax := normTaxCode(s)
			e.CompanyID = 0
			if tax != "" && !isTaxCodeShape(tax) {
				tax = c.companyByName(ctx, s) // "Công ty TNHH May Phú Thịnh"
			}
			if tax != "" {
				if p, ok := c.r.company(ctx, tax); ok {
					e.CompanyID, companyCity = p.id, p.city
				} else if c.r.fatal == nil {
					c.fail("company_tax_code", fmt.Sprintf("Không tìm thấy doanh nghiệp có mã số thuế %s: hãy nhập doanh nghiệp trước (ở trang, tệp hoặc dòng trước).", tax))
				}
			}
		}
		c.setChoice("occupation", c.r.ref.words.occupations, "nhóm nghề VSCO", &e.OccupationCode)
		if e.OccupationVersion == "" {
			e.OccupationVersion = "VSCO2020"
		}
		c.setMoney("wage_min", &e.WageMin)
		c.setMoney("wage_max", &e.WageMax)
		c.setEnum("employment_type", domain.EmploymentTypes, &e.EmploymentType)
		c.setEnum("education", domain.EducationLevels, &e.Education)
		c.setCity("city", &e.City, false)
		if e.City == "" && !c.failedOn("city") {
			e.City = companyCity // a job is where its company is unless it says otherwise
		}
		c.setWard("ward", &e.WardCode, e.City)
		c.setDate("deadline", &e.Deadline)
		c.setList("priority_groups", domain.PriorityGroups, &e.PriorityGroups)
		if e.PriorityGroups == nil {
			e.PriorityGroups = []string{}
		}
	},
	check: func(c *rowCtx, e *domain.Job) {
		if e.OccupationCode != "" && !c.failedOn("occupation") && !c.r.ref.IsOccupation(e.OccupationCode) {
			c.fail("occupation", fmt.Sprintf("Giá trị “%s” không có trong danh sách: nhóm nghề VSCO là một chữ số từ 0 đến 9.", e.OccupationCode))
		}
		c.checkWard("ward", e.WardCode, e.City)
	},
	validate: func(e *domain.Job) domain.FieldErrors { return e.Validate() },
})
