package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

var ctx = context.Background()

func ptr[T any](v T) *T { return &v }

// taxCode makes a valid tax code from a number.
func taxCode(t *testing.T, n int) string {
	t.Helper()
	for i := n; i < n+100; i++ {
		first9 := fmt.Sprintf("03%07d", i)
		if d, ok := vn.TaxCodeCheckDigit(first9); ok {
			return first9 + string(d)
		}
	}
	t.Fatalf("no tax code near %d", n)
	return ""
}

func newCompany(t *testing.T, st *store.Store, n int, city string, status domain.Status) domain.Company {
	t.Helper()
	c := domain.Company{
		Meta:         domain.Meta{Status: status, DepartmentCode: city + "-sonv"},
		TaxCode:      taxCode(t, n*1000),
		Name:         fmt.Sprintf("Công ty TNHH Thử nghiệm %d", n),
		IndustryCode: "C",
		City:         city,
		Employees:    ptr(100 * n),
	}
	if err := st.CreateCompany(ctx, &c); err != nil {
		t.Fatalf("CreateCompany(%d) = %v", n, err)
	}
	return c
}

type jobSpec struct {
	title      string
	city       string
	occupation string
	wageMin    *int64
	wageMax    *int64
	education  string
	deadline   *time.Time
	positions  int
	status     domain.Status
}

func newJob(t *testing.T, st *store.Store, company domain.Company, s jobSpec) domain.Job {
	t.Helper()
	if s.city == "" {
		s.city = company.City
	}
	if s.occupation == "" {
		s.occupation = "8"
	}
	if s.education == "" {
		s.education = "none"
	}
	if s.positions == 0 {
		s.positions = 10
	}
	if s.status == "" {
		s.status = domain.StatusPublished
	}
	j := domain.Job{
		Meta:           domain.Meta{Status: s.status, DepartmentCode: s.city + "-sonv"},
		CompanyID:      company.ID,
		Title:          s.title,
		OccupationCode: s.occupation,
		Positions:      s.positions,
		WageMin:        s.wageMin,
		WageMax:        s.wageMax,
		EmploymentType: "full_time",
		Education:      s.education,
		City:           s.city,
		Deadline:       s.deadline,
	}
	if err := st.CreateJob(ctx, &j); err != nil {
		t.Fatalf("CreateJob(%q) = %v", s.title, err)
	}
	return j
}

func daysFromNow(d int) *time.Time {
	t := time.Now().In(vn.DateLocation).AddDate(0, 0, d)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &day
}

func newProgramPolicy(t *testing.T, st *store.Store, kind string) domain.Policy {
	t.Helper()
	p := domain.Policy{
		Meta:  domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-soldtbxh"},
		Title: "Chương trình hợp tác thử nghiệm " + kind, Kind: kind, Field: "employment", City: domain.Both,
	}
	if err := st.CreatePolicy(ctx, &p); err != nil {
		t.Fatalf("CreatePolicy = %v", err)
	}
	return p
}

func newSchool(t *testing.T, st *store.Store, code, city string) domain.School {
	t.Helper()
	s := domain.School{
		Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: city + "-sogddt"},
		Code: code, Name: "Trường Cao đẳng " + code, Kind: "cao_dang", Ownership: "public", City: city,
	}
	if err := st.CreateSchool(ctx, &s); err != nil {
		t.Fatalf("CreateSchool(%q) = %v", code, err)
	}
	return s
}
