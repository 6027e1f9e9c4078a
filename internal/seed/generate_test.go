package seed

import (
	"bufio"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
	"hoptac/migrations"
)

// migrationWards reads every ward of the admin-units migration, as the
// database lists them.
func migrationWards(t *testing.T) []domain.Ward {
	t.Helper()
	f, err := migrations.FS.Open("00003_admin_units.sql")
	if err != nil {
		t.Fatalf("open admin units migration: %v", err)
	}
	defer f.Close()
	re := regexp.MustCompile(`^\s*\('(\d+)', '(hcm|cantho)', '([^']+)', '(phuong|xa|dac_khu)', '((?:[^']|'')*)'\)`)
	var out []domain.Ward
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			out = append(out, domain.Ward{Code: m[1], CityCode: m[2], Name: m[3], Kind: m[4], FormerUnits: strings.ReplaceAll(m[5], "''", "'")})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 200 {
		t.Fatalf("read only %d wards from the migration", len(out))
	}
	return out
}

func mustGenerate(t *testing.T, size int, wards []domain.Ward) generated {
	t.Helper()
	g, err := buildGenerated(size, testNow, wards)
	if err != nil {
		t.Fatalf("buildGenerated(%d) = %v", size, err)
	}
	return g
}

func TestGeneratedIsDeterministic(t *testing.T) {
	t.Parallel()
	wards := migrationWards(t)
	a := mustGenerate(t, 3000, wards)
	// The order the wards come in does not matter.
	reversed := slices.Clone(wards)
	slices.Reverse(reversed)
	b := mustGenerate(t, 3000, reversed)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds of 3000 entries differ")
	}
}

func TestGeneratedCountsAddUp(t *testing.T) {
	t.Parallel()
	wards := migrationWards(t)
	if c := splitSize(100_000); c != (Counts{Companies: 15_000, Jobs: 70_000, Schools: 2_000, Programs: 8_000, Policies: 2_500, Projects: 2_500}) {
		t.Errorf("splitSize(100000) = %v", c)
	}
	for _, size := range []int{MinGenerateSize, 37, 1000, 12_345} {
		g := mustGenerate(t, size, wards)
		c := g.counts()
		if c.Total() != size {
			t.Errorf("size %d: %d entries (%v)", size, c.Total(), c)
		}
		if c != splitSize(size) {
			t.Errorf("size %d: counts %v, want %v", size, c, splitSize(size))
		}
		if share := float64(c.Jobs) / float64(size); size >= 1000 && (share < 0.65 || share > 0.75) {
			t.Errorf("size %d: jobs are %.0f %% of the entries, want about 70 %%", size, 100*share)
		}
		if c.Companies == 0 || c.Schools == 0 {
			t.Errorf("size %d: %v, want at least one company and one school", size, c)
		}
	}
}

func TestGeneratedIsValid(t *testing.T) {
	t.Parallel()
	wards := migrationWards(t)
	g := mustGenerate(t, 20_000, wards)
	if err := g.validate(); err != nil {
		t.Fatal(err)
	}
	checkGeneratedPublished(t, g)
	checkGeneratedTaxCodes(t, g)
	// t.Fatalf: one wrong ward is wrong in thousands of entries.
	checkWards(t, t.Fatalf, wardsByCode(wards), g.companies, g.jobs, g.schools)
}

