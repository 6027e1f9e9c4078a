// Package seed loads the demo data set: the HCMC – Cần Thơ cooperation
// program of 28/6/2024 with its tasks, related policies, employers
// and their openings, vocational schools and their programs, and projects
// that seek partners. The data set is built in memory first (build), so it
// can be checked without a database, then written in one transaction.
package seed

import (
	"cmp"
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

// dataset is the whole demo data set in memory.
type dataset struct {
	cooperation // the program of 28/6/2024 and its tasks (policies.go)
	entries
}

// entries are what the demo and a generated data set both hold. Relations
// are indexes into the parent slice and are resolved to ids while writing.
type entries struct {
	policies  []domain.Policy // in the demo, those besides the cooperation program
	companies []domain.Company
	jobs      []seedJob
	schools   []domain.School
	programs  []seedProgram
	projects  []domain.Project
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
	d.cooperation = buildProgram(now)
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
// before it is written.
const placeholderID = 1

// validate checks every entry with Validate and the relations between
// them, without a database.
func (d *dataset) validate() error { return d.each(context.Background(), checking()) }

// write inserts the data set through b, parents first, validating each
// entry again once its parent's id is known.
func (d *dataset) write(ctx context.Context, b *store.Batch) error {
	return d.each(ctx, pass{rows: inBatch(b), visit: checkThenInsert})
}

// each takes the demo through p in the order it is written.
func (d *dataset) each(ctx context.Context, p pass) error {
	if err := d.cooperation.each(ctx, p); err != nil {
		return err
	}
	if _, err := each(ctx, p, "policy", d.policies, nil, create); err != nil {
		return err
	}
	if err := d.employersAndSchools(ctx, p); err != nil {
		return err
	}
	_, err := each(ctx, p, "project", d.projects, nil, create)
	return err
}

// employersAndSchools takes the employers and then their jobs, the schools
// and then their programs, through p.
func (e *entries) employersAndSchools(ctx context.Context, p pass) error {
	companyIDs, err := each(ctx, p, "company", e.companies, nil, create)
	if err != nil {
		return err
	}
	if _, err := each(ctx, p, "job", e.jobs, func(j *seedJob) (err error) {
		j.CompanyID, err = parentID(companyIDs, j.company, "job", j.ExternalID, "company")
		return err
	}, func(b *store.Batch, ctx context.Context, j *seedJob) error {
		return b.Create(ctx, &j.Job)
	}); err != nil {
		return err
	}
	schoolIDs, err := each(ctx, p, "school", e.schools, nil, create)
	if err != nil {
		return err
	}
	_, err = each(ctx, p, "program", e.programs, func(sp *seedProgram) (err error) {
		sp.SchoolID, err = parentID(schoolIDs, sp.school, "program", sp.ExternalID, "school")
		return err
	}, func(b *store.Batch, ctx context.Context, sp *seedProgram) error {
		return b.Create(ctx, &sp.Program)
	})
	return err
}

// pass is one walk over a data set, parents first: checking it, loading
// the demo, or writing a generated one.
type pass struct {
	// rows calls row for 0…n-1 with the batch to write through: the
	// demo's one transaction, one per generateBatch rows for Generate,
	// nil when nothing is written.
	rows func(n int, row func(b *store.Batch, i int) error) error
	// visit is handed each entry: its kind and external id, its rules
	// (its parent's id is set by then) and its insert.
	visit func(kind, externalID string, rules func() domain.FieldErrors, insert func() error) error
}

// checking is validate's pass: every entry's rules, nothing written.
func checking() pass {
	return pass{rows: inBatch(nil), visit: func(kind, externalID string, rules func() domain.FieldErrors, _ func() error) error {
		return invalid(kind, externalID, rules())
	}}
}

// checkThenInsert inserts an entry that keeps its rules.
func checkThenInsert(kind, externalID string, rules func() domain.FieldErrors, insert func() error) error {
	if err := invalid(kind, externalID, rules()); err != nil {
		return err
	}
	return insert()
}

// inBatch calls row for 0…n-1 on b.
func inBatch(b *store.Batch) func(n int, row func(*store.Batch, int) error) error {
	return func(n int, row func(*store.Batch, int) error) error {
		for i := 0; i < n; i++ {
			if err := row(b, i); err != nil {
				return err
			}
		}
		return nil
	}
}

// entity is a pointer to an entry of the domain (*domain.Job, *seedJob, …).
type entity[T any] interface {
	*T
	Shared() *domain.Meta
	Validate() domain.FieldErrors
}

// each takes list, the entries of one type, through p and returns the ids
// they got, placeholderID for those not written. parent, unless nil,
// first sets an entry's parent id; insert writes it.
func each[T any, P entity[T]](ctx context.Context, p pass, kind string, list []T, parent func(P) error, insert func(*store.Batch, context.Context, P) error) ([]int64, error) {
	ids := make([]int64, len(list))
	err := p.rows(len(list), func(b *store.Batch, i int) error {
		e := P(ptr(list[i])) // a copy: the data set stays as built
		if parent != nil {
			if err := parent(e); err != nil {
				return err
			}
		}
		m := e.Shared()
		err := p.visit(kind, m.ExternalID, e.Validate, func() error {
			if err := insert(b, ctx, e); err != nil {
				return fmt.Errorf("seed: insert %s %s: %w", kind, m.ExternalID, err)
			}
			return nil
		})
		ids[i] = cmp.Or(m.ID, placeholderID)
		return err
	})
	return ids, err
}

// create inserts an entry as it is: the store finds its table by its type.
func create[P any](b *store.Batch, ctx context.Context, e P) error { return b.Create(ctx, e) }

// parentID is ids[index], the id of a child's parent, once index is known
// to be in range.
func parentID(ids []int64, index int, kind, externalID, parentKind string) (int64, error) {
	if index < 0 || index >= len(ids) {
		return 0, fmt.Errorf("seed: %s %s: %s index %d out of range", kind, externalID, parentKind, index)
	}
	return ids[index], nil
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
