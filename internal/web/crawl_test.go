package web_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
	"hoptac/internal/web"
)

// send runs one request with extra headers.
func send(t *testing.T, app *fiber.App, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestPublicPagesAreCompressedAndRevalidated(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t)
	plainPage := get(t, app, "/viec-lam")

	resp, body := send(t, app, "/viec-lam", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Accept-Encoding: gzip gave Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if string(unzipped) != plainPage.body || !strings.Contains(string(unzipped), w.job.Title) {
		t.Errorf("gzip body (%d bytes) does not decompress to the page (%d bytes)", len(unzipped), len(plainPage.body))
	}
	if len(body) >= len(plainPage.body)/2 {
		t.Errorf("gzip body is %d bytes for a %d-byte page", len(body), len(plainPage.body))
	}

	resp, body = send(t, app, "/viec-lam", map[string]string{"Accept-Encoding": "br"})
	if resp.Header.Get("Content-Encoding") != "br" {
		t.Fatalf("Accept-Encoding: br gave Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	if unbr, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(body))); string(unbr) != plainPage.body {
		t.Errorf("brotli body does not decompress to the page")
	}

	css := get(t, app, "/static/css/site.css")
	resp, _ = send(t, app, "/static/css/site.css", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "gzip" || css.header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("CSS: Content-Encoding %q, Cache-Control %q; want gzip and a year", resp.Header.Get("Content-Encoding"), css.header.Get("Cache-Control"))
	}

	for _, path := range []string{"/feeds/jobs.atom", "/sitemaps/jobs-1.xml", "/api/v1/search?q=may"} {
		if resp, _ := send(t, app, path, map[string]string{"Accept-Encoding": "br, gzip"}); resp.Header.Get("Content-Encoding") != "br" {
			t.Errorf("%s: Content-Encoding %q, want br", path, resp.Header.Get("Content-Encoding"))
		}
	}

	if cc := plainPage.header.Get("Cache-Control"); cc != "public, max-age=60" {
		t.Errorf("/viec-lam Cache-Control = %q", cc)
	}
	tag := plainPage.header.Get("ETag")
	if tag == "" {
		t.Fatal("/viec-lam has no ETag")
	}
	resp, body = send(t, app, "/viec-lam", map[string]string{"If-None-Match": tag})
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("If-None-Match %s = %d with %d bytes, want 304 and no body", tag, resp.StatusCode, len(body))
	}
	if resp, _ = send(t, app, "/viec-lam", map[string]string{"If-None-Match": `W/"1-1"`}); resp.StatusCode != http.StatusOK {
		t.Errorf("a stale ETag = %d, want 200", resp.StatusCode)
	}

	for _, path := range []string{"/admin/dang-nhap", "/admin"} {
		r := get(t, app, path)
		if cc := r.header.Get("Cache-Control"); cc != "no-store" || r.header.Get("ETag") != "" {
			t.Errorf("GET %s: Cache-Control %q, ETag %q; want no-store and none", path, cc, r.header.Get("ETag"))
		}
	}
}

// atomXML is what the tests read of an Atom 1.0 feed.
type atomXML struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

// parseAtom reads a feed and checks what Atom requires of it: a title, an
// id and an updated time (RFC 3339) on the feed and on every entry.
func parseAtom(t *testing.T, r response) atomXML {
	t.Helper()
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed = %d %q", r.status, r.header.Get("Content-Type"))
	}
	var f atomXML
	if err := xml.Unmarshal([]byte(r.body), &f); err != nil {
		t.Fatalf("feed does not parse as Atom: %v\n%s", err, r.body)
	}
	if f.Title == "" || f.ID == "" {
		t.Errorf("feed lacks a title or id: %+v", f)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("feed updated %q: %v", f.Updated, err)
	}
	for _, e := range f.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.Title == "" || e.ID == "" || e.Link.Href == "" {
			t.Errorf("entry %+v lacks a title, id, link or valid updated time", e)
		}
	}
	return f
}

const publicURL = "https://viec.example.vn"

