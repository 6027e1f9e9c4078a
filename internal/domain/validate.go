package domain

import (
	"fmt"
	"maps"
	"net/mail"
	"net/url"
	"slices"
	"strings"

	"hoptac/internal/vn"
)

// FieldErrors maps a field name to a Vietnamese message for the person who
// typed it. An empty map means the entry is valid.
type FieldErrors map[string]string

// Add records msg for field unless the field already has a message: the
// first problem found is the one worth fixing first.
func (fe FieldErrors) Add(field, msg string) {
	if _, ok := fe[field]; !ok {
		fe[field] = msg
	}
}

// Fields returns the fields with errors in a stable order.
func (fe FieldErrors) Fields() []string {
	return slices.Sorted(maps.Keys(fe))
}

// Error makes FieldErrors usable as an error.
func (fe FieldErrors) Error() string {
	parts := make([]string, 0, len(fe))
	for _, f := range fe.Fields() {
		parts = append(parts, f+": "+fe[f])
	}
	return "invalid entry: " + strings.Join(parts, "; ")
}

// Err returns fe as an error, or nil when there is none.
func (fe FieldErrors) Err() error {
	if len(fe) == 0 {
		return nil
	}
	return fe
}

func required(fe FieldErrors, field, value, label string) {
	if strings.TrimSpace(value) == "" {
		fe.Add(field, fmt.Sprintf("Vui lòng nhập %s.", label))
	}
}

func oneOf(fe FieldErrors, field, value string, opts Options, label string) {
	if !opts.Has(value) {
		fe.Add(field, fmt.Sprintf("Vui lòng chọn %s trong danh sách.", label))
	}
}

// cityOrBoth requires a city; which codes exist is the cities table's
// business (the database refuses an unknown one).
func cityOrBoth(fe FieldErrors, field, value string) {
	if strings.TrimSpace(value) == "" {
		fe.Add(field, "Vui lòng chọn thành phố.")
	}
}

// oneCity requires a single city: only policies and the cooperation
// program's tasks may concern both.
func oneCity(fe FieldErrors, field, value string) {
	cityOrBoth(fe, field, value)
	if value == Both {
		fe.Add(field, "Vui lòng chọn một thành phố.")
	}
}

func optionalURL(fe FieldErrors, field, value string) {
	if value == "" {
		return
	}
	if !isWebURL(value) {
		fe.Add(field, "Địa chỉ web phải bắt đầu bằng http:// hoặc https://.")
	}
}

// isWebURL tells an http(s) address with a host from javascript:, data:,
// file: and the like.
func isWebURL(value string) bool {
	u, err := url.Parse(value)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(value, " \t\n")
}

func optionalEmail(fe FieldErrors, field, value string) {
	if value == "" {
		return
	}
	if a, err := mail.ParseAddress(value); err != nil || a.Address != value {
		fe.Add(field, "Địa chỉ email không hợp lệ.")
	}
}

func dateOrder(fe FieldErrors, field string, from, to *Date, msg string) {
	if from != nil && to != nil && to.Before(*from) {
		fe.Add(field, msg)
	}
}

// chosen requires the entry's parent: id 0 is none.
func chosen(fe FieldErrors, field string, id int64, msg string) {
	if id == 0 {
		fe.Add(field, msg)
	}
}

// notNegative refuses a negative amount; what names it ("Học phí").
func notNegative[N int | int64](fe FieldErrors, field string, v *N, what string) {
	if v != nil && *v < 0 {
		fe.Add(field, what+" không được âm.")
	}
}

// optionalRange refuses a number, when there is one, outside [lo, hi].
func optionalRange(fe FieldErrors, field string, v *int, lo, hi int, msg string) {
	if v != nil && (*v < lo || *v > hi) {
		fe.Add(field, msg)
	}
}

// contactDetails checks an organisation's website and email, both optional.
func contactDetails(fe FieldErrors, website, email string) {
	optionalURL(fe, "website", website)
	optionalEmail(fe, "email", email)
}

// Validate checks a policy.
func (p *Policy) Validate() FieldErrors {
	fe := checkText("policy", p)
	required(fe, "title", p.Title, "tiêu đề")
	oneOf(fe, "kind", p.Kind, PolicyKinds, "loại văn bản")
	oneOf(fe, "field", p.Field, PolicyFields, "lĩnh vực")
	cityOrBoth(fe, "city", p.City)
	optionalURL(fe, "source_url", p.SourceURL)
	dateOrder(fe, "effective_to", p.EffectiveFrom, p.EffectiveTo, "Ngày hết hiệu lực phải sau ngày có hiệu lực.")
	return fe
}

