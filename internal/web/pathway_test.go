package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/lib/pq"

	"hoptac/internal/domain"
	"hoptac/internal/testenv"
)

// From a course to a job and back: a program's page counts and links the
// open jobs of its occupations in its city; a job's page links the
// programs that train for its occupation there. Support reads as a
// sentence and /dao-tao filters by who qualifies.
func TestPathwaysAndWhoQualifies(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t)
	school := testenv.NewSchool(t, st, "CDCT", "cantho")
	welding := domain.Program{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sogddt"}, SchoolID: school.ID,
		Name: "Hàn", Level: "so_cap", Mode: "full_time", TuitionVND: testenv.Ptr(int64(0)), Occupations: pq.StringArray{"7"},
		SupportGroups: pq.StringArray{"veteran", "disabled"}, SupportBenefits: pq.StringArray{"fee_waiver", "meals"}}
	must(t, st.Create(ctx, &welding))
	nursing := domain.Program{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "cantho-sogddt"}, SchoolID: school.ID,
		Name: "Điều dưỡng", Level: "cao_dang", Mode: "full_time", Occupations: pq.StringArray{"3"},
		SupportGroups: pq.StringArray{"ethnic_minority"}, SupportBenefits: pq.StringArray{"stipend"}}
	must(t, st.Create(ctx, &nursing))

	ct := testenv.NewCompany(t, st, 1, "cantho", domain.StatusPublished)
	hcm := testenv.NewCompany(t, st, 2, "hcm", domain.StatusPublished)
	job1 := testenv.NewJob(t, st, ct, testenv.JobSpec{Title: "Thợ hàn khung thép", Occupation: "7"})
	testenv.NewJob(t, st, ct, testenv.JobSpec{Title: "Thợ hàn ống", Occupation: "7"})
	testenv.NewJob(t, st, hcm, testenv.JobSpec{Title: "Thợ hàn ở TP. HCM", Occupation: "7"})
	testenv.NewJob(t, st, ct, testenv.JobSpec{Title: "Nhân viên bán hàng", Occupation: "5"})

	body := get(t, app, "/dao-tao/"+ref(welding.Meta)).body
	for _, want := range []string{
		"Học xong có thể làm: 2 việc đang tuyển ở TP. Cần Thơ",
		"Thợ hàn khung thép", "Thợ hàn ống",
		`href="/viec-lam?occupation=7&amp;city=cantho"`,
		"Bộ đội xuất ngũ, công an xuất ngũ và người khuyết tật được miễn học phí và hỗ trợ tiền ăn.",
		"Miễn phí",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("program page lacks %q", want)
		}
	}
	for _, no := range []string{"Thợ hàn ở TP. HCM", "Nhân viên bán hàng"} {
		if strings.Contains(body, no) {
			t.Errorf("program page lists %q (another city or occupation)", no)
		}
	}
	if en := get(t, app, "/en/training/"+ref(welding.Meta)).body; !strings.Contains(en, "After the course: 2 open jobs in Can Tho City") ||
		!strings.Contains(en, "Discharged soldiers and police and people with disabilities get free tuition and meal allowance.") {
		t.Errorf("the English program page lacks its pathway or support sentence")
	}

	job := get(t, app, "/viec-lam/"+ref(job1.Meta)).body
	if !strings.Contains(job, "Nơi đào tạo nghề này") || !strings.Contains(job, `href="/dao-tao/`+ref(welding.Meta)+`"`) ||
		strings.Contains(job, `href="/dao-tao/`+ref(nursing.Meta)+`"`) {
		t.Errorf("job page does not link the welding course (and only it) under “Nơi đào tạo nghề này”")
	}

	// Who qualifies: the filter keeps the programs whose support the group gets.
	r := get(t, app, "/dao-tao?support_group=ethnic_minority")
	if r.status != http.StatusOK || !strings.Contains(r.body, nursing.Name) || strings.Contains(r.body, `>`+welding.Name+`</a>`) {
		t.Errorf("/dao-tao?support_group=ethnic_minority = %d; want the nursing course only", r.status)
	}
	if !strings.Contains(r.body, "Lọc (1)") || !strings.Contains(r.body, "Ai được hỗ trợ: Người dân tộc thiểu số") {
		t.Errorf("the filter in use is not shown as a chip and counted")
	}
	if r := get(t, app, "/dao-tao?support_group=ai-do"); !strings.Contains(r.body, "“Ai được hỗ trợ” không hợp lệ") {
		t.Errorf("an unknown group is not explained")
	}
	if r := get(t, app, "/dao-tao"); !strings.Contains(r.body, "Hỗ trợ Bộ đội xuất ngũ, công an xuất ngũ và 1 nhóm khác") {
		t.Errorf("the program list does not say who gets support")
	}
}

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
	must(t, st.Create(ctx, &j))
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