func TestArchivedEntryIsGone(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t, withDeps(web.Deps{PublicURL: publicURL}))

	r := get(t, app, "/viec-lam/"+ref(w.archivedJob.Meta))
	today := time.Now().In(vn.DateLocation).Format("02/01/2006")
	for _, want := range []string{w.archivedJob.Title, "Lý do:</strong> Đã tuyển đủ", today, `href="` + domain.EntryPath("job", w.job.ID, w.job.Slug) + `"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("archived job page lacks %q", want)
		}
	}
	if r.status != http.StatusGone {
		t.Errorf("archived job = %d, want 410", r.status)
	}
	if strings.Contains(r.body, ref(w.old.Meta)) {
		t.Errorf("archived job page offers the expired job %s as a live one", ref(w.old.Meta))
	}
	if p := get(t, app, "/du-an/"+ref(w.archivedProject.Meta)); p.status != http.StatusGone || !strings.Contains(p.body, "Trùng lặp") {
		t.Errorf("archived project = %d, want 410 with its reason", p.status)
	}

	for _, path := range []string{"/sitemaps/jobs-1.xml", "/feeds/jobs.atom", "/sitemaps/projects-1.xml", "/feeds/projects.atom"} {
		body := get(t, app, path).body
		for _, m := range []domain.Meta{w.archivedJob.Meta, w.archivedProject.Meta, w.draftJob.Meta} {
			if strings.Contains(body, "/"+ref(m)+"<") || strings.Contains(body, "/"+ref(m)+`"`) {
				t.Errorf("%s lists %s, which is not public", path, ref(m))
			}
		}
		if !strings.Contains(body, publicURL+"/") {
			t.Errorf("%s has no absolute URL from PUBLIC_URL", path)
		}
	}
	if !strings.Contains(get(t, app, "/sitemaps/jobs-1.xml").body, publicURL+"/viec-lam/"+ref(w.job.Meta)) {
		t.Errorf("the jobs sitemap lacks the live job")
	}
}

func TestFeedsAreAtomAndFollowTheirSearch(t *testing.T) {
	t.Parallel()
	st, engine := indexedDemo(t)
	app := newApp(t, st, withEngine(engine), withDeps(web.Deps{PublicURL: publicURL}))

	for _, k := range kind.All {
		path := "/feeds/" + k.Type().Plural + ".atom"
		f := parseAtom(t, get(t, app, path))
		var public int
		if err := st.DB().GetContext(ctx, &public, "SELECT count(*) FROM public_"+string(k.Table())); err != nil {
			t.Fatal(err)
		}
		if want := min(public, 50); len(f.Entries) != want {
			t.Errorf("%s has %d entries, want %d of %d public", path, len(f.Entries), want, public)
		}
		for _, e := range f.Entries {
			if !strings.HasPrefix(e.Link.Href, publicURL+k.Type().Path+"/") {
				t.Errorf("%s: entry link %q is not an absolute %s URL", path, e.Link.Href, k.Type().Path)
			}
		}
		list := get(t, app, k.Type().Path)
		if k.Type().Name != "commitment" && !strings.Contains(list.body, `<link rel="alternate" type="application/atom+xml" title="`+k.Type().MenuVI+` mới nhất" href="`+path+`">`) {
			t.Errorf("%s does not name its feed %s", k.Type().Path, path)
		}
	}

	hrefs := regexp.MustCompile(`class="entry-title" href="([^"]+)"`)
	alternate := regexp.MustCompile(`<link rel="alternate" type="application/atom\+xml" title="Theo dõi tìm kiếm này" href="([^"]+)">`)
	visible := regexp.MustCompile(`<a href="([^"]+)" type="application/atom\+xml">Theo dõi tìm kiếm này</a>`)
	for _, query := range []string{"q=cong+nhan", "q=ke+toan&type=job", "city=cantho&type=school", "q=khong+co+gi+ca+xyzw"} {
		page := get(t, app, "/tim-kiem?"+query)
		v, _ := url.ParseQuery(query)
		twin := "/feeds/tim-kiem.atom?" + v.Encode()
		if m := alternate.FindStringSubmatch(page.body); m == nil || html.UnescapeString(m[1]) != twin {
			t.Errorf("/tim-kiem?%s: alternate link %v, want %s", query, m, twin)
		}
		var listed []string
		for _, m := range hrefs.FindAllStringSubmatch(page.body, -1) {
			listed = append(listed, publicURL+html.UnescapeString(m[1]))
		}
		if m := visible.FindStringSubmatch(page.body); len(listed) > 0 && (m == nil || html.UnescapeString(m[1]) != twin) {
			t.Errorf("/tim-kiem?%s offers no visible link to %s", query, twin)
		}
		f := parseAtom(t, get(t, app, twin))
		var fed []string
		for _, e := range f.Entries {
			fed = append(fed, e.Link.Href)
		}
		if strings.Join(fed, "\n") != strings.Join(listed, "\n") {
			t.Errorf("%s lists\n%v\nbut the search lists\n%v", twin, fed, listed)
		}
		if strings.HasPrefix(query, "q=cong") && len(fed) == 0 {
			t.Errorf("%s is empty", twin)
		}
	}
}

