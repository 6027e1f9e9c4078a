package importer

import (
	"fmt"
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

func entryType(name string) domain.EntryType {
	t, ok := domain.TypeByName(name)
	if !ok {
		panic("importer: no entry type " + name)
	}
	return t
}

// wardAliases: a ward column may be called ward or ward_code.
var wardAliases = map[string]string{"ward_code": "ward"}

var companySpec = &spec[domain.Company]{
	entry: entryType("company"),
	table: store.Companies,
	columns: []string{"external_id", "tax_code", "name", "industry", "address", "ward", "city",
		"employees", "website", "phone", "email", "description"},
	aliases: map[string]string{"ward_code": "ward", "industry_code": "industry"},
	cityCol: "city",
	natural: &natural[domain.Company]{
		column: "tax_code",
		what:   "Mã số thuế",
		key: func(c *rowCtx) string {
			s, _ := c.text("tax_code")
			return normTaxCode(s)
		},
		keyOf:  func(e *domain.Company) string { return e.TaxCode },
		find:   func(r *run, key string) (domain.Company, error) { return r.st.CompanyByTaxCode(r.ctx, key) },
		taken:  "Mã số thuế %s đã thuộc một doanh nghiệp khác.",
		hasExt: "Doanh nghiệp có mã số thuế %s đã có mã tham chiếu “%s”, khác với “%s” trong tệp.",
	},
	meta: func(e *domain.Company) *domain.Meta { return &e.Meta },
	city: func(e *domain.Company) string { return e.City },
	byExternalID: func(r *run, id string) (domain.Company, error) {
		return r.st.CompanyByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Company, error) {
		return r.st.CompaniesByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Company, isNew bool) {
		if s, ok := c.text("tax_code"); ok {
			e.TaxCode = normTaxCode(s)
		}
		c.setString("name", &e.Name)
		if s, ok := c.text("industry"); ok {
			e.IndustryCode = strings.ToUpper(s)
		}
		if e.IndustryVersion == "" {
			e.IndustryVersion = "VSIC2018"
		}
		c.setString("address", &e.Address)
		c.setCity("city", &e.City, false)
		c.setWard("ward", &e.WardCode, e.City)
		c.setIntPtr("employees", &e.Employees)
		c.setString("website", &e.Website)
		c.setString("phone", &e.Phone)
		c.setString("email", &e.Email)
		c.setString("description", &e.Description)
	},
	check: func(c *rowCtx, e *domain.Company) {
		if e.IndustryCode != "" && !c.failedOn("industry") && !c.r.ref.industries[e.IndustryVersion][e.IndustryCode] {
			c.fail("industry", fmt.Sprintf("Giá trị “%s” không có trong danh sách: ngành kinh tế VSIC là một chữ cái từ A đến U.", e.IndustryCode))
		}
		c.checkWard("ward", e.WardCode, e.City)
	},
	validate: func(e *domain.Company) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.Company) bool {
		return a.ExternalID == b.ExternalID && a.TaxCode == b.TaxCode && a.Name == b.Name &&
			a.IndustryVersion == b.IndustryVersion && a.IndustryCode == b.IndustryCode &&
			a.Address == b.Address && samePtr(a.WardCode, b.WardCode) && a.City == b.City &&
			samePtr(a.Employees, b.Employees) && a.Website == b.Website && a.Phone == b.Phone &&
			a.Email == b.Email && a.Description == b.Description
	},
	create: func(r *run, e *domain.Company) error { return r.st.CreateCompany(r.ctx, e) },
	remember: func(r *run, e, old *domain.Company, ref *parentRef) {
		if old != nil && old.TaxCode != e.TaxCode {
			delete(r.companies, old.TaxCode)
		}
		ref.city = e.City
		r.companies[e.TaxCode] = ref
	},
}

