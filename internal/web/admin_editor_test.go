package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
)

func TestCreateJobFormValidatesAndKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "an@cantho.gov.vn")
	company := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)

	form := url.Values{
		"_csrf": {token}, "title": {"Công nhân chế biến thủy sản"}, "company_tax_code": {company.TaxCode},
		"occupation": {"8"}, "positions": {"-3"}, "wage_min": {"9.000.000"}, "wage_max": {"7.000.000"},
		"employment_type": {"full_time"}, "education": {"none"}, "deadline": {"31/02/2027"},
	}
	r := b.do(http.MethodPost, "/admin/jobs/moi", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad job = %d, want 422", r.status)
	}
	for _, want := range []string{"error-summary", `href="#f-positions"`, `href="#f-wage_max"`, `href="#f-deadline"`,
		`value="Công nhân chế biến thủy sản"`, `value="9.000.000"`, "<title>Lỗi: ",
		// The field's error is tied to it, and it is marked invalid.
		`name="positions" value="-3" inputmode="numeric" aria-describedby="f-positions-error" aria-invalid="true"`,
		`<p class="error-message" id="f-positions-error">`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the form with errors lacks %q", want)
		}
	}
	if n := count(t, st, "jobs"); n != 0 {
		t.Fatalf("a rejected form wrote %d jobs", n)
	}

	form.Set("positions", "40")
	form.Set("wage_max", "11.000.000")
	form.Set("deadline", testenv.DaysFromNow(20).Format("2006-01-02"))
	// Fields the form does not offer an editor are ignored.
	form.Set("city", "hcm")
	form.Set("status", "published")
	form.Set("version", "99")
	form.Set("id", "4242")
	r = b.do(http.MethodPost, "/admin/jobs/moi", form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("good job = %d, body %.300s", r.status, r.body)
	}
	id := idFrom(t, r.location)
	job, err := st.Job(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if job.City != "cantho" || job.Status != domain.StatusDraft || job.Version != 1 || job.ID == 4242 || job.Positions != 40 || *job.WageMin != 9_000_000 {
		t.Errorf("created job = city %s status %s version %d id %d positions %d", job.City, job.Status, job.Version, job.ID, job.Positions)
	}
	if job.DepartmentCode != "cantho-sonv" {
		t.Errorf("department = %s, want cantho-sonv", job.DepartmentCode)
	}
}

func idFrom(t *testing.T, location string) int64 {
	t.Helper()
	m := regexp.MustCompile(`/admin/\w+/(\d+)`).FindStringSubmatch(location)
	if m == nil {
		t.Fatalf("no id in %q", location)
	}
	var id int64
	fmt.Sscan(m[1], &id)
	return id
}

func TestConcurrentEditIsAConflictAndTheFirstEditStays(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "binh@hcm.gov.vn", auth.RoleEditor, "hcm")
	newUser(t, st, "chau@hcm.gov.vn", auth.RoleEditor, "hcm")
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	path := fmt.Sprintf("/admin/companies/%d/sua", company.ID)

	first, firstToken := signedIn(t, app, "binh@hcm.gov.vn")
	second, secondToken := signedIn(t, app, "chau@hcm.gov.vn")
	formOf := func(b *browser, token string) url.Values {
		page := b.do(http.MethodGet, path, nil)
		if page.status != http.StatusOK {
			t.Fatalf("GET %s = %d", path, page.status)
		}
		v := url.Values{"_csrf": {token}}
		for _, m := range regexp.MustCompile(`name="([a-z_]+)" value="([^"]*)"`).FindAllStringSubmatch(page.body, -1) {
			if m[1] != "_csrf" {
				v.Set(m[1], htmlUnescape(m[2]))
			}
		}
		for _, m := range regexp.MustCompile(`<select id="f-([a-z_]+)" name="[a-z_]+">(?s:.*?)<option value="([^"]*)" selected>`).FindAllStringSubmatch(page.body, -1) {
			v.Set(m[1], m[2])
		}
		return v
	}
	a, b := formOf(first, firstToken), formOf(second, secondToken)
	a.Set("name", "Công ty TNHH Dệt may Bình Minh")
	if r := first.do(http.MethodPost, path, a); r.status != http.StatusSeeOther {
		t.Fatalf("first save = %d: %.400s", r.status, r.body)
	}
	b.Set("name", "Công ty TNHH Dệt may Hoàng Hôn")
	r := second.do(http.MethodPost, path, b)
	if r.status != http.StatusConflict || !strings.Contains(r.body, "vừa được người khác cập nhật") || !strings.Contains(r.body, "Công ty TNHH Dệt may Bình Minh") {
		t.Fatalf("second save = %d, want 409 showing the first official's name", r.status)
	}
	got, _ := st.Company(ctx, company.ID)
	if got.Name != "Công ty TNHH Dệt may Bình Minh" || got.Version != company.Version+1 {
		t.Errorf("after the conflict: %q version %d; the first edit must stay", got.Name, got.Version)
	}
	if !strings.Contains(r.body, `value="Công ty TNHH Dệt may Hoàng Hôn"`) {
		t.Error("the second official's typing was lost")
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}

