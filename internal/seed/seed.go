// Package seed loads the demo data set: the HCMC – Cần Thơ cooperation
// program of 28/6/2024 with its commitments, related policies, employers
// and their openings, vocational schools and their programs, and projects
// that seek partners. The data set is built in memory first (build), so it
// can be checked without a database, then written in one transaction.
package seed

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// DemoMetaKey is the site_meta key set when the demo data is loaded (value: RFC3339 time).
const DemoMetaKey = store.DemoDataKey

// Demo loads the demo data set once; it returns loaded=false when it was already there.
func Demo(ctx context.Context, st *store.Store, now time.Time) (loaded bool, err error) {
	return load(ctx, st, now, build(now))
}

// load writes d once, guarded by DemoMetaKey.
func load(ctx context.Context, st *store.Store, now time.Time, d dataset) (loaded bool, err error) {
	// Check everything before the transaction opens: a broken data set
	// should fail without touching the database.
	if err := d.validate(); err != nil {
		return false, err
	}
	err = st.Batch(ctx, func(b *store.Batch) error {
		if err := b.LockMeta(ctx, DemoMetaKey); err != nil {
			return fmt.Errorf("seed: lock %s: %w", DemoMetaKey, err)
		}
		switch _, err := b.Meta(ctx, DemoMetaKey); {
		case err == nil:
			return nil // already loaded
		case !errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("seed: read %s: %w", DemoMetaKey, err)
		}
		if err := d.write(ctx, b); err != nil {
			return err
		}
		if err := b.SetMeta(ctx, DemoMetaKey, now.Format(time.RFC3339)); err != nil {
			return fmt.Errorf("seed: set %s: %w", DemoMetaKey, err)
		}
		loaded = true
		return nil
	})
	if err != nil {
		return false, err
	}
	return loaded, nil
}

// dataset is the whole demo data set in memory. Relations are indexes into
// the parent slice and are resolved to ids while writing.
type dataset struct {
	program     domain.Policy       // the cooperation program of 28/6/2024
	commitments []domain.Commitment // the program's tasks; PolicyID set on write
	policies    []domain.Policy     // the other policies, guidance and announcements
	companies   []domain.Company
	jobs        []seedJob
	schools     []domain.School
	programs    []seedProgram
	projects    []domain.Project
}

// seedJob is a job with the index of its company in dataset.companies.
type seedJob struct {
	domain.Job
	company int
}

// seedProgram is a training program with the index of its school in dataset.schools.
type seedProgram struct {
	domain.Program
	school int
}

// seedRand is the one source of randomness: a fixed seed (the program was
// signed on 28/6/2024) so two runs build the same data.
func seedRand() *rand.Rand { return rand.New(rand.NewPCG(2024, 628)) }

// build makes the demo data set. Dates that must lie in the future (job
// deadlines) are relative to now; everything else is fixed. Publishing
// dates never lie after now.
func build(now time.Time) dataset {
	r := seedRand()
	var d dataset
	d.program, d.commitments = buildProgram(now)
	d.policies = buildPolicies(now)
	d.companies = buildCompanies(r, now)
	d.jobs = buildJobs(r, now, d.companies)
	d.schools = buildSchools(r, now)
	d.programs = buildPrograms(r, now, d.schools)
	d.projects = buildProjects(now)
	d.streetAddresses()
	return d
}

// streetAddresses keeps only the street part of each address: the ward and
// city are fields of their own, and pages write them after the street.
// (Contact texts, written before this, keep the full address.)
func (d *dataset) streetAddresses() {
	for i := range d.companies {
		d.companies[i].Address = streetPart(d.companies[i].Address)
	}
	for i := range d.jobs {
		d.jobs[i].WorkAddress = streetPart(d.jobs[i].WorkAddress)
	}
	for i := range d.schools {
		d.schools[i].Address = streetPart(d.schools[i].Address)
	}
}