var jobSpec = &spec[domain.Job]{
	entry: entryType("job"),
	table: store.Jobs,
	columns: []string{"external_id", "company_tax_code", "title", "occupation", "positions",
		"wage_min", "wage_max", "employment_type", "education", "experience_years", "work_address",
		"ward", "city", "requirements", "benefits", "description", "deadline", "contact", "priority_groups"},
	aliases: map[string]string{"ward_code": "ward", "occupation_code": "occupation"},
	fields:  map[string]string{"company": "company_tax_code", "company_id": "company_tax_code"},
	cityCol: "city",
	meta:    func(e *domain.Job) *domain.Meta { return &e.Meta },
	city:    func(e *domain.Job) string { return e.City },
	byExternalID: func(r *run, id string) (domain.Job, error) {
		return r.st.JobByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Job, error) {
		return r.st.JobsByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Job, isNew bool) {
		companyCity := ""
		if s, ok := c.text("company_tax_code"); ok {
			tax := normTaxCode(s)
			e.CompanyID = 0
			if tax != "" {
				if p, ok := c.r.company(tax); ok {
					e.CompanyID, companyCity = p.id, p.city
				} else if c.r.fatal == nil {
					c.fail("company_tax_code", fmt.Sprintf("Không tìm thấy doanh nghiệp có mã số thuế %s: hãy nhập doanh nghiệp trước (ở trang, tệp hoặc dòng trước).", tax))
				}
			}
		}
		c.setString("title", &e.Title)
		c.setString("occupation", &e.OccupationCode)
		if e.OccupationVersion == "" {
			e.OccupationVersion = "VSCO2020"
		}
		c.setInt("positions", &e.Positions)
		c.setMoney("wage_min", &e.WageMin)
		c.setMoney("wage_max", &e.WageMax)
		c.setEnum("employment_type", domain.EmploymentTypes, &e.EmploymentType)
		c.setEnum("education", domain.EducationLevels, &e.Education)
		c.setInt("experience_years", &e.ExperienceYears)
		c.setString("work_address", &e.WorkAddress)
		c.setCity("city", &e.City, false)
		if e.City == "" && !c.failedOn("city") {
			e.City = companyCity // a job is where its company is unless it says otherwise
		}
		c.setWard("ward", &e.WardCode, e.City)
		c.setString("requirements", &e.Requirements)
		c.setString("benefits", &e.Benefits)
		c.setString("description", &e.Description)
		c.setDate("deadline", &e.Deadline)
		c.setString("contact", &e.Contact)
		c.setList("priority_groups", domain.PriorityGroups, &e.PriorityGroups)
		if e.PriorityGroups == nil {
			e.PriorityGroups = []string{}
		}
	},
	check: func(c *rowCtx, e *domain.Job) {
		if e.OccupationCode != "" && !c.failedOn("occupation") && !c.r.ref.occupations[e.OccupationCode] {
			c.fail("occupation", fmt.Sprintf("Giá trị “%s” không có trong danh sách: nhóm nghề VSCO là một chữ số từ 0 đến 9.", e.OccupationCode))
		}
		c.checkWard("ward", e.WardCode, e.City)
	},
	validate: func(e *domain.Job) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.Job) bool {
		return a.ExternalID == b.ExternalID && a.CompanyID == b.CompanyID && a.Title == b.Title &&
			a.OccupationCode == b.OccupationCode && a.Positions == b.Positions &&
			samePtr(a.WageMin, b.WageMin) && samePtr(a.WageMax, b.WageMax) &&
			a.EmploymentType == b.EmploymentType && a.Education == b.Education &&
			a.ExperienceYears == b.ExperienceYears && a.WorkAddress == b.WorkAddress &&
			samePtr(a.WardCode, b.WardCode) && a.City == b.City && a.Requirements == b.Requirements &&
			a.Benefits == b.Benefits && a.Description == b.Description && sameDate(a.Deadline, b.Deadline) &&
			a.Contact == b.Contact && sameStrings(a.PriorityGroups, b.PriorityGroups)
	},
	create: func(r *run, e *domain.Job) error { return r.st.CreateJob(r.ctx, e) },
}

