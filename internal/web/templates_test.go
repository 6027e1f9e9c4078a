package web

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/markdown"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// These tests draw the real templates with hand-made data: no database.

var templateFiles = os.DirFS("../../templates")

func testCatalog() *Catalog {
	return codes.New(
		[]domain.City{{Code: "hcm", ShortVI: "TP. Hồ Chí Minh"}, {Code: "cantho", ShortVI: "TP. Cần Thơ"}},
		[]domain.Ward{{Code: "26734", CityCode: "hcm", Name: "Phường Bến Thành"},
			{Code: "31117", CityCode: "cantho", Name: "Phường Ninh Kiều"}},
		[]domain.Classification{{Code: "C", NameVI: "Công nghiệp chế biến, chế tạo"}},
		[]domain.Classification{{Code: "7", NameVI: "Thợ thủ công"}},
		nil)
}

func testViews(t *testing.T, files fs.FS) (*views, *server) {
	t.Helper()
	s := &server{catalog: testCatalog()}
	funcs := templateFuncs(s.catalog, markdown.New())
	funcs["asset"] = func(name string) string { return "/static/" + name }
	v, err := newViews(files, funcs)
	if err != nil {
		t.Fatalf("newViews: %v", err)
	}
	return v, s
}

func draw(t *testing.T, v *views, name string, data fiber.Map) string {
	t.Helper()
	var b bytes.Buffer
	if err := v.Render(&b, name, data); err != nil {
		t.Fatalf("Render(%s): %v", name, err)
	}
	return b.String()
}

// pageData is what render adds to every page.
func pageData(nav string, data fiber.Map) fiber.Map {
	data["L"] = &loc{Lang: "vi", cat: testCatalog()}
	data["Lang"] = "vi"
	data["Title"] = "Trang thử"
	data["Nav"] = nav
	data["Menu"] = menu(nav)
	data["Path"] = "/thu"
	data["Year"] = 2026
	return data
}

func TestViewsKeepEachPagesDefines(t *testing.T) {
	files := fstest.MapFS{
		"layouts/main.html": {Data: []byte(`<title>{{block "title" .}}Mặc định{{end}}</title><main>{{block "main" .}}{{end}}</main>`)},
		"partials/b.html":   {Data: []byte(`<b>{{.}}</b>`)},
		"a.html":            {Data: []byte(`{{define "title"}}Trang A{{end}}Nội dung A {{template "partials/b" "đậm"}}`)},
		"b.html":            {Data: []byte(`{{define "title"}}Trang B{{end}}Nội dung B`)},
		"c.html":            {Data: []byte(`{{define "main"}}Nội dung C{{end}}`)},
	}
	v, _ := testViews(t, files)
	for name, want := range map[string]string{
		"a":          `<title>Trang A</title><main>Nội dung A <b>đậm</b></main>`,
		"b":          `<title>Trang B</title><main>Nội dung B</main>`,
		"c":          `<title>Mặc định</title><main>Nội dung C</main>`,
		"partials/b": `<b>một mảnh</b>`,
	} {
		data := fiber.Map{}
		var got bytes.Buffer
		var err error
		if name == "partials/b" {
			err = v.Render(&got, name, "một mảnh")
		} else {
			err = v.Render(&got, name, data)
		}
		if err != nil || got.String() != want {
			t.Errorf("Render(%s) = %q, %v; want %q", name, got.String(), err, want)
		}
	}
	if err := v.Render(&bytes.Buffer{}, "khong-co", nil); err == nil {
		t.Error("Render(khong-co) = nil error, want an error for a page that does not exist")
	}
}

