package kind

import (
	"strconv"
	"strings"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/schemaorg"
	"hoptac/internal/vn"
)

// The schema.org objects of each kind's detail page (JSON-LD), named in
// the kinds' files as their schema.

// portalName issues the portal's identifiers.
const portalName = "Hợp tác Lao động"

func (s Site) address(street, ward, city string) schemaorg.PostalAddress {
	region := s.Codes.CityName(city)
	if c, ok := s.Codes.City(city); ok {
		region = c.NameVI
	}
	return schemaorg.PostalAddress{Type: "PostalAddress", StreetAddress: street, AddressLocality: ward, AddressRegion: region, AddressCountry: "VN"}
}

// area is where an entry of city applies: a city, or Vietnam for both.
func (s Site) area(city string) string {
	if c, ok := s.Codes.City(city); ok {
		return c.NameVI
	}
	return "Việt Nam"
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2006-01-02")
}

// joinText joins the parts that are not empty with blank lines.
func joinText(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// JobExpired tells whether a job's deadline (a calendar date) has passed
// in Vietnam: its page stays, marked, without a JobPosting.
func JobExpired(deadline *time.Time) bool {
	if deadline == nil {
		return false
	}
	return deadline.Format("2006-01-02") < time.Now().In(vn.DateLocation).Format("2006-01-02")
}

// Google's employment types for the portal's.
var employmentTypes = map[string]string{
	"full_time": "FULL_TIME", "part_time": "PART_TIME", "seasonal": "TEMPORARY", "contract": "CONTRACTOR",
}

// Google's credential categories for the education a job asks for.
var credentialCategories = map[string]string{
	"lower_secondary": "high school", "upper_secondary": "high school",
	"so_cap": "professional certificate", "trung_cap": "professional certificate",
	"cao_dang": "associate degree", "university": "bachelor degree",
}

func jobSchema(s Site, j *domain.Job) any {
	if JobExpired(j.Deadline) {
		return nil
	}
	posted := j.PublishedAt
	if posted == nil {
		posted = &j.CreatedAt
	}
	p := schemaorg.JobPosting{
		Context: schemaorg.Context, Type: "JobPosting",
		Title: j.Title,
		Description: joinText(j.Description,
			labelled("Yêu cầu", j.Requirements), labelled("Quyền lợi", j.Benefits)),
		URL:                   s.URL(domain.EntryPath("job", j.ID, j.Slug)),
		Identifier:            schemaorg.PropertyValue{Type: "PropertyValue", Name: portalName, Value: strconv.FormatInt(j.ID, 10)},
		DatePosted:            day(posted),
		EmploymentType:        employmentTypes[j.EmploymentType],
		HiringOrganization:    schemaorg.Organization{Type: "Organization", Name: j.CompanyName, URL: s.URL(domain.EntryPath("company", j.CompanyID, j.CompanySlug)), TaxID: j.CompanyTaxCode},
		JobLocation:           schemaorg.Place{Type: "Place", Address: s.address(j.WorkAddress, j.WardName, j.City)},
		TotalJobOpenings:      j.Positions,
		OccupationalCategory:  s.Codes.OccupationName(j.OccupationCode),
		EducationRequirements: "no requirements",
	}
	if p.Description == "" {
		p.Description = j.Title
	}
	if j.Deadline != nil {
		// The deadline is the whole day, in Vietnam.
		d := j.Deadline
		p.ValidThrough = time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, vn.DateLocation).Format(time.RFC3339)
	}
	if c, ok := credentialCategories[j.Education]; ok {
		p.EducationRequirements = schemaorg.EducationalOccupationalCredential{Type: "EducationalOccupationalCredential", CredentialCategory: c, Name: domain.EducationLevels.Label(j.Education)}
	}
	if j.ExperienceYears > 0 {
		p.ExperienceRequirements = &schemaorg.OccupationalExperienceRequirements{Type: "OccupationalExperienceRequirements", MonthsOfExperience: 12 * j.ExperienceYears}
	}
	if j.WageMin != nil || j.WageMax != nil {
		v := schemaorg.QuantitativeValue{Type: "QuantitativeValue", UnitText: "MONTH", MinValue: j.WageMin, MaxValue: j.WageMax}
		if j.WageMin == nil || j.WageMax == nil || *j.WageMin == *j.WageMax {
			v = schemaorg.QuantitativeValue{Type: "QuantitativeValue", UnitText: "MONTH", Value: firstOf(j.WageMin, j.WageMax)}
		}
		p.BaseSalary = &schemaorg.MonetaryAmount{Type: "MonetaryAmount", Currency: "VND", Value: v}
	}
	return p
}