// streetPart cuts "…, Phường X, TP. Y" down to "…".
func streetPart(address string) string {
	cut := -1
	for _, unit := range []string{", Phường ", ", Xã ", ", Đặc khu "} {
		if i := strings.LastIndex(address, unit); i > cut {
			cut = i
		}
	}
	if cut <= 0 {
		return address
	}
	return address[:cut]
}

// invalid wraps a failed Validate so the error names the entry.
func invalid(kind, externalID string, fe domain.FieldErrors) error {
	if err := fe.Err(); err != nil {
		return fmt.Errorf("seed: invalid %s %s: %w", kind, externalID, err)
	}
	return nil
}

// placeholderID stands in for a parent's id when the data set is checked
// before it is written; the parent index has been checked to be in range.
const placeholderID = 1

// validate checks every entry with Validate and the relations between
// them, without a database.
func (d *dataset) validate() error {
	p := d.program
	if err := invalid("policy", p.ExternalID, p.Validate()); err != nil {
		return err
	}
	if p.Kind != "program" {
		return fmt.Errorf("seed: policy %s must be of kind program", p.ExternalID)
	}
	for _, m := range d.commitments {
		m.PolicyID = placeholderID
		if err := invalid("commitment", m.ExternalID, m.Validate()); err != nil {
			return err
		}
	}
	for i := range d.policies {
		p := d.policies[i]
		if err := invalid("policy", p.ExternalID, p.Validate()); err != nil {
			return err
		}
	}
	for i := range d.companies {
		c := d.companies[i]
		if err := invalid("company", c.ExternalID, c.Validate()); err != nil {
			return err
		}
	}
	for _, j := range d.jobs {
		if j.company < 0 || j.company >= len(d.companies) {
			return fmt.Errorf("seed: job %s: company index %d out of range", j.ExternalID, j.company)
		}
		j.CompanyID = placeholderID
		if err := invalid("job", j.ExternalID, j.Validate()); err != nil {
			return err
		}
	}
	for i := range d.schools {
		s := d.schools[i]
		if err := invalid("school", s.ExternalID, s.Validate()); err != nil {
			return err
		}
	}
	for _, p := range d.programs {
		if p.school < 0 || p.school >= len(d.schools) {
			return fmt.Errorf("seed: program %s: school index %d out of range", p.ExternalID, p.school)
		}
		p.SchoolID = placeholderID
		if err := invalid("program", p.ExternalID, p.Validate()); err != nil {
			return err
		}
	}
	for i := range d.projects {
		p := d.projects[i]
		if err := invalid("project", p.ExternalID, p.Validate()); err != nil {
			return err
		}
	}
	return nil
}

// write inserts the data set through b, parents first, validating each
// entry again once its parent's id is known.
func (d *dataset) write(ctx context.Context, b *store.Batch) error {
	insert := func(kind, externalID string, fe domain.FieldErrors, create func() error) error {
		if err := invalid(kind, externalID, fe); err != nil {
			return err
		}
		if err := create(); err != nil {
			return fmt.Errorf("seed: insert %s %s: %w", kind, externalID, err)
		}
		return nil
	}

	program := d.program
	if err := insert("policy", program.ExternalID, program.Validate(), func() error {
		return b.CreatePolicy(ctx, &program)
	}); err != nil {
		return err
	}
	for i := range d.commitments {
		m := d.commitments[i]
		m.PolicyID = program.ID
		if err := insert("commitment", m.ExternalID, m.Validate(), func() error {
			return b.CreateCommitment(ctx, &m)
		}); err != nil {
			return err
		}
	}
	for i := range d.policies {
		p := d.policies[i]
		if err := insert("policy", p.ExternalID, p.Validate(), func() error {
			return b.CreatePolicy(ctx, &p)
		}); err != nil {
			return err
		}
	}

	companyIDs := make([]int64, len(d.companies))
	for i := range d.companies {
		c := d.companies[i]
		if err := insert("company", c.ExternalID, c.Validate(), func() error {
			return b.CreateCompany(ctx, &c)
		}); err != nil {
			return err
		}
		companyIDs[i] = c.ID
	}
	for _, sj := range d.jobs {
		j := sj.Job
		j.CompanyID = companyIDs[sj.company]
		if err := insert("job", j.ExternalID, j.Validate(), func() error {
			return b.CreateJob(ctx, &j)
		}); err != nil {
			return err
		}
	}

	schoolIDs := make([]int64, len(d.schools))
	for i := range d.schools {
		s := d.schools[i]
		if err := insert("school", s.ExternalID, s.Validate(), func() error {
			return b.CreateSchool(ctx, &s)
		}); err != nil {
			return err
		}
		schoolIDs[i] = s.ID
	}
	for _, sp := range d.programs {
		p := sp.Program
		p.SchoolID = schoolIDs[sp.school]
		if err := insert("program", p.ExternalID, p.Validate(), func() error {
			return b.CreateProgram(ctx, &p)
		}); err != nil {
			return err
		}
	}

	for i := range d.projects {
		p := d.projects[i]
		if err := insert("project", p.ExternalID, p.Validate(), func() error {
			return b.CreateProject(ctx, &p)
		}); err != nil {
			return err
		}
	}
	return nil
}

