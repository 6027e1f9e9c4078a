package testenv

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

// Ptr returns a pointer to v, for the optional fields of entries.
func Ptr[T any](v T) *T { return &v }

// TaxCode makes a valid tax code from a number.
func TaxCode(t testing.TB, n int) string {
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

// NewCompany creates company number n of a test.
func NewCompany(t testing.TB, st *store.Store, n int, city string, status domain.Status) domain.Company {
	t.Helper()
	c := domain.Company{
		Meta:         domain.Meta{Status: status, DepartmentCode: city + "-sonv"},
		TaxCode:      TaxCode(t, n*1000),
		Name:         fmt.Sprintf("Công ty TNHH Thử nghiệm %d", n),
		IndustryCode: "C",
		City:         city,
		Employees:    Ptr(100 * n),
	}
	if err := st.Create(ctx, &c); err != nil {
		t.Fatalf("Create(company %d) = %v", n, err)
	}
	return c
}

// JobSpec names what a test job needs; empty fields get defaults.
type JobSpec struct {
	Title      string
	City       string
	Occupation string
	WageMin    *int64
	WageMax    *int64
	Education  string
	Deadline   *time.Time
	Positions  int
	Status     domain.Status
}

// NewJob creates a job of company.
func NewJob(t testing.TB, st *store.Store, company domain.Company, s JobSpec) domain.Job {
	t.Helper()
	if s.City == "" {
		s.City = company.City
	}
	if s.Occupation == "" {
		s.Occupation = "8"
	}
	if s.Education == "" {
		s.Education = "none"
	}
	if s.Positions == 0 {
		s.Positions = 10
	}
	if s.Status == "" {
		s.Status = domain.StatusPublished
	}
	j := domain.Job{
		Meta:           domain.Meta{Status: s.Status, DepartmentCode: s.City + "-sonv"},
		CompanyID:      company.ID,
		Title:          s.Title,
		OccupationCode: s.Occupation,
		Positions:      s.Positions,
		WageMin:        s.WageMin,
		WageMax:        s.WageMax,
		EmploymentType: "full_time",
		Education:      s.Education,
		City:           s.City,
		Deadline:       s.Deadline,
	}
	if err := st.Create(ctx, &j); err != nil {
		t.Fatalf("Create(job %q) = %v", s.Title, err)
	}
	return j
}

// DaysFromNow is a calendar date d days from today in Vietnam.
func DaysFromNow(d int) *time.Time {
	t := time.Now().In(vn.DateLocation).AddDate(0, 0, d)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &day
}

// NewPolicy creates a published policy of kind for both cities.
func NewPolicy(t testing.TB, st *store.Store, kind string) domain.Policy {
	t.Helper()
	p := domain.Policy{
		Meta:  domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-soldtbxh"},
		Title: "Chương trình hợp tác thử nghiệm " + kind, Kind: kind, Field: "employment", City: domain.Both,
	}
	if err := st.Create(ctx, &p); err != nil {
		t.Fatalf("Create(policy) = %v", err)
	}
	return p
}

// NewSchool creates a published school.
func NewSchool(t testing.TB, st *store.Store, code, city string) domain.School {
	t.Helper()
	s := domain.School{
		Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: city + "-sogddt"},
		Code: code, Name: "Trường Cao đẳng " + code, Kind: "cao_dang", Ownership: "public", City: city,
	}
	if err := st.Create(ctx, &s); err != nil {
		t.Fatalf("Create(school %q) = %v", code, err)
	}
	return s
}

// Count runs a query that counts rows, such as
// `SELECT count(*) FROM jobs WHERE status = $1`; a failure is fatal.
func Count(t testing.TB, st *store.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := st.DB().GetContext(ctx, &n, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