func labelled(label, text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return label + ":\n" + text
}

func firstOf(a, b *int64) *int64 {
	if a != nil {
		return a
	}
	return b
}

func companySchema(s Site, c *domain.Company) any {
	addr := s.address(c.Address, c.WardName, c.City)
	o := schemaorg.Organization{
		Context: schemaorg.Context, Type: "Organization", Name: c.Name,
		URL: s.URL(domain.EntryPath("company", c.ID, c.Slug)), SameAs: c.Website, TaxID: c.TaxCode,
		Description: c.Description, Address: &addr, Telephone: c.Phone,
	}
	if c.Employees != nil {
		n := int64(*c.Employees)
		o.NumberOfEmployees = &schemaorg.QuantitativeValue{Type: "QuantitativeValue", Value: &n}
	}
	return o
}

func schoolSchema(s Site, sc *domain.School) any {
	o := schemaorg.EducationalOrganization{
		Context: schemaorg.Context, Type: "EducationalOrganization", Name: sc.Name,
		URL: s.URL(domain.EntryPath("school", sc.ID, sc.Slug)), SameAs: sc.Website, Identifier: sc.Code,
		Description: sc.Description, Address: s.address(sc.Address, sc.WardName, sc.City), Telephone: sc.Phone,
	}
	if sc.FoundedYear != nil {
		o.FoundingDate = strconv.Itoa(*sc.FoundedYear)
	}
	return o
}

// Course modes of schema.org for the portal's study modes.
var courseModes = map[string]string{"full_time": "Onsite", "work_study": "Blended", "online": "Online"}

func programSchema(s Site, p *domain.Program) any {
	c := schemaorg.Course{
		Context: schemaorg.Context, Type: "Course", Name: p.Name,
		Description:                  joinText(p.Description, labelled("Hỗ trợ", p.Support)),
		URL:                          s.URL(domain.EntryPath("program", p.ID, p.Slug)),
		Provider:                     schemaorg.Organization{Type: "EducationalOrganization", Name: p.SchoolName, URL: s.URL(domain.EntryPath("school", p.SchoolID, p.SchoolSlug))},
		EducationalCredentialAwarded: domain.ProgramLevels.Label(p.Level),
	}
	if c.Description == "" {
		c.Description = p.Name + " (" + c.EducationalCredentialAwarded + "), " + p.SchoolName
	}
	inst := schemaorg.CourseInstance{Type: "CourseInstance", CourseMode: courseModes[p.Mode]}
	if p.DurationMonths != nil {
		c.TimeRequired = "P" + strconv.Itoa(*p.DurationMonths) + "M"
		inst.CourseWorkload = c.TimeRequired
	}
	c.HasCourseInstance = []schemaorg.CourseInstance{inst}
	if p.TuitionVND != nil {
		category := "Paid"
		if *p.TuitionVND == 0 {
			category = "Free"
		}
		c.Offers = []schemaorg.Offer{{Type: "Offer", Category: category, Price: *p.TuitionVND, PriceCurrency: "VND"}}
	}
	return c
}

// A policy with a document number is legislation; a programme or guidance
// without one is a government service.
func policySchema(s Site, p *domain.Policy) any {
	url := s.URL(domain.EntryPath("policy", p.ID, p.Slug))
	var issuer *schemaorg.Organization
	if p.Issuer != "" {
		issuer = &schemaorg.Organization{Type: "GovernmentOrganization", Name: p.Issuer}
	}
	if p.DocNumber == "" {
		return schemaorg.GovernmentService{Context: schemaorg.Context, Type: "GovernmentService", Name: p.Title, URL: url,
			Description: p.Summary, Provider: issuer, AreaServed: s.area(p.City)}
	}
	return schemaorg.Legislation{Context: schemaorg.Context, Type: "Legislation", Name: p.Title, URL: url, Abstract: p.Summary,
		LegislationIdentifier: p.DocNumber, LegislationDate: day(p.IssuedOn), LegislationPassedBy: issuer,
		LegislationJurisdiction: s.area(p.City), SameAs: p.SourceURL}
}

func projectSchema(s Site, p *domain.Project) any {
	var parent *schemaorg.Organization
	if p.Organization != "" {
		parent = &schemaorg.Organization{Type: "Organization", Name: p.Organization}
	}
	return schemaorg.Project{Context: schemaorg.Context, Type: "Project", Name: p.Title,
		URL: s.URL(domain.EntryPath("project", p.ID, p.Slug)), Description: p.Description, Parent: parent, AreaServed: s.area(p.City)}
}