func TestViewsRefuseBrokenPagesAtStartUp(t *testing.T) {
	layout := &fstest.MapFile{Data: []byte(`<main>{{block "main" .}}{{end}}</main>`)}
	for name, page := range map[string]string{
		"a missing partial":         `{{template "partials/khong-co" .}}`,
		"text beside a main define": `chữ {{define "main"}}nữa{{end}}`,
		"a parse error":             `{{if .X}}`,
		"an unclosed attribute":     `<a href="{{.URL}}>liên kết</a>`,
		"an unknown function":       `{{khongCo .}}`,
	} {
		files := fstest.MapFS{"layouts/main.html": layout, "page.html": {Data: []byte(page)}}
		funcs := templateFuncs(testCatalog(), markdown.New())
		_, err := newViews(files, funcs)
		if err == nil {
			t.Errorf("newViews with %s = nil error, want start-up to fail", name)
		}
		t.Logf("%s: %v", name, err)
	}
}

func TestEveryTemplateLoads(t *testing.T) {
	v, _ := testViews(t, templateFiles)
	for _, name := range []string{"home", "list", "jobs/show", "companies/show",
		"schools/show", "programs/show", "policies/show",
		"projects/show", "cooperation", "commitments/show", "search", "errors/error", "admin/form", "admin/list"} {
		if _, ok := v.pages[name]; !ok {
			t.Errorf("page %s is not loaded", name)
		}
	}
}

func TestMenuFollowsEntryTypes(t *testing.T) {
	v, _ := testViews(t, templateFiles)
	page := draw(t, v, "errors/error", pageData("company", fiber.Map{"Code": 404, "Message": "Không có"}))
	nav := regexp.MustCompile(`(?s)<nav class="site-nav".*?</nav>`).FindString(page)
	links := regexp.MustCompile(`<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>`).FindAllStringSubmatch(nav, -1)
	// One link per entry type, then the statistics page.
	if len(links) != len(domain.EntryTypes)+1 || links[len(links)-1][1] != "/thong-ke" {
		t.Fatalf("menu has %d links, want one per entry type (%d) and /thong-ke:\n%s", len(links), len(domain.EntryTypes), nav)
	}
	for i, typ := range domain.EntryTypes {
		if links[i][1] != typ.Path {
			t.Errorf("menu link %d = %s, want %s (%s)", i, links[i][1], typ.Path, typ.Name)
		}
		if current := links[i][2] != ""; current != (typ.Name == "company") {
			t.Errorf("menu link %s current = %v on the companies page", typ.Path, current)
		}
	}
	// The labels the portal has always shown, so the menu reads the same.
	var labels []string
	for _, l := range links {
		labels = append(labels, l[3])
	}
	if got, want := strings.Join(labels, "|"), "Việc làm|Doanh nghiệp|Trường nghề|Học nghề|Chính sách|Dự án|Chương trình hợp tác|Thống kê"; got != want {
		t.Errorf("menu labels = %s, want %s", got, want)
	}
	// The layout itself names no list: the links come from the registry.
	src, err := fs.ReadFile(templateFiles, "layouts/main.html")
	if err != nil {
		t.Fatal(err)
	}
	if nav := regexp.MustCompile(`(?s)<nav class="site-nav".*?</nav>`).Find(src); bytes.Contains(nav, []byte(`href="/`)) {
		t.Errorf("layouts/main.html writes menu links by hand:\n%s", nav)
	}
}

// Entries of every type, with what their lines must read.
var (
	day      = time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)
	wageMin  = int64(8000000)
	wageMax  = int64(12500000)
	tuition  = int64(9000000)
	budget   = int64(5000000000)
	months   = 18
	staff    = 1200
	testJob  = domain.Job{Meta: domain.Meta{ID: 7, Slug: "tho-may"}, Title: "Thợ may", CompanyName: "Công ty May Bình Minh", City: "hcm", WardName: "Phường Bến Thành", Positions: 1500, WageMin: &wageMin, WageMax: &wageMax, Deadline: &day}
	testCo   = domain.Company{Meta: domain.Meta{ID: 3, Slug: "may-binh-minh"}, Name: "Công ty May Bình Minh", IndustryCode: "C", City: "hcm", OpenPositions: 1500, OpenJobs: 2, Employees: &staff}
	testIdle = domain.Company{Meta: domain.Meta{ID: 4, Slug: "nghi"}, Name: "Công ty Nghỉ", IndustryCode: "C", City: "cantho"}
)

