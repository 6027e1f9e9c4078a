package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
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