// sitemapXML reads a sitemap index or URL set.
type sitemapXML struct {
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

func TestSitemapsListEveryLiveEntry(t *testing.T) {
	t.Parallel()
	st := demoStore(t)
	app := newApp(t, st, withDeps(web.Deps{PublicURL: publicURL}))

	robots := get(t, app, "/robots.txt")
	if !strings.Contains(robots.body, "Sitemap: "+publicURL+"/sitemap.xml\n") || !strings.Contains(robots.body, "Disallow: /admin\n") {
		t.Errorf("robots.txt = %q", robots.body)
	}
	var index sitemapXML
	if err := xml.Unmarshal([]byte(get(t, app, "/sitemap.xml").body), &index); err != nil {
		t.Fatal(err)
	}
	found := sitemapPaths(t, app, index)
	for _, k := range kind.All {
		checkSitemapsListKind(t, st, k, found)
	}
	if ico := get(t, app, "/favicon.ico"); ico.status != http.StatusOK || ico.header.Get("Content-Type") != "image/x-icon" || !strings.HasPrefix(ico.body, "\x00\x00\x01\x00") {
		t.Errorf("/favicon.ico = %d %q", ico.status, ico.header.Get("Content-Type"))
	}
}

// sitemapPaths reads every sitemap of the index and returns the paths
// they list; each URL is under PUBLIC_URL with a date.
func sitemapPaths(t *testing.T, app *fiber.App, index sitemapXML) map[string]bool {
	t.Helper()
	found := map[string]bool{}
	for _, sm := range index.Sitemaps {
		path, ok := strings.CutPrefix(sm.Loc, publicURL)
		if !ok {
			t.Fatalf("sitemap %q is not under PUBLIC_URL", sm.Loc)
		}
		var set sitemapXML
		if err := xml.Unmarshal([]byte(get(t, app, path).body), &set); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(set.URLs) == 0 || len(set.URLs) > 50000 {
			t.Errorf("%s lists %d URLs", path, len(set.URLs))
		}
		for _, u := range set.URLs {
			if _, ok := strings.CutPrefix(u.Loc, publicURL); !ok {
				t.Errorf("%s: %q is not under PUBLIC_URL", path, u.Loc)
			}
			if _, err := time.Parse(time.RFC3339, u.LastMod); err != nil && path != "/sitemaps/trang.xml" {
				t.Errorf("%s: lastmod %q: %v", path, u.LastMod, err)
			}
			found[strings.TrimPrefix(u.Loc, publicURL)] = true
		}
	}
	return found
}

// checkSitemapsListKind: the sitemaps list every public entry of k, and
// no other.
func checkSitemapsListKind(t *testing.T, st *store.Store, k kind.Entry, found map[string]bool) {
	t.Helper()
	var live []struct {
		ID   int64  `db:"id"`
		Slug string `db:"slug"`
	}
	if err := st.DB().SelectContext(ctx, &live, "SELECT id, slug FROM public_"+string(k.Table())); err != nil {
		t.Fatal(err)
	}
	if len(live) == 0 {
		t.Errorf("the demo data has no public %s", k.Type().Name)
	}
	for _, e := range live {
		if p := domain.EntryPath(k.Type().Name, e.ID, e.Slug); !found[p] {
			t.Errorf("no sitemap lists %s", p)
		}
	}
	n := 0
	for p := range found {
		if strings.HasPrefix(p, k.Type().Path+"/") {
			n++
		}
	}
	if n != len(live) {
		t.Errorf("sitemaps list %d %s, PostgreSQL has %d public", n, k.Type().Plural, len(live))
	}
}

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// ldOf is a page's JSON-LD object, nil when it has none.
func ldOf(t *testing.T, body string) map[string]any {
	t.Helper()
	m := jsonLD.FindAllStringSubmatch(body, -1)
	if len(m) == 0 {
		return nil
	}
	if len(m) > 1 {
		t.Errorf("%d JSON-LD blocks, want one", len(m))
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(m[0][1]), &out); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[0][1])
	}
	return out
}

