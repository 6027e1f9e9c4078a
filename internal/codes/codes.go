// Package codes holds the code tables — cities, wards (with the units they
// were formed from), industries, occupations and publishing departments —
// read once from the database and shared by the web pages, the importer
// and the search documents. They change only with a migration.
package codes

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// IndustryVersions are the VSIC versions entries may carry.
var IndustryVersions = []string{"VSIC2018", "VSIC2025"}

// Current versions of the classifications new entries use.
const (
	IndustryVersion   = "VSIC2018"
	OccupationVersion = "VSCO2020"
)

// Source is where the tables are read from (the store).
type Source interface {
	Cities(ctx context.Context) ([]domain.City, error)
	Wards(ctx context.Context, city string) ([]domain.Ward, error)
	Industries(ctx context.Context, version string) ([]domain.Classification, error)
	Occupations(ctx context.Context, version string) ([]domain.Classification, error)
	Departments(ctx context.Context) ([]domain.Department, error)
}

// Tables are the code tables and their lookups.
type Tables struct {
	Cities      []domain.City
	Wards       []domain.Ward
	Industries  []domain.Classification // current version (IndustryVersion)
	Occupations []domain.Classification
	Departments []domain.Department

	cityByCode       map[string]domain.City
	wardByCode       map[string]domain.Ward
	industryByCode   map[string]domain.Classification
	industrySets     map[string]map[string]bool // version → codes
	occupationByCode map[string]domain.Classification
	departmentByCode map[string]domain.Department
}

// Load reads every table once.
func Load(ctx context.Context, src Source) (*Tables, error) {
	var t Tables
	var err error
	if t.Cities, err = src.Cities(ctx); err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	if t.Wards, err = src.Wards(ctx, ""); err != nil {
		return nil, fmt.Errorf("read wards: %w", err)
	}
	t.industrySets = map[string]map[string]bool{}
	for _, v := range IndustryVersions {
		list, err := src.Industries(ctx, v)
		if err != nil {
			return nil, fmt.Errorf("read industries: %w", err)
		}
		if v == IndustryVersion {
			t.Industries = list
		}
		t.industrySets[v] = map[string]bool{}
		for _, x := range list {
			t.industrySets[v][x.Code] = true
		}
	}
	if t.Occupations, err = src.Occupations(ctx, OccupationVersion); err != nil {
		return nil, fmt.Errorf("read occupations: %w", err)
	}
	if t.Departments, err = src.Departments(ctx); err != nil {
		return nil, fmt.Errorf("read departments: %w", err)
	}
	t.index()
	return &t, nil
}

// New makes tables from lists at hand (tests that need no database); the
// industries are taken as the current VSIC version.
func New(cities []domain.City, wards []domain.Ward, industries, occupations []domain.Classification, departments []domain.Department) *Tables {
	t := &Tables{Cities: cities, Wards: wards, Industries: industries, Occupations: occupations, Departments: departments,
		industrySets: map[string]map[string]bool{IndustryVersion: {}}}
	for _, x := range industries {
		t.industrySets[IndustryVersion][x.Code] = true
	}
	t.index()
	return t
}

func (t *Tables) index() {
	t.cityByCode = index(t.Cities, func(x domain.City) string { return x.Code })
	t.wardByCode = index(t.Wards, func(x domain.Ward) string { return x.Code })
	t.industryByCode = index(t.Industries, func(x domain.Classification) string { return x.Code })
	t.occupationByCode = index(t.Occupations, func(x domain.Classification) string { return x.Code })
	t.departmentByCode = index(t.Departments, func(x domain.Department) string { return x.Code })
}

func index[T any](list []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		m[key(x)] = x
	}
	return m
}

// City finds a city by code.
func (t *Tables) City(code string) (domain.City, bool) { x, ok := t.cityByCode[code]; return x, ok }

// Ward finds a ward by code.
func (t *Tables) Ward(code string) (domain.Ward, bool) { x, ok := t.wardByCode[code]; return x, ok }

// Occupation finds a VSCO major group by code.
func (t *Tables) Occupation(code string) (domain.Classification, bool) {
	x, ok := t.occupationByCode[code]
	return x, ok
}

// Industry finds a section of the current VSIC by code.
func (t *Tables) Industry(code string) (domain.Classification, bool) {
	x, ok := t.industryByCode[code]
	return x, ok
}

