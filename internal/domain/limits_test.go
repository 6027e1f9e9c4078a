package domain

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

var day1 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// TestTextPolicy: NUL, invalid UTF-8 and over-long text are refused in
// every entry type, on the field that holds them, with a Vietnamese message.

func TestTextPolicy(t *testing.T) {
	huge := strings.Repeat("a", 3<<20) // the audit's 3 MB job title
	job := func(title string) *Job {
		return &Job{CompanyID: 1, Title: title, OccupationCode: "8", Positions: 5, EmploymentType: "full_time", Education: "none", City: "hcm"}
	}
	tests := []struct {
		name  string
		entry interface{ Validate() FieldErrors }
		field string
		msg   string
	}{
		{"3 MB job title", job(huge), "title", TooLongMessage(300)},
		{"job title one over", job(strings.Repeat("ư", 301)), "title", TooLongMessage(300)},
		{"NUL in a job title", job("Thợ\x00hàn"), "title", MsgBadText},
		{"invalid UTF-8 in a job title", job("Th\xffợ"), "title", MsgBadText},
		{"a cut-off letter", job("Th\xc3"), "title", MsgBadText},
		{"long external id", &Job{Meta: Meta{ExternalID: strings.Repeat("x", 101)}, CompanyID: 1, Title: "A", OccupationCode: "8", Positions: 1, EmploymentType: "full_time", Education: "none", City: "hcm"}, "external_id", TooLongMessage(100)},
		{"bad ward code text", &Job{WardCode: ptr("2\x006"), CompanyID: 1, Title: "A", OccupationCode: "8", Positions: 1, EmploymentType: "full_time", Education: "none", City: "hcm"}, "ward_code", MsgBadText},
		{"company description", &Company{Name: "A", TaxCode: "0100109106", IndustryCode: "C", City: "hcm", Description: strings.Repeat("đ", 10001)}, "description", TooLongMessage(10000)},
		{"school phone", &School{Code: "A", Name: "B", Kind: "cao_dang", Ownership: "public", City: "cantho", Phone: strings.Repeat("0", 51)}, "phone", TooLongMessage(50)},
		{"program support", &Program{SchoolID: 1, Name: "Hàn", Level: "so_cap", Mode: "online", Support: "\x00"}, "support", MsgBadText},
		{"policy body", &Policy{Title: "A", Kind: "policy", Field: "labour", City: Both, Body: strings.Repeat("b", 50001)}, "body", TooLongMessage(50000)},
		{"policy source must be http", &Policy{Title: "A", Kind: "policy", Field: "labour", City: Both, SourceURL: "ftp://example.org/a.pdf"}, "source_url", "Địa chỉ web phải bắt đầu bằng http:// hoặc https://."},
		{"project contact", &Project{Title: "A", Kind: "ngo", Stage: "proposed", City: "hcm", Contact: strings.Repeat("c", 501)}, "contact", TooLongMessage(500)},
		{"commitment evidence javascript: link", &Commitment{PolicyID: 1, Title: "A", Lead: Both, Progress: "done",
			Updates: []LedgerUpdate{{Date: day1, Kind: "update", Text: "x", Evidence: []Evidence{{Title: "t", URL: "javascript:alert(1)"}}}}}, "u0_e0_url", "Cập nhật 1, minh chứng 1: " + MsgEvidenceURL},
		{"commitment evidence data: link", &Commitment{PolicyID: 1, Title: "A", Lead: Both, Progress: "done",
			Updates: []LedgerUpdate{{Date: day1, Kind: "so_ket", Text: "x", Evidence: []Evidence{{Title: "t", URL: "https://a.vn"}, {Title: "t", URL: "data:text/html,x"}}}}}, "u0_e1_url", "Cập nhật 1, minh chứng 2: " + MsgEvidenceURL},
		{"commitment update NUL", &Commitment{PolicyID: 1, Title: "A", Lead: Both, Progress: "done",
			Updates: []LedgerUpdate{{Date: day1, Kind: "update", Text: "a\x00"}}}, "u0_text", MsgBadText},
		{"too many updates", &Commitment{PolicyID: 1, Title: "A", Lead: Both, Progress: "done",
			Updates: make([]LedgerUpdate, MaxProgressUpdates+1)}, "updates", "Tối đa 200 dòng cập nhật."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fe := tt.entry.Validate()
			if got := fe[tt.field]; got != tt.msg {
				t.Errorf("Validate()[%q] = %q, want %q (all: %v)", tt.field, got, tt.msg, fe.Fields())
			}
		})
	}
	if fe := job(strings.Repeat("ư", 300)).Validate(); len(fe) > 0 {
		t.Errorf("a 300-letter title: Validate() = %v, want valid", fe)
	}
}

// TestEveryTextFieldHasALimit: a free-text field added to an entity
// without a limit fails here (codes are bounded by the database instead).
func TestEveryTextFieldHasALimit(t *testing.T) {
	codes := map[string]bool{ // bounded by a foreign key or CHECK … IN
		"status": true, "department_code": true, "city": true, "kind": true, "field": true,
		"tax_code": true, "industry_version": true, "industry_code": true, "occupation_version": true,
		"occupation_code": true, "employment_type": true, "education": true, "ward_code": true,
		"priority_groups": true, "ownership": true, "level": true, "mode": true, "stage": true, "progress": true,
	}
	readOnly := map[string]bool{ // joined for display, never written
		"ward_name": true, "company_name": true, "company_slug": true, "company_tax_code": true,
		"school_name": true, "school_slug": true, "school_code": true, "program_title": true,
		"school_address": true, "school_ward_code": true,
	}
	entities := map[string]any{"policy": &Policy{}, "company": &Company{}, "job": &Job{}, "school": &School{},
		"program": &Program{}, "project": &Project{}, "commitment": &Commitment{}}
	for typ, e := range entities {
		walkStrings(reflect.ValueOf(e).Elem(), func(column, _ string) {
			if _, ok := TextLimits[typ][column]; ok || readOnly[column] || (codes[column] && !(typ == "project" && column == "field")) {
				return
			}
			t.Errorf("%s.%s has no entry in TextLimits", typ, column)
		})
	}
	for typ := range TextLimits {
		if _, ok := entities[typ]; !ok {
			t.Errorf("TextLimits has unknown type %q", typ)
		}
	}
}

func ptr[T any](v T) *T { return &v }
