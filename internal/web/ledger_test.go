package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/testenv"
	"hoptac/internal/web"
)

// TestTimelineSinceADate: /hop-tac?tu-ngay= lists only what changed on or
// after that day, newest first; a date that is not one is ignored with a
// note, never an error; drafts' updates appear nowhere, nor in the feed.
func TestTimelineSinceADate(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t, withDeps(web.Deps{Now: func() time.Time { return time.Date(2026, 2, 1, 3, 0, 0, 0, time.UTC) }}))
	program := testenv.NewPolicy(t, st, "program")
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	m := domain.Commitment{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, PolicyID: program.ID,
		Title: "Trao đổi thông tin thị trường lao động", Lead: "hcm", Progress: "in_progress", DueOn: testenv.Ptr(day(2026, 1, 31)),
		Updates: []domain.LedgerUpdate{
			{Date: day(2025, 6, 30), Kind: "update", Text: "Dòng tháng sáu", DepartmentCode: "hcm-sonv"},
			{Date: day(2025, 12, 1), Kind: "so_ket", Text: "Dòng tháng mười hai", DepartmentCode: "hcm-sonv"},
			{Date: day(2026, 1, 15), Kind: "update", Text: "Dòng tháng một", DepartmentCode: "hcm-sonv",
				Evidence: []domain.Evidence{{Title: "Báo cáo tháng 1", Source: "Sở Nội vụ TP.HCM", URL: "https://example.org/bc"}}},
		}}
	must(t, st.Create(ctx, &m))
	draft := domain.Commitment{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "hcm-sonv"}, PolicyID: program.ID,
		Title: "Nháp", Lead: "hcm", Progress: "done", Updates: []domain.LedgerUpdate{{Date: day(2026, 1, 20), Kind: "update", Text: "Dòng của bản nháp"}}}
	must(t, st.Create(ctx, &draft))

	all := get(t, app, "/hop-tac")
	timeline := all.body[strings.Index(all.body, `id="dong-thoi-gian"`):]
	a, b, c := strings.Index(timeline, "Dòng tháng một"), strings.Index(timeline, "Dòng tháng mười hai"), strings.Index(timeline, "Dòng tháng sáu")
	if a < 0 || b < a || c < b {
		t.Errorf("timeline not newest first: %d %d %d", a, b, c)
	}
	if !strings.Contains(all.body, "Quá hạn") || !strings.Contains(all.body, "nguồn: Sở Nội vụ TP.HCM") {
		t.Error("/hop-tac does not flag the overdue commitment or name the evidence's source")
	}
	for _, q := range []string{"2025-12-01", "1/12/2025"} {
		since := get(t, app, "/hop-tac?tu-ngay="+q)
		if since.status != http.StatusOK || !strings.Contains(since.body, "Dòng tháng một") || !strings.Contains(since.body, "Dòng tháng mười hai") ||
			strings.Contains(since.body, "Dòng tháng sáu") || !strings.Contains(since.body, "2 cập nhật từ ngày 01/12/2025") {
			t.Errorf("since %s: %d, not the two lines from 01/12/2025", q, since.status)
		}
	}
	bad := get(t, app, "/hop-tac?tu-ngay=hôm-qua")
	if bad.status != http.StatusOK || !strings.Contains(bad.body, "không hợp lệ") || !strings.Contains(bad.body, "Dòng tháng sáu") {
		t.Errorf("a bad date = %d, want the whole timeline and a note", bad.status)
	}
	feed := get(t, app, "/feeds/hop-tac.atom")
	for _, body := range []string{all.body, feed.body} {
		if strings.Contains(body, "Dòng của bản nháp") {
			t.Error("a draft's update is public")
		}
	}
	if strings.Index(feed.body, "Dòng tháng một") > strings.Index(feed.body, "Dòng tháng sáu") || !strings.Contains(feed.body, "Báo cáo tháng 1 (Sở Nội vụ TP.HCM): https://example.org/bc") {
		t.Errorf("feed not newest first or without its evidence:\n%.1200s", feed.body)
	}
}

// TestProgramPeriodAndContinuation: a program past its period says it
// has ended; an admin names the program that continues it from a list;
// a program cannot continue itself.
func TestProgramPeriodAndContinuation(t *testing.T) {
	t.Parallel()
	st, app := emptyApp(t, withDeps(web.Deps{Now: func() time.Time { return time.Date(2026, 6, 1, 3, 0, 0, 0, time.UTC) }}))
	newUser(t, st, "admin@hoptac.gov.vn", auth.RoleAdmin, "")
	old := domain.Policy{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, Title: "Chương trình 2024 – 2025",
		Kind: "program", Field: "employment", City: domain.Both, EffectiveFrom: testenv.Ptr(time.Date(2024, 6, 28, 0, 0, 0, 0, time.UTC)),
		EffectiveTo: testenv.Ptr(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))}
	must(t, st.Create(ctx, &old))
	next := domain.Policy{Meta: domain.Meta{Status: domain.StatusPublished, DepartmentCode: "hcm-sonv"}, Title: "Chương trình 2026 – 2030",
		Kind: "program", Field: "employment", City: domain.Both, EffectiveFrom: testenv.Ptr(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))}
	must(t, st.Create(ctx, &next))
	b, _ := signedIn(t, app, "admin@hoptac.gov.vn")

	path := "/admin/policies/" + strconv.FormatInt(old.ID, 10) + "/sua"
	form := editFormOf(b.do(http.MethodGet, path, nil).body)
	form.Set("continued_by", strconv.FormatInt(old.ID, 10))
	if r := b.do(http.MethodPost, path, form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "không thể tiếp nối chính nó") {
		t.Errorf("continued by itself = %d", r.status)
	}
	form.Set("continued_by", strconv.FormatInt(next.ID, 10))
	if r := b.do(http.MethodPost, path, form); r.status != http.StatusSeeOther {
		t.Fatalf("save = %d %.400s", r.status, r.body)
	}
	coop := get(t, app, "/hop-tac")
	oldAt := strings.Index(coop.body, "Chương trình 2024 – 2025</a>")
	section := coop.body[oldAt:]
	section = section[:strings.Index(section, "</section>")]
	if !strings.Contains(section, "Chương trình đã kết thúc") || !strings.Contains(section, "Được tiếp nối bởi") || !strings.Contains(section, "Chương trình 2026 – 2030") ||
		!strings.Contains(section, "28/06/2024 – 31/12/2025") {
		t.Errorf("the old program's section = %.800s", section)
	}
	if p, err := st.Policy(ctx, old.ID); err != nil || p.ContinuedBy == nil || *p.ContinuedBy != next.ID {
		t.Errorf("stored continued_by = %v, %v", p.ContinuedBy, err)
	}
}