var schoolSpec = &spec[domain.School]{
	entry: entryType("school"),
	table: store.Schools,
	columns: []string{"external_id", "code", "name", "kind", "ownership", "address", "ward", "city",
		"founded_year", "website", "phone", "email", "description", "accredited", "seeks_partners"},
	aliases: wardAliases,
	cityCol: "city",
	natural: &natural[domain.School]{
		column: "code",
		what:   "Mã trường",
		key: func(c *rowCtx) string {
			code, _ := c.text("code")
			city := ""
			c.setCity("city", &city, false)
			if code == "" || city == "" {
				return ""
			}
			return city + "/" + code
		},
		keyOf: func(e *domain.School) string { return e.City + "/" + e.Code },
		find: func(r *run, key string) (domain.School, error) {
			city, code, _ := strings.Cut(key, "/")
			return r.st.SchoolByCode(r.ctx, city, code)
		},
		taken:  "Mã trường %s đã thuộc một trường khác.",
		hasExt: "Trường %s đã có mã tham chiếu “%s”, khác với “%s” trong tệp.",
	},
	meta: func(e *domain.School) *domain.Meta { return &e.Meta },
	city: func(e *domain.School) string { return e.City },
	byExternalID: func(r *run, id string) (domain.School, error) {
		return r.st.SchoolByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.School, error) {
		return r.st.SchoolsByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.School, isNew bool) {
		c.setString("code", &e.Code)
		c.setString("name", &e.Name)
		c.setEnum("kind", domain.SchoolKinds, &e.Kind)
		c.setEnum("ownership", domain.Ownerships, &e.Ownership)
		c.setString("address", &e.Address)
		c.setCity("city", &e.City, false)
		c.setWard("ward", &e.WardCode, e.City)
		c.setIntPtr("founded_year", &e.FoundedYear)
		c.setString("website", &e.Website)
		c.setString("phone", &e.Phone)
		c.setString("email", &e.Email)
		c.setString("description", &e.Description)
		c.setBool("accredited", &e.Accredited)
		c.setBool("seeks_partners", &e.SeeksPartners)
	},
	check: func(c *rowCtx, e *domain.School) {
		c.checkWard("ward", e.WardCode, e.City)
	},
	validate: func(e *domain.School) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.School) bool {
		return a.ExternalID == b.ExternalID && a.Code == b.Code && a.Name == b.Name && a.Kind == b.Kind &&
			a.Ownership == b.Ownership && a.Address == b.Address && samePtr(a.WardCode, b.WardCode) &&
			a.City == b.City && samePtr(a.FoundedYear, b.FoundedYear) && a.Website == b.Website &&
			a.Phone == b.Phone && a.Email == b.Email && a.Description == b.Description &&
			a.Accredited == b.Accredited && a.SeeksPartners == b.SeeksPartners
	},
	create: func(r *run, e *domain.School) error { return r.st.CreateSchool(r.ctx, e) },
	remember: func(r *run, e, old *domain.School, ref *parentRef) {
		if old != nil {
			delete(r.schools, old.City+"/"+old.Code)
		}
		ref.city = e.City
		r.schools[e.City+"/"+e.Code] = ref
	},
}

var programSpec = &spec[domain.Program]{
	entry: entryType("program"),
	table: store.Programs,
	columns: []string{"external_id", "school_city", "school_code", "name", "level", "duration_months",
		"tuition_vnd", "quota", "intake", "mode", "support", "description"},
	fields:  map[string]string{"school": "school_code", "school_id": "school_code", "city": "school_city"},
	cityCol: "school_city",
	meta:    func(e *domain.Program) *domain.Meta { return &e.Meta },
	city:    func(e *domain.Program) string { return e.City },
	byExternalID: func(r *run, id string) (domain.Program, error) {
		return r.st.ProgramByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Program, error) {
		return r.st.ProgramsByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Program, isNew bool) {
		code, hasCode := c.text("school_code")
		_, hasCity := c.rec.cells["school_city"]
		if hasCode || hasCity {
			city := ""
			c.setCity("school_city", &city, false)
			e.SchoolID = 0
			switch {
			case code == "" || c.failedOn("school_city"):
			case city == "":
				c.fail("school_city", "Vui lòng nhập thành phố của trường (school_city).")
			default:
				if p, ok := c.r.school(city, code); ok {
					e.SchoolID, e.City = p.id, p.city
				} else if c.r.fatal == nil {
					c.fail("school_code", fmt.Sprintf("Không tìm thấy trường có mã “%s” ở %s: hãy nhập trường trước.", code, c.r.ref.cityName(city)))
				}
			}
		}
		c.setString("name", &e.Name)
		c.setEnum("level", domain.ProgramLevels, &e.Level)
		c.setIntPtr("duration_months", &e.DurationMonths)
		c.setMoney("tuition_vnd", &e.TuitionVND)
		c.setIntPtr("quota", &e.Quota)
		c.setString("intake", &e.Intake)
		c.setEnum("mode", domain.StudyModes, &e.Mode)
		c.setString("support", &e.Support)
		c.setString("description", &e.Description)
	},
	validate: func(e *domain.Program) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.Program) bool {
		return a.ExternalID == b.ExternalID && a.SchoolID == b.SchoolID && a.Name == b.Name &&
			a.Level == b.Level && samePtr(a.DurationMonths, b.DurationMonths) &&
			samePtr(a.TuitionVND, b.TuitionVND) && samePtr(a.Quota, b.Quota) && a.Intake == b.Intake &&
			a.Mode == b.Mode && a.Support == b.Support && a.Description == b.Description
	},
	create: func(r *run, e *domain.Program) error { return r.st.CreateProgram(r.ctx, e) },
}

