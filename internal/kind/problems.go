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
	for _, k := range All {
		if p, ok := k.problem(ce.Constraint); ok {
			return p.field, p.message
		}
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

// problem is a named rule's own field and message; each kind's file
// gives those of its table (Kind.problems).
type problem struct{ field, message string }

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
