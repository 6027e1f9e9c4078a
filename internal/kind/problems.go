package kind

import (
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// Explain turns a write the database refused into the field to blame and a
// Vietnamese message: the one place where the store's constraint codes
// become words. The field is the store's column (ward_code, company_id),
// or the form's name where a rule's message is written for it.
func Explain(ce *store.ConstraintError) (field, message string) {
	if special, ok := specialConstraints[ce.Constraint]; ok {
		return special.field, special.message
	}
	switch ce.Rule {
	case store.RuleBadText:
		return ce.Field, domain.MsgBadText
	case store.RuleTooLong:
		for _, t := range domain.EntryTypes {
			if t.Plural == ce.Table {
				if max, ok := domain.TextLimits[t.Name][ce.Field]; ok {
					return ce.Field, domain.TooLongMessage(max)
				}
			}
		}
		return ce.Field, "Nội dung quá dài."
	case store.RuleUnique:
		return ce.Field, label(ce.Field) + " đã được sử dụng cho một mục khác."
	case store.RuleForeignKey:
		return ce.Field, label(ce.Field) + " không có trong danh mục hoặc không tồn tại."
	case store.RuleNotNull:
		return ce.Field, "Vui lòng nhập " + strings.ToLower(label(ce.Field)) + "."
	}
	return ce.Field, label(ce.Field) + " không hợp lệ."
}

// problem is a rule's own field and message.
type problem struct{ field, message string }

// specialConstraints are the named rules whose message is not generic.
var specialConstraints = map[string]problem{
	"companies_tax_code_key":         {"tax_code", "Mã số thuế này đã có doanh nghiệp khác sử dụng."},
	"schools_city_code_key":          {"code", "Mã trường này đã có trong thành phố."},
	"jobs_wage_range_check":          {"wage_max", "Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu."},
	"policies_effective_range_check": {"effective_to", "Ngày hết hiệu lực phải sau ngày có hiệu lực."},
	"projects_date_range_check":      {"end_on", "Ngày kết thúc phải sau ngày bắt đầu."},
	"companies_industry_fkey":        {"industry", "Ngành kinh tế (VSIC) không có trong danh mục."},
	"jobs_occupation_fkey":           {"occupation", "Nhóm nghề (VSCO) không có trong danh mục."},
	"commitments_policy_is_program":  {"program", "Nhiệm vụ phải thuộc một chương trình hợp tác."},
	"companies_ward_city_fkey":       {"ward", "Phường/xã không thuộc thành phố đã chọn."},
	"jobs_ward_city_fkey":            {"ward", "Phường/xã không thuộc thành phố đã chọn."},
	"schools_ward_city_fkey":         {"ward", "Phường/xã không thuộc thành phố đã chọn."},
	"programs_school_id_fkey":        {"school", "Trường đào tạo không tồn tại."},
	"companies_tax_code_check":       {"tax_code", "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số."},
}

// columnLabels name columns in the generic messages.
var columnLabels = map[string]string{
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
	"email":            "Email",
}

func label(column string) string {
	if l, ok := columnLabels[column]; ok {
		return l
	}
	return "Giá trị"
}
