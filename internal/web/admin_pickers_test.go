package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

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