// checkGeneratedPublished: every entry is published, after its parent, and
// every city has some.
func checkGeneratedPublished(t *testing.T, g generated) {
	t.Helper()
	metas := map[string]domain.Meta{}
	cities := map[string]int{}
	add := func(kind string, m domain.Meta, city string) {
		t.Helper()
		if _, dup := metas[m.ExternalID]; dup || !strings.HasPrefix(m.ExternalID, "gen-") {
			t.Fatalf("%s: external id %q is not a unique gen- id", kind, m.ExternalID)
		}
		metas[m.ExternalID] = m
		cities[city]++
		if m.Status != domain.StatusPublished || m.PublishedAt == nil || m.PublishedAt.After(testNow) {
			t.Fatalf("%s %s: status %s, published %v", kind, m.ExternalID, m.Status, m.PublishedAt)
		}
	}
	for _, c := range g.companies {
		add("company", c.Meta, c.City)
	}
	for _, j := range g.jobs {
		add("job", j.Meta, j.City)
		if c := g.companies[j.company]; j.City != c.City || j.PublishedAt.Before(*c.PublishedAt) {
			t.Fatalf("%s: in %s published %v; company %s in %s published %v", j.ExternalID, j.City, j.PublishedAt, c.ExternalID, c.City, c.PublishedAt)
		}
	}
	for _, s := range g.schools {
		add("school", s.Meta, s.City)
	}
	for _, p := range g.programs {
		add("program", p.Meta, p.City)
		if s := g.schools[p.school]; p.City != s.City || p.PublishedAt.Before(*s.PublishedAt) {
			t.Fatalf("%s: in %s published %v; school in %s published %v", p.ExternalID, p.City, p.PublishedAt, s.City, s.PublishedAt)
		}
	}
	for _, p := range g.policies {
		add("policy", p.Meta, p.City)
	}
	for _, p := range g.projects {
		add("project", p.Meta, p.City)
	}
	for _, city := range []string{"hcm", "cantho", domain.Both} {
		if cities[city] == 0 {
			t.Errorf("no entry in %s: %v", city, cities)
		}
	}
}

// checkGeneratedTaxCodes: tax codes are valid, distinct, and clear of the
// demo employers'; branches have their parent.
func checkGeneratedTaxCodes(t *testing.T, g generated) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range build(testNow).companies {
		seen[c.TaxCode] = true
	}
	branches := 0
	for _, c := range g.companies {
		if err := vn.ValidateTaxCode(c.TaxCode); err != nil {
			t.Errorf("%s: tax code %q: %v", c.ExternalID, c.TaxCode, err)
		}
		if seen[c.TaxCode] {
			t.Errorf("%s: tax code %s used twice", c.ExternalID, c.TaxCode)
		}
		seen[c.TaxCode] = true
		if strings.Contains(c.TaxCode, "-") {
			branches++
			if !seen[c.TaxCode[:10]] {
				t.Errorf("branch %s: no parent with tax code %s", c.ExternalID, c.TaxCode[:10])
			}
		}
	}
	if branches == 0 {
		t.Error("no branch among the generated employers")
	}
}

func TestGenerateWritesOnce(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	now := time.Now()
	const size = 600
	start := time.Now()
	c, err := Generate(ctx, st, size, now)
	if err != nil {
		t.Fatalf("Generate = %v", err)
	}
	t.Logf("generated %v in %v", c, time.Since(start))
	if c.Total() != size {
		t.Errorf("Generate wrote %d entries, want %d", c.Total(), size)
	}
	got := tableCounts(t, st)
	want := map[string]int{"companies": c.Companies, "jobs": c.Jobs, "schools": c.Schools, "programs": c.Programs,
		"policies": c.Policies, "projects": c.Projects, "commitments": 0}
	if !equalCounts(got, want) {
		t.Errorf("tables hold %v, want %v", got, want)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM jobs WHERE status <> 'published'`); n != 0 {
		t.Errorf("%d jobs are not published", n)
	}
	if v, err := st.Meta(ctx, GeneratedMetaKey); err != nil || v != "600" {
		t.Errorf("meta %s = %q, %v; want 600", GeneratedMetaKey, v, err)
	}

	if _, err := Generate(ctx, st, size, now); err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("second Generate = %v, want a refusal", err)
	}
	if again := tableCounts(t, st); !equalCounts(again, got) {
		t.Errorf("second Generate changed the tables: %v, was %v", again, got)
	}
	// The demo data set still fits beside it.
	if loaded, err := Demo(ctx, st, now); err != nil || !loaded {
		t.Errorf("Demo after Generate = %v, %v", loaded, err)
	}
	if _, err := Generate(ctx, st, 5, now); err == nil {
		t.Error("Generate(5) succeeded, want an error below the minimum size")
	}
}
