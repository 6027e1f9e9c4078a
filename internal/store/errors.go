package store

import (
	"errors"
	"strings"

	"github.com/lib/pq"
)

// ConstraintError is a write the database refused because the data broke
// one of its rules. Field names the form field to blame and Message says
// what is wrong in Vietnamese, ready for the user.
type ConstraintError struct {
	Constraint string
	Field      string
	Message    string
	Err        error
}

func (e *ConstraintError) Error() string {
	return "constraint " + e.Constraint + " on " + e.Field + ": " + e.Err.Error()
}

func (e *ConstraintError) Unwrap() error { return e.Err }

// fieldLabels names fields in the messages below.
var fieldLabels = map[string]string{
	"tax_code":         "Mã số thuế",
	"external_id":      "Mã tham chiếu (external_id)",
	"city":             "Thành phố",
	"ward_code":        "Phường/xã",
	"industry":         "Ngành kinh tế (VSIC)",
	"occupation":       "Nhóm nghề (VSCO)",
	"company_id":       "Doanh nghiệp",
	"school_id":        "Trường",
	"policy_id":        "Chương trình hợp tác",
	"department_code":  "Cơ quan công bố",
	"positions":        "Số lượng cần tuyển",
	"wage_min":         "Lương tối thiểu",
	"wage_max":         "Lương tối đa",
	"employees":        "Số lao động",
	"founded_year":     "Năm thành lập",
	"duration_months":  "Thời gian đào tạo",
	"tuition_vnd":      "Học phí",
	"quota":            "Chỉ tiêu",
	"budget_vnd":       "Kinh phí",
	"experience_years": "Số năm kinh nghiệm",
	"code":             "Mã trường",
}

func label(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return l
	}
	return "Giá trị"
}

// specialConstraints are the named rules whose message is not generic.
var specialConstraints = map[string]ConstraintError{
	"companies_tax_code_key":         {Field: "tax_code", Message: "Mã số thuế này đã có doanh nghiệp khác sử dụng."},
	"schools_city_code_key":          {Field: "code", Message: "Mã trường này đã có trong thành phố."},
	"jobs_wage_range_check":          {Field: "wage_max", Message: "Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu."},
	"policies_effective_range_check": {Field: "effective_to", Message: "Ngày hết hiệu lực phải sau ngày có hiệu lực."},
	"projects_date_range_check":      {Field: "end_on", Message: "Ngày kết thúc phải sau ngày bắt đầu."},
	"companies_industry_fkey":        {Field: "industry", Message: "Ngành kinh tế (VSIC) không có trong danh mục."},
	"jobs_occupation_fkey":           {Field: "occupation", Message: "Nhóm nghề (VSCO) không có trong danh mục."},
	"commitments_policy_is_program":  {Field: "program", Message: "Nhiệm vụ phải thuộc một chương trình hợp tác."},
	"companies_ward_city_fkey":       {Field: "ward", Message: "Phường/xã không thuộc thành phố đã chọn."},
	"jobs_ward_city_fkey":            {Field: "ward", Message: "Phường/xã không thuộc thành phố đã chọn."},
	"schools_ward_city_fkey":         {Field: "ward", Message: "Phường/xã không thuộc thành phố đã chọn."},
	"programs_school_id_fkey":        {Field: "school", Message: "Trường đào tạo không tồn tại."},
	"companies_tax_code_check":       {Field: "tax_code", Message: "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số."},
}

// translate turns a PostgreSQL integrity violation into a ConstraintError;
// any other error is returned unchanged.
func translate(err error) error {
	var pqErr *pq.Error
	if err == nil || !errors.As(err, &pqErr) || pqErr.Code.Class() != "23" {
		return err
	}
	name := pqErr.Constraint
	if special, ok := specialConstraints[name]; ok {
		special.Constraint, special.Err = name, err
		return &special
	}
	field := fieldOf(pqErr)
	ce := &ConstraintError{Constraint: name, Field: field, Err: err}
	switch pqErr.Code.Name() {
	case "unique_violation":
		ce.Message = label(field) + " đã được sử dụng cho một mục khác."
	case "foreign_key_violation":
		ce.Message = label(field) + " không có trong danh mục hoặc không tồn tại."
	case "not_null_violation":
		ce.Message = "Vui lòng nhập " + strings.ToLower(label(field)) + "."
	default:
		ce.Message = label(field) + " không hợp lệ."
	}
	return ce
}

// fieldOf guesses the column from the error or PostgreSQL's default
// constraint names: <table>_<column>_{key,fkey,check}.
func fieldOf(e *pq.Error) string {
	if e.Column != "" {
		return e.Column
	}
	name := strings.TrimPrefix(e.Constraint, e.Table+"_")
	for _, suffix := range []string{"_key", "_fkey", "_check"} {
		name = strings.TrimSuffix(name, suffix)
	}
	return name
}