// in binds an item builder to a language, for items().
func in[T any](l *loc, f func(*loc, T) listItem) func(T) listItem {
	return func(x T) listItem { return f(l, x) }
}

func TestEntryLines(t *testing.T) {
	v, s := testViews(t, templateFiles)
	vl := &loc{Lang: "vi", cat: s.catalog}
	tests := []struct {
		name string
		item listItem
		want []string
	}{
		{"expired job", s.jobItem(vl, testJob), []string{
			`<a class="entry-title" href="/viec-lam/7-tho-may" lang="vi">Thợ may</a>`,
			`<p class="meta">Công ty May Bình Minh</p>`,
			`<p class="facts"><span class="wage">8.000.000 – 12.500.000 đ/tháng</span> · 1.500 người · TP. Hồ Chí Minh, Phường Bến Thành · Hạn nộp 15/01/2020 <span class="pill warn">Đã hết hạn</span></p>`}},
		{"hiring company", s.companyItem(vl, testCo), []string{
			`<p class="meta">Công nghiệp chế biến, chế tạo · TP. Hồ Chí Minh</p>`,
			`<p class="facts"><span class="pill">1.500 vị trí đang tuyển</span> trong 2 tin · 1.200 lao động</p>`}},
		{"idle company", s.companyItem(vl, testIdle), []string{
			`<p class="facts">Hiện chưa có tin tuyển dụng</p>`}},
		{"school", s.schoolItem(vl, domain.School{Meta: domain.Meta{ID: 5, Slug: "cd"}, Name: "Cao đẳng Cần Thơ", Kind: "college", Ownership: "public", City: "cantho", WardName: "Phường Ninh Kiều", ProgramCount: 12, Accredited: true, SeeksPartners: true}), []string{
			`<a class="entry-title" href="/truong-nghe/5-cd" lang="vi">Cao đẳng Cần Thơ</a>`,
			`<p class="meta">` + domain.SchoolKinds.Label("college") + ` · ` + domain.Ownerships.Label("public") + ` · TP. Cần Thơ, Phường Ninh Kiều</p>`,
			`<p class="facts">12 ngành, nghề · <span class="pill ok">Đã kiểm định</span> · <span class="pill">Tìm đối tác</span></p>`}},
		{"program", s.programItem(vl, domain.Program{Meta: domain.Meta{ID: 6, Slug: "o-to"}, Name: "Công nghệ ô tô", SchoolName: "Cao đẳng Cần Thơ", City: "cantho", Level: "college", DurationMonths: &months, TuitionVND: &tuition, Support: "Miễn học phí"}), []string{
			`<p class="meta">Cao đẳng Cần Thơ · TP. Cần Thơ</p>`,
			`<p class="facts">` + domain.ProgramLevels.Label("college") + ` · 18 tháng · 9.000.000 đ · <span class="pill ok">Có hỗ trợ</span></p>`}},
		{"program without fee", s.programItem(vl, domain.Program{Name: "May", City: "hcm", Level: "elementary"}), []string{
			` · Học phí chưa công bố</p>`}},
		{"policy", s.policyItem(vl, domain.Policy{Meta: domain.Meta{ID: 8, Slug: "nq"}, Title: "Nghị quyết hỗ trợ", Kind: "policy", Field: "labour", City: "hcm", DocNumber: "15/2025/NQ-HĐND", IssuedOn: &day, Summary: "Tóm tắt"}), []string{
			`<p class="meta">` + domain.PolicyKinds.Label("policy") + ` · ` + domain.PolicyFields.Label("labour") + ` · TP. Hồ Chí Minh · Số 15/2025/NQ-HĐND · Ban hành 15/01/2020</p>`,
			`<p class="summary" lang="vi">Tóm tắt</p>`}},
		{"project seeking partners", s.projectItem(vl, domain.Project{Meta: domain.Meta{ID: 9, Slug: "da"}, Title: "Dự án nước sạch", Organization: "Hội Nông dân", City: "cantho", Kind: "social", Stage: "seeking_partners", BudgetVND: &budget}), []string{
			`<p class="meta">Hội Nông dân · TP. Cần Thơ</p>`,
			`<p class="facts"><span class="pill ok">` + domain.ProjectStages.Label("seeking_partners") + `</span> ` + domain.ProjectKinds.Label("social") + ` · 5 tỷ đồng</p>`}},
		{"search hit", s.hitItem(search.Hit{Type: "job", Title: "Thợ may", URL: "/viec-lam/7-tho-may", Subtitle: "Công ty <May>", Cities: []string{"hcm", "cantho"}, WageMin: &wageMin,
			Highlight: map[string]string{"title": "<mark>Thợ</mark> may", "text": "… <mark>thợ</mark> …"}}), []string{
			`<span class="pill">Việc làm</span>`,
			`<a class="entry-title" href="/viec-lam/7-tho-may" lang="vi"><mark>Thợ</mark> may</a>`,
			`<p class="meta">Công ty &lt;May&gt;</p>`,
			`<p class="facts">TP. Hồ Chí Minh, TP. Cần Thơ · <span class="wage">`,
			`<p class="snippet" lang="vi">… <mark>thợ</mark> …</p>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := v.Render(&b, "partials/entries", []listItem{tt.item}); err != nil {
				t.Fatal(err)
			}
			html := b.String()
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("entry does not contain\n%s\nin\n%s", w, html)
				}
			}
		})
	}
}

// Every list page draws its entries through partials/entries, one <li>
// per item, and writes no entry markup of its own.
func TestListPagesDrawEntriesThroughThePartial(t *testing.T) {
	v, s := testViews(t, templateFiles)
	vl := &loc{Lang: "vi", cat: s.catalog}
	school := domain.School{Meta: domain.Meta{ID: 5, Slug: "cd"}, Name: "Cao đẳng", Kind: "college", Ownership: "public", City: "cantho"}
	program := domain.Program{Meta: domain.Meta{ID: 6, Slug: "o-to"}, Name: "Ô tô", City: "cantho", Level: "college"}
	policy := domain.Policy{Meta: domain.Meta{ID: 8, Slug: "nq"}, Title: "Nghị quyết", Kind: "policy", Field: "labour", City: "hcm"}
	project := domain.Project{Meta: domain.Meta{ID: 9, Slug: "da"}, Title: "Dự án", City: "cantho", Kind: "social", Stage: "seeking_partners"}
	tests := []struct {
		page, nav string
		filter    any
		list      any
		items     []listItem
	}{
		{"list", "job", store.JobFilter{}, store.List[domain.Job]{Items: []domain.Job{testJob, testJob}, Total: 2, Page: 1}, items([]domain.Job{testJob, testJob}, in(vl, s.jobItem))},
		{"list", "company", store.CompanyFilter{}, store.List[domain.Company]{Items: []domain.Company{testCo, testIdle}, Total: 2, Page: 1}, items([]domain.Company{testCo, testIdle}, in(vl, s.companyItem))},
		{"list", "school", store.SchoolFilter{}, store.List[domain.School]{Items: []domain.School{school}, Total: 1, Page: 1}, items([]domain.School{school}, in(vl, s.schoolItem))},
		{"list", "program", store.ProgramFilter{}, store.List[domain.Program]{Items: []domain.Program{program}, Total: 1, Page: 1}, items([]domain.Program{program}, in(vl, s.programItem))},
		{"list", "policy", store.PolicyFilter{}, store.List[domain.Policy]{Items: []domain.Policy{policy}, Total: 1, Page: 1}, items([]domain.Policy{policy}, in(vl, s.policyItem))},
		{"list", "project", store.ProjectFilter{}, store.List[domain.Project]{Items: []domain.Project{project}, Total: 1, Page: 1}, items([]domain.Project{project}, in(vl, s.projectItem))},
	}
	for _, tt := range tests {
		t.Run(tt.nav, func(t *testing.T) {
			src, err := fs.ReadFile(templateFiles, "list.html")
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(src, []byte(`class="entry`)) || !bytes.Contains(src, []byte(`{{template "partials/results" .}}`)) {
				t.Errorf("%s.html draws entries itself instead of through partials/results", tt.page)
			}
			html := draw(t, v, tt.page, pageData(tt.nav, fiber.Map{"Kind": tt.nav, "F": tt.filter, "List": tt.list, "Items": tt.items, "Pages": pagination("/thu", nil, 1, 1)}))
			if n := strings.Count(html, `<li class="entry">`); n != len(tt.items) {
				t.Errorf("%s shows %d entries, want %d", tt.page, n, len(tt.items))
			}
			for _, it := range tt.items {
				if !strings.Contains(html, `<a class="entry-title" href="`+it.URL+`" lang="vi">`+it.Title+`</a>`) {
					t.Errorf("%s lacks the entry %q at %s", tt.page, it.Title, it.URL)
				}
			}
			if !strings.Contains(html, `aria-current="page">`) {
				t.Errorf("%s: the menu marks no current page", tt.page)
			}
		})
	}

	// The search results use the same partial.
	hits := []search.Hit{{Type: "school", Title: "Cao đẳng", URL: "/truong-nghe/5-cd", Cities: []string{"cantho"}}}
	html := draw(t, v, "partials/search_results", fiber.Map{"Result": search.Result{Hits: hits, Total: 1, Page: 1}, "Items": items(hits, s.hitItem)})
	if !strings.Contains(html, `<li class="entry">`) || !strings.Contains(html, `<span class="pill">Trường nghề</span>`) {
		t.Errorf("search results do not draw hits through partials/entries:\n%s", html)
	}
}

