package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/vn"
)

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
