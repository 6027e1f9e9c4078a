package importer

import (
	"context"
	"fmt"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// programSpec imports programs; a row names its school by city + code.
var programSpec = register(kind.Program, &spec[domain.Program]{
	columns: []string{"external_id", "school_city", "school_code", "name", "level", "duration_months",
		"tuition_vnd", "quota", "intake", "mode", "support", "description", "occupations", "support_groups", "support_benefits"},
	fields: map[string]string{"school": "school_code", "school_id": "school_code", "city": "school_city"},
	plain:  []string{"name", "duration_months", "quota", "intake", "support", "description"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.Program, isNew bool) {
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
				if p, ok := c.r.school(ctx, city, code); ok {
					e.SchoolID, e.City = p.id, p.city
				} else if c.r.fatal == nil {
					c.fail("school_code", fmt.Sprintf("Không tìm thấy trường có mã “%s” ở %s: hãy nhập trường trước.", code, c.r.ref.CityName(city)))
				}
			}
		}
		c.setEnum("level", domain.ProgramLevels, &e.Level)
		c.setMoney("tuition_vnd", &e.TuitionVND)
		c.setEnum("mode", domain.StudyModes, &e.Mode)
		c.setList("occupations", occupationCodes(c.r.ref.Tables), &e.Occupations)
		c.setList("support_groups", domain.SupportGroups, &e.SupportGroups)
		c.setList("support_benefits", domain.SupportBenefits, &e.SupportBenefits)
	},
	validate: func(e *domain.Program) domain.FieldErrors { return e.Validate() },
})

// occupationCodes are the VSCO major groups as options (code and name),
// for a list of occupations.
func occupationCodes(ref *codes.Tables) domain.Options {
	out := make(domain.Options, 0, len(ref.Occupations))
	for _, o := range ref.Occupations {
		out = append(out, domain.Option{Code: o.Code, Label: o.NameVI})
	}
	return out
}