func TestSelectPartial(t *testing.T) {
	v, _ := testViews(t, templateFiles)
	opts := domain.Options{{Code: "a", Label: "Một"}, {Code: "b", Label: "Hai & ba"}}
	tests := []struct {
		name  string
		pairs []any
		want  string
	}{
		{"filter", []any{"name", "kind", "label", "Loại", "empty", "Tất cả", "options", opts, "selected", "b"},
			`<label for="f-kind">Loại</label><select id="f-kind" name="kind"><option value="">Tất cả</option><option value="a">Một</option><option value="b" selected>Hai &amp; ba</option></select>`},
		{"own id, a string type, no empty option", []any{"id", "f-type", "name", "employment_type", "label", "Hình thức", "options", opts, "selected", domain.Status("a")},
			`<label for="f-type">Hình thức</label><select id="f-type" name="employment_type"><option value="a" selected>Một</option><option value="b">Hai &amp; ba</option></select>`},
		{"form field", []any{"name", "ward", "label", "Phường", "optional", true, "hint", "Nơi làm việc", "error", "Không hợp lệ", "options", opts},
			`<label for="f-ward">Phường <span class="muted">(không bắt buộc)</span></label><p class="hint" id="f-ward-hint">Nơi làm việc</p><p class="error-message" id="f-ward-error"><span class="visually-hidden">Lỗi:</span> Không hợp lệ</p><select id="f-ward" name="ward" aria-describedby="f-ward-hint f-ward-error" aria-invalid="true"><option value="a">Một</option><option value="b">Hai &amp; ba</option></select>`},
		{"groups", []any{"name", "ward", "label", "Phường", "groups", []optionGroup{{Label: "TP. Cần Thơ", Options: opts[:1]}}, "selected", "a"},
			`<label for="f-ward">Phường</label><select id="f-ward" name="ward"><optgroup label="TP. Cần Thơ"><option value="a" selected>Một</option></optgroup></select>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			box, err := newSelectBox(tt.pairs...)
			if err != nil {
				t.Fatalf("newSelectBox: %v", err)
			}
			var b bytes.Buffer
			if err := v.Render(&b, "partials/select", box); err != nil {
				t.Fatal(err)
			}
			if got := strings.ReplaceAll(b.String(), "\n", ""); got != tt.want {
				t.Errorf("select =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}

	for name, pairs := range map[string][]any{
		"an unknown key":  {"name", "kind", "label", "Loại", "multiple", true},
		"options as text": {"name", "kind", "label", "Loại", "options", "a,b"},
		"no label":        {"name", "kind"},
		"an odd count":    {"name", "kind", "label"},
	} {
		if _, err := newSelectBox(pairs...); err == nil {
			t.Errorf("newSelectBox with %s = nil error", name)
		}
	}
}

// Every <select> is drawn by partials/select. admin/import*.html is edited
// on another branch and keeps its own until it moves over.
func TestEverySelectUsesThePartial(t *testing.T) {
	err := fs.WalkDir(templateFiles, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "partials/select.html" || strings.HasPrefix(p, "admin/import") {
			return err
		}
		b, err := fs.ReadFile(templateFiles, p)
		if err == nil && bytes.Contains(b, []byte("<select")) {
			t.Errorf("%s writes a <select> by hand; use partials/select", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkViews measures start-up (parse and escape every page set) and
// drawing a list page of 20 jobs.
func BenchmarkViews(b *testing.B) {
	s := &server{catalog: testCatalog()}
	funcs := templateFuncs(s.catalog, markdown.New())
	funcs["asset"] = func(name string) string { return "/static/" + name }
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := newViews(templateFiles, funcs); err != nil {
				b.Fatal(err)
			}
		}
	})
	v, err := newViews(templateFiles, funcs)
	if err != nil {
		b.Fatal(err)
	}
	jobs := make([]domain.Job, 20)
	for i := range jobs {
		jobs[i] = testJob
	}
	data := pageData("job", fiber.Map{"F": store.JobFilter{}, "List": store.List[domain.Job]{Items: jobs, Total: 200, Page: 1, PerPage: 20},
		"Items": items(jobs, in(&loc{Lang: "vi", cat: s.catalog}, s.jobItem)), "Pages": pagination("/viec-lam", nil, 1, 10), "Kind": "job"})
	b.Run("list", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := v.Render(&buf, "list", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Pagination steps with "Trước" / "Sau" around the numbers, marks the
// current page and keeps the filters.
func TestPaginationHasPreviousAndNext(t *testing.T) {
	v, _ := testViews(t, templateFiles)
	q := url.Values{"city": {"hcm"}}
	html := draw(t, v, "partials/page_links", fiber.Map{"Lang": "vi", "Pages": pagination("/viec-lam", q, 3, 9)})
	for _, want := range []string{
		`<a href="/viec-lam?city=hcm&amp;page=2" rel="prev">‹ Trước</a>`,
		`<a href="/viec-lam?city=hcm&amp;page=3" aria-current="page">3</a>`,
		`<a href="/viec-lam?city=hcm&amp;page=4" rel="next">Sau ›</a>`,
		`<a href="/viec-lam?city=hcm">1</a>`, `<a href="/viec-lam?city=hcm&amp;page=9">9</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("pagination lacks %s in\n%s", want, html)
		}
	}
	first := draw(t, v, "partials/page_links", fiber.Map{"Lang": "en", "Pages": pagination("/en/jobs", nil, 1, 2)})
	if strings.Contains(first, `rel="prev"`) || !strings.Contains(first, `rel="next">Next ›</a>`) {
		t.Errorf("first page of two:\n%s", first)
	}
}
