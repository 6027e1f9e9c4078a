package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

var (
	formInput    = regexp.MustCompile(`<input id="[^"]*" (?:type="[^"]*" )?name="([^"]+)" value="([^"]*)"|<input id="[^"]*" name="([^"]+)" value="([^"]*)"`)
	formTextarea = regexp.MustCompile(`(?s)<textarea id="[^"]*" name="([^"]+)"[^>]*>(.*?)</textarea>`)
	formSelect   = regexp.MustCompile(`(?s)<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>`)
	selectedOpt  = regexp.MustCompile(`<option value="([^"]*)" selected>`)
	checkedBox   = regexp.MustCompile(`<input type="checkbox" name="([^"]+)" value="([^"]*)" checked>`)
)

// editFormOf reads an edit form's fields as a browser would send them.
func editFormOf(body string) url.Values {
	v := url.Values{}
	for _, m := range formInput.FindAllStringSubmatch(body, -1) {
		name, val := m[1]+m[3], m[2]+m[4]
		v.Set(name, html.UnescapeString(val))
	}
	for _, m := range formTextarea.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	for _, m := range formSelect.FindAllStringSubmatch(body, -1) {
		if s := selectedOpt.FindStringSubmatch(m[2]); s != nil {
			v.Set(m[1], s[1])
		} else {
			v.Set(m[1], "")
		}
	}
	for _, m := range checkedBox.FindAllStringSubmatch(body, -1) {
		v.Add(m[1], m[2])
	}
	for _, name := range []string{"_csrf", "version"} {
		if m := regexp.MustCompile(`name="` + name + `" value="([^"]*)"`).FindStringSubmatch(body); m != nil {
			v.Set(name, m[1])
		}
	}
	return v
}

// TestPublicHistoryShowsEachChangedField: an official raises a job's top
// wage; the public page says which field changed, old → new as the page
// writes money, dated, by the department — and never who.
func TestPublicHistoryShowsEachChangedField(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	newUser(t, st, "chi@cantho.gov.vn", auth.RoleEditor, "cantho")
	company := testenv.NewCompany(t, st, 3, "cantho", domain.StatusPublished)
	job := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Thợ điện công nghiệp", WageMin: testenv.Ptr(int64(9_000_000)),
		WageMax: testenv.Ptr(int64(12_000_000)), Deadline: testenv.DaysFromNow(30)})
	b, _ := signedIn(t, app, "chi@cantho.gov.vn")

	id := strconv.FormatInt(job.ID, 10)
	edit := b.do(http.MethodGet, "/admin/jobs/"+id+"/sua", nil)
	form := editFormOf(edit.body)
	if form.Get("wage_max") != "12000000" || form.Get("title") != "Thợ điện công nghiệp" {
		t.Fatalf("edit form = %v", form)
	}
	form.Set("wage_max", "12.500.000")
	form.Set("description", "Làm việc tại khu công nghiệp Trà Nóc.")
	if r := b.do(http.MethodPost, "/admin/jobs/"+id+"/sua", form); r.status != http.StatusSeeOther {
		t.Fatalf("save = %d %.500s", r.status, r.body)
	}

	page := getOK(t, app, "/viec-lam/"+id+"-"+job.Slug)
	for _, want := range []string{"Lương tối đa: 12.000.000 đ → 12.500.000 đ", "Mô tả công việc: đã sửa nội dung", "Sở Nội vụ Thành phố Cần Thơ", "/lich-su"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the job page's history lacks %q", want)
		}
	}
	full := get(t, app, "/viec-lam/"+id+"-"+job.Slug+"/lich-su")
	if full.status != http.StatusOK || !strings.Contains(full.body, "Lương tối đa: 12.000.000 đ → 12.500.000 đ") {
		t.Errorf("history page = %d", full.status)
	}
	for _, body := range []string{page.body, full.body} {
		if strings.Contains(body, "chi@cantho.gov.vn") || strings.Contains(body, "Cán bộ chi") || regexp.MustCompile(`[\w.]+@[\w-]+\.[\w.]+`).MatchString(body) {
			t.Error("a public page names the official or shows an email")
		}
	}
	if r := get(t, app, "/viec-lam/"+id+"-sai/lich-su"); r.status != http.StatusMovedPermanently {
		t.Errorf("history with a wrong slug = %d, want 301", r.status)
	}
	draft := testenv.NewJob(t, st, company, testenv.JobSpec{Title: "Nháp", Status: domain.StatusDraft})
	if r := get(t, app, "/viec-lam/"+strconv.FormatInt(draft.ID, 10)+"-"+draft.Slug+"/lich-su"); r.status != http.StatusNotFound {
		t.Errorf("a draft's history = %d, want 404", r.status)
	}
}