// Validate checks a company, including the tax code's check digit.
func (c *Company) Validate() FieldErrors {
	fe := checkText("company", c)
	required(fe, "name", c.Name, "tên doanh nghiệp")
	switch err := vn.ValidateTaxCode(c.TaxCode); {
	case c.TaxCode == "":
		fe.Add("tax_code", "Vui lòng nhập mã số thuế.")
	case err == vn.ErrTaxCodeFormat:
		fe.Add("tax_code", "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số.")
	case err != nil:
		fe.Add("tax_code", "Mã số thuế không đúng (sai chữ số kiểm tra). Vui lòng kiểm tra lại.")
	}
	required(fe, "industry", c.IndustryCode, "ngành kinh tế (VSIC)")
	oneCity(fe, "city", c.City)
	notNegative(fe, "employees", c.Employees, "Số lao động")
	contactDetails(fe, c.Website, c.Email)
	return fe
}

// Validate checks a job opening.
func (j *Job) Validate() FieldErrors {
	fe := checkText("job", j)
	required(fe, "title", j.Title, "chức danh tuyển dụng")
	chosen(fe, "company", j.CompanyID, "Vui lòng chọn doanh nghiệp tuyển dụng.")
	required(fe, "occupation", j.OccupationCode, "nhóm nghề (VSCO)")
	if j.Positions <= 0 {
		fe.Add("positions", "Số lượng cần tuyển phải lớn hơn 0.")
	}
	notNegative(fe, "wage_min", j.WageMin, "Mức lương")
	notNegative(fe, "wage_max", j.WageMax, "Mức lương")
	if j.WageMin != nil && j.WageMax != nil && *j.WageMin > *j.WageMax {
		fe.Add("wage_max", "Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu.")
	}
	oneOf(fe, "employment_type", j.EmploymentType, EmploymentTypes, "hình thức làm việc")
	oneOf(fe, "education", j.Education, EducationLevels, "trình độ học vấn")
	if j.ExperienceYears < 0 || j.ExperienceYears > 50 {
		fe.Add("experience_years", "Số năm kinh nghiệm phải từ 0 đến 50.")
	}
	oneCity(fe, "city", j.City)
	allOf(fe, "priority_groups", j.PriorityGroups, PriorityGroups, "Nhóm ưu tiên")
	return fe
}

// Validate checks a school.
func (s *School) Validate() FieldErrors {
	fe := checkText("school", s)
	required(fe, "code", s.Code, "mã trường")
	required(fe, "name", s.Name, "tên trường")
	oneOf(fe, "kind", s.Kind, SchoolKinds, "loại hình cơ sở")
	oneOf(fe, "ownership", s.Ownership, Ownerships, "hình thức sở hữu")
	oneCity(fe, "city", s.City)
	optionalRange(fe, "founded_year", s.FoundedYear, 1800, 2100, "Năm thành lập không hợp lệ.")
	contactDetails(fe, s.Website, s.Email)
	return fe
}

// Validate checks a training program.
func (p *Program) Validate() FieldErrors {
	fe := checkText("program", p)
	required(fe, "name", p.Name, "tên ngành/nghề")
	chosen(fe, "school", p.SchoolID, "Vui lòng chọn trường đào tạo.")
	oneOf(fe, "level", p.Level, ProgramLevels, "trình độ đào tạo")
	oneOf(fe, "mode", p.Mode, StudyModes, "hình thức đào tạo")
	optionalRange(fe, "duration_months", p.DurationMonths, 1, 120, "Thời gian đào tạo phải từ 1 đến 120 tháng.")
	notNegative(fe, "tuition_vnd", p.TuitionVND, "Học phí")
	notNegative(fe, "quota", p.Quota, "Chỉ tiêu")
	allOf(fe, "support_groups", p.SupportGroups, SupportGroups, "Nhóm được hỗ trợ")
	allOf(fe, "support_benefits", p.SupportBenefits, SupportBenefits, "Mức hỗ trợ")
	if len(p.Occupations) > 10 {
		fe.Add("occupations", "Chọn tối đa 10 nhóm nghề.")
	}
	return fe
}

// allOf checks that every code of a list is one of opts.
func allOf(fe FieldErrors, field string, codes []string, opts Options, what string) {
	for _, c := range codes {
		if !opts.Has(c) {
			fe.Add(field, fmt.Sprintf("%s %q không có trong danh sách.", what, c))
			return
		}
	}
}

// Validate checks a project.
func (p *Project) Validate() FieldErrors {
	fe := checkText("project", p)
	required(fe, "title", p.Title, "tên dự án")
	oneOf(fe, "kind", p.Kind, ProjectKinds, "loại dự án")
	oneOf(fe, "stage", p.Stage, ProjectStages, "giai đoạn")
	oneCity(fe, "city", p.City)
	notNegative(fe, "budget_vnd", p.BudgetVND, "Kinh phí")
	dateOrder(fe, "end_on", p.StartOn, p.EndOn, "Ngày kết thúc phải sau ngày bắt đầu.")
	return fe
}
