package domain

import (
	"github.com/lib/pq"
)

// Policy is a cooperation policy, program, guidance or announcement.
type Policy struct {
	Meta
	Title         string `db:"title" json:"title"`
	Kind          string `db:"kind" json:"kind"`
	Field         string `db:"field" json:"field"`
	DocNumber     string `db:"doc_number" json:"doc_number"`
	Issuer        string `db:"issuer" json:"issuer"`
	IssuedOn      *Date  `db:"issued_on" json:"issued_on"`
	EffectiveFrom *Date  `db:"effective_from" json:"effective_from"`
	EffectiveTo   *Date  `db:"effective_to" json:"effective_to"`
	Summary       string `db:"summary" json:"summary"`
	Body          string `db:"body" json:"body"`
	SourceURL     string `db:"source_url" json:"source_url"`
	City          string `db:"city" json:"city"` // hcm, cantho or both
	// ContinuedBy is the program that carries a program's work on, if any.
	ContinuedBy *int64 `db:"continued_by" json:"continued_by"`
}

// Company is an employer, in particular one hiring many workers.
type Company struct {
	Meta
	TaxCode         string  `db:"tax_code" json:"tax_code"`
	Name            string  `db:"name" json:"name"`
	IndustryVersion string  `db:"industry_version" json:"industry_version"`
	IndustryCode    string  `db:"industry_code" json:"industry"`
	Address         string  `db:"address" json:"address"`
	WardCode        *string `db:"ward_code" json:"ward_code"`
	City            string  `db:"city" json:"city"`
	Employees       *int    `db:"employees" json:"employees"`
	Website         string  `db:"website" json:"website"`
	Phone           string  `db:"phone" json:"phone"`
	Email           string  `db:"email" json:"email"`
	Description     string  `db:"description" json:"description"`

	// Read-only, joined for display.
	WardName      string `db:"ward_name" json:"ward,omitempty"`
	OpenJobs      int    `db:"open_jobs" json:"open_jobs"`
	OpenPositions int    `db:"open_positions" json:"open_positions"`
}

// Job is an opening published by a company.
type Job struct {
	Meta
	CompanyID         int64          `db:"company_id" json:"company_id"`
	Title             string         `db:"title" json:"title"`
	OccupationVersion string         `db:"occupation_version" json:"occupation_version"`
	OccupationCode    string         `db:"occupation_code" json:"occupation"`
	Positions         int            `db:"positions" json:"positions"`
	WageMin           *int64         `db:"wage_min" json:"wage_min"`
	WageMax           *int64         `db:"wage_max" json:"wage_max"`
	EmploymentType    string         `db:"employment_type" json:"employment_type"`
	Education         string         `db:"education" json:"education"`
	ExperienceYears   int            `db:"experience_years" json:"experience_years"`
	WorkAddress       string         `db:"work_address" json:"work_address"`
	WardCode          *string        `db:"ward_code" json:"ward_code"`
	City              string         `db:"city" json:"city"`
	Requirements      string         `db:"requirements" json:"requirements"`
	Benefits          string         `db:"benefits" json:"benefits"`
	Description       string         `db:"description" json:"description"`
	Deadline          *Date          `db:"deadline" json:"deadline"`
	Contact           string         `db:"contact" json:"contact"`
	PriorityGroups    pq.StringArray `db:"priority_groups" json:"priority_groups"`

	// Read-only, joined for display.
	CompanyName    string `db:"company_name" json:"company_name,omitempty"`
	CompanySlug    string `db:"company_slug" json:"-"`
	CompanyTaxCode string `db:"company_tax_code" json:"company_tax_code,omitempty"`
	WardName       string `db:"ward_name" json:"ward,omitempty"`
}

// School is a vocational education institution (cơ sở GDNN).
type School struct {
	Meta
	Code          string  `db:"code" json:"code"`
	Name          string  `db:"name" json:"name"`
	Kind          string  `db:"kind" json:"kind"`
	Ownership     string  `db:"ownership" json:"ownership"`
	Address       string  `db:"address" json:"address"`
	WardCode      *string `db:"ward_code" json:"ward_code"`
	City          string  `db:"city" json:"city"`
	FoundedYear   *int    `db:"founded_year" json:"founded_year"`
	Website       string  `db:"website" json:"website"`
	Phone         string  `db:"phone" json:"phone"`
	Email         string  `db:"email" json:"email"`
	Description   string  `db:"description" json:"description"`
	Accredited    bool    `db:"accredited" json:"accredited"`
	SeeksPartners bool    `db:"seeks_partners" json:"seeks_partners"`

	// Read-only, joined for display.
	WardName     string `db:"ward_name" json:"ward,omitempty"`
	ProgramCount int    `db:"program_count" json:"program_count"`
}

// Program is a trade a school trains for (ngành/nghề đào tạo).
type Program struct {
	Meta
	SchoolID       int64  `db:"school_id" json:"school_id"`
	Name           string `db:"name" json:"name"`
	Level          string `db:"level" json:"level"`
	DurationMonths *int   `db:"duration_months" json:"duration_months"`
	TuitionVND     *int64 `db:"tuition_vnd" json:"tuition_vnd"`
	Quota          *int   `db:"quota" json:"quota"`
	Intake         string `db:"intake" json:"intake"`
	Mode           string `db:"mode" json:"mode"`
	Support        string `db:"support" json:"support"`
	Description    string `db:"description" json:"description"`
	// Occupations are the VSCO 2020 major groups the program trains for.
	Occupations pq.StringArray `db:"occupations" json:"occupations"`
	// SupportGroups qualify for SupportBenefits (codes of SupportGroupCodes
	// and SupportBenefitCodes); Support tells the details.
	SupportGroups   pq.StringArray `db:"support_groups" json:"support_groups"`
	SupportBenefits pq.StringArray `db:"support_benefits" json:"support_benefits"`

	// Denormalised from the school so lists filter by city without a join.
	City string `db:"city" json:"city"`

	// Read-only, joined for display.
	SchoolName string `db:"school_name" json:"school_name,omitempty"`
	SchoolSlug string `db:"school_slug" json:"-"`
	SchoolCode string `db:"school_code" json:"school_code,omitempty"`
	// Where the program is taught: its school's address and ward (search).
	SchoolAddress  string  `db:"school_address" json:"-"`
	SchoolWardCode *string `db:"school_ward_code" json:"-"`
}

// Project is a project or organisation that seeks partners or investors.
type Project struct {
	Meta
	Title        string `db:"title" json:"title"`
	Organization string `db:"organization" json:"organization"`
	Kind         string `db:"kind" json:"kind"`
	Field        string `db:"field" json:"field"`
	City         string `db:"city" json:"city"`
	BudgetVND    *int64 `db:"budget_vnd" json:"budget_vnd"`
	StartOn      *Date  `db:"start_on" json:"start_on"`
	EndOn        *Date  `db:"end_on" json:"end_on"`
	Stage        string `db:"stage" json:"stage"`
	Description  string `db:"description" json:"description"`
	Contact      string `db:"contact" json:"contact"`
}