// Department finds a publishing department by code.
func (t *Tables) Department(code string) (domain.Department, bool) {
	x, ok := t.departmentByCode[code]
	return x, ok
}

// CityName is the short Vietnamese name of a city; "both" reads as both.
func (t *Tables) CityName(code string) string {
	if code == domain.Both {
		return "Cả hai thành phố"
	}
	return nameIn(t.cityByCode, code, func(x domain.City) string { return x.ShortVI })
}

// IsCity tells whether code is a city of the portal.
func (t *Tables) IsCity(code string) bool { _, ok := t.cityByCode[code]; return ok }

// WardsOf lists the wards of one city.
func (t *Tables) WardsOf(city string) []domain.Ward {
	var out []domain.Ward
	for _, w := range t.Wards {
		if w.CityCode == city {
			out = append(out, w)
		}
	}
	return out
}

// IsWard tells whether code is a ward of the portal's cities.
func (t *Tables) IsWard(code string) bool { _, ok := t.wardByCode[code]; return ok }

// IndustryName is the Vietnamese name of a VSIC section.
func (t *Tables) IndustryName(code string) string {
	return nameIn(t.industryByCode, code, classificationName)
}

// IsIndustry tells whether code is a section of the current VSIC.
func (t *Tables) IsIndustry(code string) bool { _, ok := t.industryByCode[code]; return ok }

// IsIndustryOf tells whether code is a section of a VSIC version.
func (t *Tables) IsIndustryOf(version, code string) bool { return t.industrySets[version][code] }

// OccupationName is the Vietnamese name of a VSCO major group.
func (t *Tables) OccupationName(code string) string {
	return nameIn(t.occupationByCode, code, classificationName)
}

// IsOccupation tells whether code is a VSCO major group.
func (t *Tables) IsOccupation(code string) bool { _, ok := t.occupationByCode[code]; return ok }

// DepartmentName is the name of the publishing department.
func (t *Tables) DepartmentName(code string) string {
	return nameIn(t.departmentByCode, code, func(x domain.Department) string { return x.NameVI })
}

// nameIn is the name of code's row in m, or code itself when m lacks it.
func nameIn[T any](m map[string]T, code string, name func(T) string) string {
	if x, ok := m[code]; ok {
		return name(x)
	}
	return code
}

func classificationName(x domain.Classification) string { return x.NameVI }

// Fold is the form names are compared in: no diacritics, lower case,
// single spaces.
func Fold(s string) string { return strings.Join(strings.Fields(vn.Fold(s)), " ") }

// DepartmentOptions are the departments as choices: code and name. An
// entry's responsible departments are picked from them.
func (t *Tables) DepartmentOptions() domain.Options {
	out := make(domain.Options, 0, len(t.Departments))
	for _, d := range t.Departments {
		out = append(out, domain.Option{Code: d.Code, Label: d.ShortVI})
	}
	return out
}

// CurrentDepartments are the departments competent on day, as choices.
func (t *Tables) CurrentDepartments(day time.Time) domain.Options {
	day = calendarDay(day)
	var out domain.Options
	for _, d := range t.Departments {
		if !day.Before(d.ValidFrom) && (d.ValidTo == nil || !day.After(*d.ValidTo)) {
			out = append(out, domain.Option{Code: d.Code, Label: d.ShortVI})
		}
	}
	return out
}

// DepartmentOn is the department competent on day for the work of code:
// code itself while it was valid, else its successor (followed as far as
// needed), as migration 00013's department_valid_on.
func (t *Tables) DepartmentOn(code string, day time.Time) string {
	day = calendarDay(day)
	for range 10 {
		d, ok := t.Department(code)
		if !ok || d.ValidTo == nil || !day.After(*d.ValidTo) || d.Successor == nil {
			return code
		}
		code = *d.Successor
	}
	return code
}

// ValidOn tells whether the department code was competent on day.
func (t *Tables) ValidOn(code string, day time.Time) bool {
	d, ok := t.Department(code)
	day = calendarDay(day)
	return ok && !day.Before(d.ValidFrom) && (d.ValidTo == nil || !day.After(*d.ValidTo))
}

// calendarDay is t's calendar day as DATE columns hold it (midnight UTC).
func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
