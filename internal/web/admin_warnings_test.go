package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

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