// at walks a JSON object by keys.
func at(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func TestEveryJobPageHasAValidJobPosting(t *testing.T) {
	t.Parallel()
	st := demoStore(t)
	app := newApp(t, st, withDeps(web.Deps{PublicURL: publicURL}))
	var jobs []domain.Job
	if err := st.DB().SelectContext(ctx, &jobs, `SELECT id, slug, title, positions, wage_min, wage_max, deadline
		FROM public_jobs ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	expired := 0
	for _, j := range jobs {
		path := domain.EntryPath("job", j.ID, j.Slug)
		r := get(t, app, path)
		ld := ldOf(t, r.body)
		if kind.JobExpired(j.Deadline) {
			expired++
			if ld != nil || !strings.Contains(r.body, "Đã hết hạn nộp hồ sơ") || r.status != http.StatusOK {
				t.Errorf("%s (expired) = %d, JSON-LD %v; want its page, marked, without a JobPosting", path, r.status, ld)
			}
			continue
		}
		checkJobPosting(t, path, j, ld)
	}
	if len(jobs) < 50 || expired == 0 {
		t.Errorf("checked %d jobs, %d expired; the demo data should have both kinds", len(jobs), expired)
	}
}

func checkJobPosting(t *testing.T, path string, j domain.Job, ld map[string]any) {
	t.Helper()
	fail := func(what string, v any) { t.Errorf("%s: JobPosting %s = %v", path, what, v) }
	if ld == nil {
		t.Errorf("%s has no JSON-LD", path)
		return
	}
	checkJobPostingText(path, j, ld, fail)
	checkJobPostingDates(j, ld, fail)
	checkJobPostingEmployer(j, ld, fail)
	checkJobPostingEducation(ld, fail)
	checkJobPostingSalary(j, ld, fail)
}

// checkJobPostingText: the type, title, description and URL of the posting.
func checkJobPostingText(path string, j domain.Job, ld map[string]any, fail func(string, any)) {
	if at(ld, "@context") != "https://schema.org" || at(ld, "@type") != "JobPosting" {
		fail("@context/@type", ld["@type"])
	}
	if at(ld, "title") != j.Title {
		fail("title", at(ld, "title"))
	}
	if d, _ := at(ld, "description").(string); len(d) < 10 {
		fail("description", d)
	}
	if at(ld, "url") != publicURL+path {
		fail("url", at(ld, "url"))
	}
}

// checkJobPostingDates: datePosted is a date; validThrough is the deadline,
// still to come.
func checkJobPostingDates(j domain.Job, ld map[string]any, fail func(string, any)) {
	if d, _ := at(ld, "datePosted").(string); d == "" {
		fail("datePosted", d)
	} else if _, err := time.Parse("2006-01-02", d); err != nil {
		fail("datePosted", d)
	}
	if j.Deadline != nil {
		v, _ := at(ld, "validThrough").(string)
		if until, err := time.Parse(time.RFC3339, v); err != nil || until.Before(time.Now()) || until.In(vn.DateLocation).Format("2006-01-02") != j.Deadline.Format("2006-01-02") {
			fail("validThrough", v)
		}
	}
}

// checkJobPostingEmployer: employment type, hiring organization, place,
// identifier, openings and occupation.
func checkJobPostingEmployer(j domain.Job, ld map[string]any, fail func(string, any)) {
	switch at(ld, "employmentType") {
	case "FULL_TIME", "PART_TIME", "TEMPORARY", "CONTRACTOR":
	default:
		fail("employmentType", at(ld, "employmentType"))
	}
	if at(ld, "hiringOrganization", "@type") != "Organization" || at(ld, "hiringOrganization", "name") == "" {
		fail("hiringOrganization", at(ld, "hiringOrganization"))
	}
	if at(ld, "jobLocation", "@type") != "Place" || at(ld, "jobLocation", "address", "@type") != "PostalAddress" ||
		at(ld, "jobLocation", "address", "addressCountry") != "VN" || at(ld, "jobLocation", "address", "addressRegion") == "" {
		fail("jobLocation", at(ld, "jobLocation"))
	}
	if at(ld, "identifier", "@type") != "PropertyValue" || at(ld, "identifier", "value") != strconv.FormatInt(j.ID, 10) {
		fail("identifier", at(ld, "identifier"))
	}
	if n, _ := at(ld, "totalJobOpenings").(float64); int(n) != j.Positions || n < 1 {
		fail("totalJobOpenings", at(ld, "totalJobOpenings"))
	}
	if s, _ := at(ld, "occupationalCategory").(string); s == "" {
		fail("occupationalCategory", s)
	}
}

// checkJobPostingEducation: "no requirements" or a credential.
func checkJobPostingEducation(ld map[string]any, fail func(string, any)) {
	switch e := at(ld, "educationRequirements").(type) {
	case string:
		if e != "no requirements" {
			fail("educationRequirements", e)
		}
	case map[string]any:
		if e["@type"] != "EducationalOccupationalCredential" || e["credentialCategory"] == "" {
			fail("educationRequirements", e)
		}
	default:
		fail("educationRequirements", e)
	}
}

// checkJobPostingSalary: a monthly amount in VND, none for a negotiable wage.
func checkJobPostingSalary(j domain.Job, ld map[string]any, fail func(string, any)) {
	if j.WageMin == nil && j.WageMax == nil {
		if at(ld, "baseSalary") != nil {
			fail("baseSalary of a negotiable wage", at(ld, "baseSalary"))
		}
		return
	}
	salary := at(ld, "baseSalary")
	if at(salary, "@type") != "MonetaryAmount" || at(salary, "currency") != "VND" || at(salary, "value", "@type") != "QuantitativeValue" || at(salary, "value", "unitText") != "MONTH" {
		fail("baseSalary", salary)
	}
	lo, _ := at(salary, "value", "minValue").(float64)
	hi, _ := at(salary, "value", "maxValue").(float64)
	one, _ := at(salary, "value", "value").(float64)
	if !(one > 0 || lo > 0 && hi >= lo) {
		fail("baseSalary value", at(salary, "value"))
	}
}

func TestDetailPagesDescribeThemselves(t *testing.T) {
	t.Parallel()
	app, w := publicApp(t, withDeps(web.Deps{PublicURL: publicURL}))
	tests := []struct {
		path, ldType string
		want         []string
	}{
		{"/viec-lam/" + ref(w.job.Meta), "JobPosting", nil},
		{"/doanh-nghiep/" + ref(w.company.Meta), "Organization", []string{`"taxID":"` + w.company.TaxCode + `"`}},
		{"/truong-nghe/" + ref(w.school.Meta), "EducationalOrganization", []string{`"addressCountry":"VN"`}},
		{"/dao-tao/" + ref(w.program.Meta), "Course", []string{`"hasCourseInstance":[{"@type":"CourseInstance"`, `"offers":[{"@type":"Offer","category":"Paid","price":9000000,"priceCurrency":"VND"}]`}},
		{"/chinh-sach/" + ref(w.policy.Meta), "Legislation", []string{`"legislationIdentifier":"15/2025/NQ-HĐND"`}},
		{"/du-an/" + ref(w.project.Meta), "Project", nil},
		{"/hop-tac/" + ref(w.commitment.Meta), "", nil},
		{"/viec-lam/" + ref(w.old.Meta), "", []string{"Đã hết hạn nộp hồ sơ"}},
	}
	for _, tt := range tests {
		r := get(t, app, tt.path)
		ld := ldOf(t, r.body)
		if got, _ := at(ld, "@type").(string); got != tt.ldType {
			t.Errorf("%s: JSON-LD @type %q, want %q", tt.path, got, tt.ldType)
		}
		if ld != nil && at(ld, "url") != publicURL+tt.path {
			t.Errorf("%s: JSON-LD url %v", tt.path, at(ld, "url"))
		}
		want := append([]string{
			`<link rel="canonical" href="` + publicURL + tt.path + `">`,
			`<meta property="og:url" content="` + publicURL + tt.path + `">`,
			`<meta property="og:type" content="article">`,
		}, tt.want...)
		for _, s := range want {
			if !strings.Contains(r.body, s) {
				t.Errorf("%s lacks %s", tt.path, s)
			}
		}
	}
	// A description of its own, from the entry's summary.
	if r := get(t, app, "/doanh-nghiep/"+ref(w.company.Meta)); w.company.Description != "" && !strings.Contains(r.body, `<meta name="description" content="`+html.EscapeString(w.company.Description)) {
		t.Errorf("company page's description is not its summary %q", w.company.Description)
	}
	home := get(t, app, "/viec-lam?page=2")
	if !strings.Contains(home.body, `<link rel="canonical" href="`+publicURL+`/viec-lam?page=2">`) || !strings.Contains(home.body, `<meta property="og:type" content="website">`) {
		t.Errorf("/viec-lam?page=2 lacks its canonical link or Open Graph type")
	}
}

// TestJSONLDIsEscaped: an entry's text cannot end the JSON-LD script.
func TestJSONLDIsEscaped(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	title := `Thợ hàn </script><script>alert("x")</script> & "cơ khí"`
	job := testenv.NewJob(t, st, company, testenv.JobSpec{Title: title})
	r := get(t, newApp(t, st), domain.EntryPath("job", job.ID, job.Slug))
	if strings.Contains(r.body, "<script>alert") {
		t.Fatalf("the title broke out of the JSON-LD:\n%s", r.body)
	}
	if ld := ldOf(t, r.body); at(ld, "title") != title {
		t.Errorf("JSON-LD title = %v, want %q", at(ld, "title"), title)
	}
}