var projectSpec = &spec[domain.Project]{
	entry: entryType("project"),
	table: store.Projects,
	columns: []string{"external_id", "title", "organization", "kind", "field", "city", "budget_vnd",
		"start_on", "end_on", "stage", "description", "contact"},
	cityCol: "city",
	meta:    func(e *domain.Project) *domain.Meta { return &e.Meta },
	city:    func(e *domain.Project) string { return e.City },
	byExternalID: func(r *run, id string) (domain.Project, error) {
		return r.st.ProjectByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Project, error) {
		return r.st.ProjectsByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Project, isNew bool) {
		c.setString("title", &e.Title)
		c.setString("organization", &e.Organization)
		c.setEnum("kind", domain.ProjectKinds, &e.Kind)
		c.setString("field", &e.Field)
		c.setCity("city", &e.City, false)
		c.setMoney("budget_vnd", &e.BudgetVND)
		c.setDate("start_on", &e.StartOn)
		c.setDate("end_on", &e.EndOn)
		c.setEnum("stage", domain.ProjectStages, &e.Stage)
		c.setString("description", &e.Description)
		c.setString("contact", &e.Contact)
	},
	validate: func(e *domain.Project) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.Project) bool {
		return a.ExternalID == b.ExternalID && a.Title == b.Title && a.Organization == b.Organization &&
			a.Kind == b.Kind && a.Field == b.Field && a.City == b.City && samePtr(a.BudgetVND, b.BudgetVND) &&
			sameDate(a.StartOn, b.StartOn) && sameDate(a.EndOn, b.EndOn) && a.Stage == b.Stage &&
			a.Description == b.Description && a.Contact == b.Contact
	},
	create: func(r *run, e *domain.Project) error { return r.st.CreateProject(r.ctx, e) },
}

var policySpec = &spec[domain.Policy]{
	entry: entryType("policy"),
	table: store.Policies,
	columns: []string{"external_id", "title", "kind", "field", "doc_number", "issuer", "issued_on",
		"effective_from", "effective_to", "summary", "body", "source_url", "city"},
	cityCol:     "city",
	meta:        func(e *domain.Policy) *domain.Meta { return &e.Meta },
	city:        func(e *domain.Policy) string { return e.City },
	policyField: func(e *domain.Policy) string { return e.Field },
	byExternalID: func(r *run, id string) (domain.Policy, error) {
		return r.st.PolicyByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Policy, error) {
		return r.st.PoliciesByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Policy, isNew bool) {
		c.setString("title", &e.Title)
		c.setEnum("kind", domain.PolicyKinds, &e.Kind)
		c.setEnum("field", domain.PolicyFields, &e.Field)
		c.setString("doc_number", &e.DocNumber)
		c.setString("issuer", &e.Issuer)
		c.setDate("issued_on", &e.IssuedOn)
		c.setDate("effective_from", &e.EffectiveFrom)
		c.setDate("effective_to", &e.EffectiveTo)
		c.setString("summary", &e.Summary)
		c.setString("body", &e.Body)
		c.setString("source_url", &e.SourceURL)
		c.setCity("city", &e.City, true)
	},
	validate: func(e *domain.Policy) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.Policy) bool {
		return a.ExternalID == b.ExternalID && a.Title == b.Title && a.Kind == b.Kind && a.Field == b.Field &&
			a.DocNumber == b.DocNumber && a.Issuer == b.Issuer && sameDate(a.IssuedOn, b.IssuedOn) &&
			sameDate(a.EffectiveFrom, b.EffectiveFrom) && sameDate(a.EffectiveTo, b.EffectiveTo) &&
			a.Summary == b.Summary && a.Body == b.Body && a.SourceURL == b.SourceURL && a.City == b.City
	},
	create: func(r *run, e *domain.Policy) error { return r.st.CreatePolicy(r.ctx, e) },
	remember: func(r *run, e, old *domain.Policy, ref *parentRef) {
		ref.city, ref.kind = e.City, e.Kind
		r.programs[e.ExternalID] = ref
	},
}