// ---- departments and dates ----

// area is the line of work an entry belongs to; it decides which body
// published it after the Sở LĐ-TB&XH was dissolved.
type area int

const (
	areaLabour    area = iota // labour, employment, companies, jobs, projects, người có công → Sở Nội vụ
	areaEducation             // schools, programs, vocational policies → Sở GD&ĐT
	areaSocial                // social protection → Sở Y tế
)

// reorganisation is the day the Sở LĐ-TB&XH's work moved to its successors.
var reorganisation = time.Date(2025, time.March, 1, 0, 0, 0, 0, vn.DateLocation)

// department is the code of the body that published an entry of city (hcm,
// cantho or both: the HCMC body then) and area at the given time.
func department(city string, a area, at time.Time) string {
	if city == domain.Both {
		city = "hcm"
	}
	if at.Before(reorganisation) {
		return city + "-soldtbxh"
	}
	switch a {
	case areaEducation:
		return city + "-sogddt"
	case areaSocial:
		return city + "-soyt"
	default:
		return city + "-sonv"
	}
}

// fieldArea maps a policy field to its area.
func fieldArea(field string) area {
	switch field {
	case "vocational":
		return areaEducation
	case "social":
		return areaSocial
	default:
		return areaLabour
	}
}

// date is a calendar date as stored in DATE columns (midnight UTC).
func date(y int, m time.Month, d int) *domain.Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

// today is now's calendar date in Vietnam, as a DATE value.
func today(now time.Time) time.Time {
	n := now.In(vn.DateLocation)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// at is a moment of a Vietnamese working day.
func at(y int, m time.Month, d, hour, minute int) time.Time {
	return time.Date(y, m, d, hour, minute, 0, 0, vn.DateLocation)
}

// notAfter keeps a publishing time from lying after now.
func notAfter(t, now time.Time) time.Time {
	if t.After(now) {
		return now.Add(-time.Hour)
	}
	return t
}

// published marks m as published at t, by the body of city and area then.
func published(m *domain.Meta, city string, a area, t, now time.Time) {
	t = notAfter(t, now)
	m.Status = domain.StatusPublished
	m.PublishedAt = &t
	m.DepartmentCode = department(city, a, t)
}

// draft marks m as an unpublished draft, entered by today's body.
func draft(m *domain.Meta, city string, a area, now time.Time) {
	m.Status = domain.StatusDraft
	m.PublishedAt = nil
	m.DepartmentCode = department(city, a, now)
}

// randomMoment is a working-hours moment on a random day in [from, to].
func randomMoment(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	if days < 0 {
		days = 0
	}
	d := from.In(vn.DateLocation).AddDate(0, 0, r.IntN(days+1))
	return time.Date(d.Year(), d.Month(), d.Day(), 7+r.IntN(10), r.IntN(60), 0, 0, vn.DateLocation)
}

// between is a random integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func ptr[T any](v T) *T { return &v }

// pad writes n with at least width digits: pad(7, 3) = "007".
func pad(n, width int) string { return fmt.Sprintf("%0*d", width, n) }
