package web_test

import (
	"strings"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// A job seeker on a phone reads how to apply first and calls with one tap:
// the box comes before the facts, with tel: and mailto: links read from
// the contact text; the wage says per month; lists are lists; similar jobs
// are the same occupation in the same city.
func TestJobPageTellsHowToApply(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	co := testenv.NewCompany(t, st, 1, "hcm", domain.StatusPublished)
	other := testenv.NewCompany(t, st, 2, "hcm", domain.StatusPublished)
	j := domain.Job{
		Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, CompanyID: co.ID,
		Title: "Thợ hàn", OccupationCode: "7", Positions: 5, EmploymentType: "full_time", Education: "none", City: "hcm",
		WageMin: testenv.Ptr(int64(8_000_000)), WageMax: testenv.Ptr(int64(10_000_000)), Deadline: testenv.DaysFromNow(10),
		WorkAddress:  "12 Đường số 3, KCN Tân Bình",
		Contact:      "Chị Lan (phòng nhân sự), ĐT 0909 123 456 hoặc 028.3823.4567, email tuyendung@hanviet.vn.",
		Requirements: "- Có chứng chỉ hàn\n- Sức khỏe tốt",
		Benefits:     "Bảo hiểm đầy đủ",
	}
	must(t, st.CreateJob(ctx, &j))
	same := testenv.NewJob(t, st, other, testenv.JobSpec{Title: "Thợ hàn ống", Occupation: "7"})
	elsewhere := testenv.NewJob(t, st, other, testenv.JobSpec{Title: "Thợ hàn Cần Thơ", Occupation: "7", City: "cantho"})
	unlike := testenv.NewJob(t, st, other, testenv.JobSpec{Title: "Kế toán", Occupation: "3"})
	negotiable := testenv.NewJob(t, st, other, testenv.JobSpec{Title: "Phụ bếp", Occupation: "5"})

	body := get(t, app, "/viec-lam/"+ref(j.Meta)).body
	for _, want := range []string{
		`<h2 id="apply-h">Cách ứng tuyển</h2>`,
		`href="tel:0909123456"`, `href="tel:02838234567"`, `href="mailto:tuyendung@hanviet.vn"`,
		`<dd lang="vi">Chị Lan (phòng nhân sự)</dd>`, "12 Đường số 3, KCN Tân Bình",
		"8.000.000 – 10.000.000 đ/tháng",
		`<ul class="text-list" lang="vi"><li>Có chứng chỉ hàn</li><li>Sức khỏe tốt</li></ul>`,
		`<p class="text" lang="vi">Bảo hiểm đầy đủ</p>`,
		"Việc làm tương tự", same.Title,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("job page lacks %q", want)
		}
	}
	if a, f := strings.Index(body, "apply-h"), strings.Index(body, `class="facts-grid"`); a < 0 || a > f {
		t.Errorf("the apply box (at %d) is not above the facts (at %d)", a, f)
	}
	for _, no := range []string{elsewhere.Title, unlike.Title} {
		if strings.Contains(body, no) {
			t.Errorf("similar jobs show %q (another city or occupation)", no)
		}
	}
	if b := get(t, app, "/viec-lam/"+ref(negotiable.Meta)).body; !strings.Contains(b, "Thỏa thuận") {
		t.Errorf("a job without a wage does not say “Thỏa thuận”")
	}
}