var commitmentSpec = &spec[domain.Commitment]{
	entry: entryType("commitment"),
	table: store.Commitments,
	columns: []string{"external_id", "program_external_id", "title", "description", "lead", "progress",
		"due_on", "sort_order", "progress_updates", "reviews"},
	aliases: map[string]string{"city": "lead"},
	fields:  map[string]string{"program": "program_external_id", "policy_id": "program_external_id", "city": "lead"},
	cityCol: "lead",
	meta:    func(e *domain.Commitment) *domain.Meta { return &e.Meta },
	city:    func(e *domain.Commitment) string { return e.Lead },
	byExternalID: func(r *run, id string) (domain.Commitment, error) {
		return r.st.CommitmentByExternalID(r.ctx, id)
	},
	byExternalIDs: func(r *run, ids []string) ([]domain.Commitment, error) {
		return r.st.CommitmentsByExternalIDs(r.ctx, ids)
	},
	apply: func(c *rowCtx, e *domain.Commitment, isNew bool) {
		if s, ok := c.text("program_external_id"); ok {
			e.PolicyID = 0
			if s != "" {
				p, ok := c.r.program(s)
				switch {
				case !ok && c.r.fatal == nil:
					c.fail("program_external_id", fmt.Sprintf("Không tìm thấy chương trình hợp tác có mã tham chiếu “%s”: hãy nhập chương trình trước.", s))
				case ok && p.kind != "program":
					c.fail("program_external_id", fmt.Sprintf("Mục “%s” là %s, không phải một chương trình hợp tác.", s, strings.ToLower(domain.PolicyKinds.Label(p.kind))))
				case ok:
					e.PolicyID = p.id
				}
			}
		}
		c.setString("title", &e.Title)
		c.setString("description", &e.Description)
		c.setCity("lead", &e.Lead, true)
		c.setEnum("progress", domain.Progresses, &e.Progress)
		if e.Progress == "" && !c.failedOn("progress") {
			e.Progress = "not_started"
		}
		c.setDate("due_on", &e.DueOn)
		c.setInt("sort_order", &e.SortOrder)
		if jsonList(c, "progress_updates", &e.ProgressUpdates) {
			for i := range e.ProgressUpdates {
				u := &e.ProgressUpdates[i]
				u.Date, _ = c.normDate("progress_updates", u.Date)
				u.Note, u.EvidenceURL = strings.TrimSpace(u.Note), strings.TrimSpace(u.EvidenceURL)
			}
		}
		if jsonList(c, "reviews", &e.Reviews) {
			for i := range e.Reviews {
				rv := &e.Reviews[i]
				rv.Date, _ = c.normDate("reviews", rv.Date)
				if code, ok := matchOption(strings.TrimSpace(rv.Kind), domain.ReviewKinds); ok {
					rv.Kind = code
				} else {
					c.fail("reviews", notInList(rv.Kind, domain.ReviewKinds))
				}
				rv.Summary, rv.DocumentURL = strings.TrimSpace(rv.Summary), strings.TrimSpace(rv.DocumentURL)
			}
		}
		if e.ProgressUpdates == nil {
			e.ProgressUpdates = domain.JSONList[domain.ProgressUpdate]{}
		}
		if e.Reviews == nil {
			e.Reviews = domain.JSONList[domain.Review]{}
		}
	},
	validate: func(e *domain.Commitment) domain.FieldErrors { return e.Validate() },
	same: func(a, b *domain.Commitment) bool {
		return a.ExternalID == b.ExternalID && a.PolicyID == b.PolicyID && a.Title == b.Title &&
			a.Description == b.Description && a.Lead == b.Lead && a.Progress == b.Progress &&
			sameDate(a.DueOn, b.DueOn) && a.SortOrder == b.SortOrder &&
			sameJSON(a.ProgressUpdates, b.ProgressUpdates) && sameJSON(a.Reviews, b.Reviews)
	},
	create: func(r *run, e *domain.Commitment) error { return r.st.CreateCommitment(r.ctx, e) },
}