// TestAdminHomeShowsWhatWaits: the official's own drafts, jobs near or
// past their deadline while published, and the last changes, each linked;
// the audit log tells the hour in Vietnam time and links the entry.
func TestAdminHomeShowsWhatWaits(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "hoa@cantho.gov.vn")
	co := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	expired := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Tin đã quá hạn", Deadline: testenv.DaysFromNow(-3), Status: domain.StatusPublished})
	soon := testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Tin sắp hết hạn", Deadline: testenv.DaysFromNow(2), Status: domain.StatusPublished})
	r := b.do(http.MethodPost, "/admin/jobs/moi", formOf("_csrf", token, "title", "Bản nháp của tôi", "company_tax_code", co.TaxCode,
		"occupation", "7", "positions", "3", "employment_type", "full_time", "education", "none"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create = %d", r.status)
	}
	draftURL := r.location
	before := time.Now()
	home := b.do(http.MethodGet, "/admin", nil)
	for _, want := range []string{`<a href="` + draftURL + `">Bản nháp của tôi</a>`, "Tin sắp hết hạn", "Tin đã quá hạn",
		"/admin/jobs/" + itoa(expired.ID), "/admin/jobs/" + itoa(soon.ID), "Thay đổi gần đây"} {
		if !strings.Contains(home.body, want) {
			t.Errorf("admin home lacks %q", want)
		}
	}
	audit := b.do(http.MethodGet, "/admin/nhat-ky", nil)
	ict := before.In(vn.DateLocation)
	hours := []string{ict.Format("15:04"), ict.Add(-time.Minute).Format("15:04"), ict.Add(time.Minute).Format("15:04")}
	found := false
	for _, h := range hours {
		found = found || strings.Contains(audit.body, h+" "+vn.Date(ict))
	}
	if !found {
		t.Errorf("the audit log does not show the change at %s ICT", hours[0])
	}
	if utc := before.UTC().Format("15:04"); utc != hours[0] && strings.Contains(audit.body, ">"+utc+" ") {
		t.Errorf("the audit log shows the UTC hour %s", utc)
	}
	if !strings.Contains(audit.body, `<a href="`+draftURL+`">`) {
		t.Errorf("the audit entry does not link %s", draftURL)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestAdminListsOpenOnEveryStatus: a list shows drafts and published
// entries alike, with the count of each status, and narrows by status,
// words and update date; a bad date is explained, not fatal.
func TestAdminListsOpenOnEveryStatus(t *testing.T) {
	t.Parallel()
	st, b, _ := canThoEditor(t, "em@cantho.gov.vn")
	draft := testenv.NewCompany(t, st, 1, "cantho", domain.StatusDraft)
	pub := testenv.NewCompany(t, st, 2, "cantho", domain.StatusPublished)
	testenv.NewCompany(t, st, 3, "hcm", domain.StatusPublished)

	r := b.do(http.MethodGet, "/admin/companies", nil)
	for _, want := range []string{draft.Name, pub.Name, "Tất cả (2)", "Bản nháp (1)", "Đã công bố (1)", "Đã lưu trữ (0)", draft.TaxCode} {
		if !strings.Contains(r.body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if r = b.do(http.MethodGet, "/admin/companies?status=draft", nil); strings.Contains(r.body, ">"+pub.Name+"<") || !strings.Contains(r.body, draft.Name) {
		t.Errorf("the drafts list is not only the draft")
	}
	if r = b.do(http.MethodGet, "/admin/companies?q="+pub.TaxCode, nil); strings.Contains(r.body, ">"+draft.Name+"<") || !strings.Contains(r.body, pub.Name) {
		t.Errorf("the search by tax code lists other companies")
	}
	if r = b.do(http.MethodGet, "/admin/companies?since=01/01/2999", nil); strings.Contains(r.body, pub.Name) {
		t.Errorf("updated since 2999 lists companies")
	}
	if r = b.do(http.MethodGet, "/admin/companies?since=hôm-qua", nil); r.status != http.StatusOK || !strings.Contains(r.body, "Cập nhật từ” không hợp lệ") || strings.Contains(r.body, "hôm-qua") {
		t.Errorf("a bad date = %d; want the filter dropped with a message that does not echo it", r.status)
	}
}

// TestFlashLivesInTheSession: an action's message shows once, on the page
// it leads to; reopening the link shows nothing, and no query string puts
// words on an admin page.
func TestFlashLivesInTheSession(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "dung@cantho.gov.vn")
	co := testenv.NewCompany(t, st, 1, "cantho", domain.StatusDraft)
	page := fmt.Sprintf("/admin/companies/%d", co.ID)

	r := b.do(http.MethodPost, page+"/cong-bo", formOf("_csrf", token, "version", fmt.Sprint(co.Version)))
	if r.status != http.StatusSeeOther || r.location != page {
		t.Fatalf("publish = %d → %q, want 303 → %s (no query string)", r.status, r.location, page)
	}
	const msg = "Đã cập nhật trạng thái: Đã công bố."
	if got := b.do(http.MethodGet, page, nil); !strings.Contains(got.body, msg) {
		t.Errorf("the page after publishing lacks %q", msg)
	}
	if got := b.do(http.MethodGet, page, nil); strings.Contains(got.body, msg) {
		t.Errorf("reopening the page shows %q again", msg)
	}
	for _, q := range []string{"?ok=draft", "?msg=Tin+gi%E1%BA%A3+m%E1%BA%A1o", "?ok=archived&msg=xyz123"} {
		got := b.do(http.MethodGet, page+q, nil)
		if strings.Contains(got.body, "Tin giả mạo") || strings.Contains(got.body, "xyz123") || strings.Contains(got.body, "Đã cập nhật trạng thái") {
			t.Errorf("GET %s shows text from the query string", q)
		}
	}
	// An archive without a reason says why on the page, once.
	r = b.do(http.MethodPost, page+"/luu-tru", formOf("_csrf", token, "version", fmt.Sprint(co.Version+1)))
	if r.location != page {
		t.Fatalf("archive without reason → %q", r.location)
	}
	if got := b.do(http.MethodGet, page, nil); !strings.Contains(got.body, "Vui lòng ghi lý do lưu trữ") || !strings.Contains(got.body, `role="alert"`) {
		t.Errorf("the refusal is not shown as an error")
	}
}

// TestWarningsBeforeSave: a past deadline, a wage far outside the usual
// range and a title the company already uses are asked about, not
// refused: nothing is saved until "Vẫn lưu"; dates read dd/mm/yyyy.
func TestWarningsBeforeSave(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "minh@cantho.gov.vn")
	co := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	testenv.NewJob(t, st, co, testenv.JobSpec{Title: "Thợ hàn"})
	form := formOf("_csrf", token, "title", "thợ hàn", "company_tax_code", co.TaxCode, "occupation", "7", "positions", "3",
		"employment_type", "full_time", "education", "none", "deadline", "01/01/2020", "wage_min", "800000")
	r := b.do(http.MethodPost, "/admin/jobs/moi", form)
	for _, want := range []string{"Vui lòng kiểm tra trước khi lưu", "Hạn nộp hồ sơ 01/01/2020 đã qua", "800.000", "cùng chức danh", "Vẫn lưu"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("form with warnings lacks %q", want)
		}
	}
	if r.status != http.StatusOK || count(t, st, "jobs") != 1 {
		t.Fatalf("warnings = %d, jobs %d; want the form again and nothing saved", r.status, count(t, st, "jobs"))
	}
	if strings.Contains(r.body, `type="date"`) || !strings.Contains(r.body, `value="01/01/2020"`) {
		t.Error("the deadline is not a dd/mm/yyyy text field")
	}
	form["_confirm"] = []string{"1"}
	saved := b.do(http.MethodPost, "/admin/jobs/moi", form)
	if saved.status != http.StatusSeeOther || count(t, st, "jobs") != 2 {
		t.Fatalf("Vẫn lưu = %d, jobs %d; want saved", saved.status, count(t, st, "jobs"))
	}
	edit := b.do(http.MethodGet, saved.location+"/sua", nil)
	if !strings.Contains(edit.body, `value="01/01/2020"`) {
		t.Error("the edit form does not show the deadline as dd/mm/yyyy")
	}
	if strings.Contains(edit.body, "(không bắt buộc) (không bắt buộc)") {
		t.Error("a label says (không bắt buộc) twice")
	}
}

// TestPickCompanyByName: a job's company is found by part of its name,
// without JavaScript (the search posts the form back and saves nothing),
// and the ward list offers only the official's city's wards, each with
// its former district.
func TestPickCompanyByName(t *testing.T) {
	t.Parallel()
	st, b, token := canThoEditor(t, "giang@cantho.gov.vn")
	co := testenv.NewCompany(t, st, 7, "cantho", domain.StatusPublished)
	other := testenv.NewCompany(t, st, 8, "cantho", domain.StatusPublished)

	form := b.do(http.MethodGet, "/admin/jobs/moi", nil)
	if strings.Contains(form.body, "Phường Tân Định") || !strings.Contains(form.body, "Phường Ninh Kiều (trước đây: Quận Ninh Kiều)") {
		t.Errorf("the ward list of a Cần Thơ editor is not Cần Thơ's wards with former districts")
	}
	word := strings.Fields(co.Name)[len(strings.Fields(co.Name))-1]
	r := b.do(http.MethodPost, "/admin/jobs/moi", formOf("_csrf", token, "title", "Thợ hàn", "company_tax_code__q", word, "_pick", "company_tax_code"))
	if r.status != http.StatusOK || !strings.Contains(r.body, `<option value="`+co.TaxCode+`">`) || strings.Contains(r.body, `<option value="`+other.TaxCode+`">`) {
		t.Fatalf("search %q = %d; want only %s offered", word, r.status, co.Name)
	}
	if !strings.Contains(r.body, `value="Thợ hàn"`) || count(t, st, "jobs") != 0 {
		t.Errorf("the search lost the typed title or saved a job")
	}
	r = b.do(http.MethodPost, "/admin/jobs/moi", formOf("_csrf", token, "title", "Thợ hàn", "company_tax_code", co.TaxCode,
		"occupation", "7", "positions", "3", "employment_type", "full_time", "education", "none"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create = %d: %s", r.status, r.body[strings.Index(r.body, "<main"):])
	}
	if count(t, st, "jobs") != 1 {
		t.Error("no job saved")
	}
}
