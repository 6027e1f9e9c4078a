package domain

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestValidate(t *testing.T) {
	i64 := func(v int64) *int64 { return &v }
	goodJob := func() *Job {
		return &Job{CompanyID: 1, Title: "Công nhân may", OccupationCode: "8", Positions: 5,
			EmploymentType: "full_time", Education: "none", City: "hcm"}
	}
	tests := []struct {
		name  string
		entry interface{ Validate() FieldErrors }
		want  []string // fields with errors
	}{
		{"valid job", goodJob(), nil},
		{"job with everything wrong", &Job{Positions: -1, WageMin: i64(9), WageMax: i64(8), EmploymentType: "forever", Education: "phd", City: Both,
			ExperienceYears: 99, PriorityGroups: []string{"vip"}},
			[]string{"city", "company", "education", "employment_type", "experience_years", "occupation", "positions", "priority_groups", "title", "wage_max"}},
		{"company with a bad check digit", &Company{Name: "A", TaxCode: "0100109107", IndustryCode: "C", City: "hcm"}, []string{"tax_code"}},
		{"company with a malformed tax code and email", &Company{Name: "A", TaxCode: "12345", IndustryCode: "C", City: "hcm", Email: "not-an-email", Website: "javascript:alert(1)"},
			[]string{"email", "tax_code", "website"}},
		{"branch tax code", &Company{Name: "A", TaxCode: "0100109106-001", IndustryCode: "C", City: "hcm"}, nil},
		{"policy for both cities", &Policy{Title: "A", Kind: "policy", Field: "labour", City: Both}, nil},
		{"project in both cities", &Project{Title: "A", Kind: "ngo", Stage: "proposed", City: Both}, []string{"city"}},
		{"program", &Program{SchoolID: 1, Name: "Hàn", Level: "so_cap", Mode: "online", DurationMonths: new(int)}, []string{"duration_months"}},
		{"school", &School{Code: "A", Name: "B", Kind: "cao_dang", Ownership: "state", City: "cantho"}, []string{"ownership"}},
		{"commitment review kind", &Commitment{PolicyID: 1, Title: "A", Lead: Both, Progress: "done", Updates: []LedgerUpdate{{Kind: "mid"}}}, []string{"u0_date", "u0_kind", "u0_text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fe := tt.entry.Validate()
			if diff := cmp.Diff(tt.want, fe.Fields(), cmpEmpty); diff != "" {
				t.Errorf("Validate() fields (-want +got):\n%s\nerrors: %v", diff, fe)
			}
			for f, msg := range fe {
				if msg == "" {
					t.Errorf("field %s has an empty message", f)
				}
			}
		})
	}
}

var cmpEmpty = cmp.Transformer("nilIsEmpty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})
