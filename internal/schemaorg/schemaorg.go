// Package schemaorg holds the schema.org types the portal describes its
// entries with (JSON-LD on detail pages), as plain structs for
// encoding/json. Only the properties the portal fills are here.
package schemaorg

// Context is the @context of every top-level object.
const Context = "https://schema.org"

// JobPosting follows Google's job posting guidelines: title, description,
// datePosted, hiringOrganization and jobLocation are required; the rest is
// recommended.
type JobPosting struct {
	Context                string                              `json:"@context"`
	Type                   string                              `json:"@type"` // JobPosting
	Title                  string                              `json:"title"`
	Description            string                              `json:"description"`
	URL                    string                              `json:"url"`
	Identifier             PropertyValue                       `json:"identifier"`
	DatePosted             string                              `json:"datePosted"`             // yyyy-mm-dd
	ValidThrough           string                              `json:"validThrough,omitempty"` // RFC 3339
	EmploymentType         string                              `json:"employmentType"`         // FULL_TIME, PART_TIME, TEMPORARY, CONTRACTOR
	HiringOrganization     Organization                        `json:"hiringOrganization"`
	JobLocation            Place                               `json:"jobLocation"`
	BaseSalary             *MonetaryAmount                     `json:"baseSalary,omitempty"`
	TotalJobOpenings       int                                 `json:"totalJobOpenings"`
	OccupationalCategory   string                              `json:"occupationalCategory"`
	EducationRequirements  any                                 `json:"educationRequirements"` // "no requirements" or a credential
	ExperienceRequirements *OccupationalExperienceRequirements `json:"experienceRequirements,omitempty"`
}

// PropertyValue names an identifier and who issues it.
type PropertyValue struct {
	Type  string `json:"@type"` // PropertyValue
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Organization is a company, a school's owner, a policy's issuer.
type Organization struct {
	Context           string             `json:"@context,omitempty"`
	Type              string             `json:"@type"` // Organization
	Name              string             `json:"name"`
	URL               string             `json:"url,omitempty"`
	SameAs            string             `json:"sameAs,omitempty"`
	TaxID             string             `json:"taxID,omitempty"`
	Description       string             `json:"description,omitempty"`
	Address           *PostalAddress     `json:"address,omitempty"`
	Telephone         string             `json:"telephone,omitempty"`
	NumberOfEmployees *QuantitativeValue `json:"numberOfEmployees,omitempty"`
}

// Place is where a job is.
type Place struct {
	Type    string        `json:"@type"` // Place
	Address PostalAddress `json:"address"`
}

// PostalAddress is an address in Vietnam.
type PostalAddress struct {
	Type            string `json:"@type"` // PostalAddress
	StreetAddress   string `json:"streetAddress,omitempty"`
	AddressLocality string `json:"addressLocality,omitempty"` // the ward
	AddressRegion   string `json:"addressRegion"`             // the city
	AddressCountry  string `json:"addressCountry"`            // VN
}

// MonetaryAmount is a wage: a value or range per unit of time.
type MonetaryAmount struct {
	Type     string            `json:"@type"` // MonetaryAmount
	Currency string            `json:"currency"`
	Value    QuantitativeValue `json:"value"`
}

// QuantitativeValue is a number or a range, with its unit.
type QuantitativeValue struct {
	Type     string `json:"@type"` // QuantitativeValue
	Value    *int64 `json:"value,omitempty"`
	MinValue *int64 `json:"minValue,omitempty"`
	MaxValue *int64 `json:"maxValue,omitempty"`
	UnitText string `json:"unitText,omitempty"` // MONTH
}

// EducationalOccupationalCredential is a level of education asked for or
// awarded.
type EducationalOccupationalCredential struct {
	Type               string `json:"@type"` // EducationalOccupationalCredential
	CredentialCategory string `json:"credentialCategory"`
	Name               string `json:"name,omitempty"`
}

// OccupationalExperienceRequirements is the experience a job asks for.
type OccupationalExperienceRequirements struct {
	Type               string `json:"@type"` // OccupationalExperienceRequirements
	MonthsOfExperience int    `json:"monthsOfExperience"`
}

// EducationalOrganization is a school.
type EducationalOrganization struct {
	Context      string        `json:"@context"`
	Type         string        `json:"@type"` // EducationalOrganization
	Name         string        `json:"name"`
	URL          string        `json:"url"`
	SameAs       string        `json:"sameAs,omitempty"`
	Identifier   string        `json:"identifier,omitempty"`
	Description  string        `json:"description,omitempty"`
	Address      PostalAddress `json:"address"`
	Telephone    string        `json:"telephone,omitempty"`
	FoundingDate string        `json:"foundingDate,omitempty"`
}

// Course is a training program.
type Course struct {
	Context                      string           `json:"@context"`
	Type                         string           `json:"@type"` // Course
	Name                         string           `json:"name"`
	Description                  string           `json:"description"`
	URL                          string           `json:"url"`
	Provider                     Organization     `json:"provider"`
	EducationalCredentialAwarded string           `json:"educationalCredentialAwarded,omitempty"`
	TimeRequired                 string           `json:"timeRequired,omitempty"` // ISO 8601, P30M
	HasCourseInstance            []CourseInstance `json:"hasCourseInstance"`
	Offers                       []Offer          `json:"offers,omitempty"`
}

// CourseInstance is how and where a course is taught.
type CourseInstance struct {
	Type           string `json:"@type"`      // CourseInstance
	CourseMode     string `json:"courseMode"` // Onsite, Online, Blended
	CourseWorkload string `json:"courseWorkload,omitempty"`
	Location       *Place `json:"location,omitempty"`
}

// Offer is a course's fee.
type Offer struct {
	Type          string `json:"@type"`    // Offer
	Category      string `json:"category"` // Paid
	Price         int64  `json:"price"`
	PriceCurrency string `json:"priceCurrency"`
}

// Legislation is a policy with a document number.
type Legislation struct {
	Context                 string        `json:"@context"`
	Type                    string        `json:"@type"` // Legislation
	Name                    string        `json:"name"`
	URL                     string        `json:"url"`
	Abstract                string        `json:"abstract,omitempty"`
	LegislationIdentifier   string        `json:"legislationIdentifier,omitempty"`
	LegislationDate         string        `json:"legislationDate,omitempty"`
	LegislationPassedBy     *Organization `json:"legislationPassedBy,omitempty"`
	LegislationJurisdiction string        `json:"legislationJurisdiction"`
	SameAs                  string        `json:"sameAs,omitempty"`
}

// GovernmentService is a programme or guidance without a legal number.
type GovernmentService struct {
	Context     string        `json:"@context"`
	Type        string        `json:"@type"` // GovernmentService
	Name        string        `json:"name"`
	URL         string        `json:"url"`
	Description string        `json:"description,omitempty"`
	Provider    *Organization `json:"provider,omitempty"`
	AreaServed  string        `json:"areaServed"`
}

// Project is a cooperation or investment project.
type Project struct {
	Context     string        `json:"@context"`
	Type        string        `json:"@type"` // Project
	Name        string        `json:"name"`
	URL         string        `json:"url"`
	Description string        `json:"description,omitempty"`
	Parent      *Organization `json:"parentOrganization,omitempty"`
	AreaServed  string        `json:"areaServed"`
}
