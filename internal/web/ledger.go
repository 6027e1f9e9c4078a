package web

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/feeds"

	"hoptac/internal/domain"
	"hoptac/internal/i18n"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// The cooperation ledger's public pages: /hop-tac (what was promised, how
// far it is, what changed since a date), a commitment's page and the
// timeline's Atom feed.

func init() {
	registerPages("commitment", func(s *server) kindPages {
		return kindPages{list: s.cooperation, show: showOf(s, kind.Commitment, s.commitmentShow),
			api: apiOf(s.store.Commitments, s.commitmentFilter), apiParams: []apiParam{
				{"policy_id", "Chương trình hợp tác (mã số).", "integer", ""},
				{"lead", "Thành phố chủ trì.", "string", "cities"}, {"progress", "Tiến độ.", "string", "progresses"},
			},
			feeds: func(l *loc) []feedLink {
				return []feedLink{{Title: l.T("feed.cooperation"), URL: "/feeds/hop-tac.atom"}}
			},
			form: commitmentForm,
		}
	})
}

// commitmentFilter reads the commitments' filters: the cooperation page
// lists them all, the API can narrow them to a program, a city, a progress.
func (s *server) commitmentFilter(p *params) store.CommitmentFilter {
	return store.CommitmentFilter{
		Paging:   store.Paging{Page: p.page()},
		PolicyID: p.id("policy_id", "Chương trình"),
		Lead:     p.code("lead", "Thành phố chủ trì", s.catalog.IsCity),
		Progress: p.option("progress", "Tiến độ", domain.Progresses),
	}
}

// today is the calendar day in Vietnam by the server's clock (which tests
// fix), as a date: derived statuses and "ended" are computed from it.
func (s *server) today() time.Time {
	t := s.now().In(vn.DateLocation)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// commitmentView is a commitment as /hop-tac shows it.
type commitmentView struct {
	domain.Commitment
	Status      string   // derived: overdue when past due and not done
	Responsible []string // department codes, as competent today
	Latest      *domain.LedgerUpdate
}

// programView is a program with its period, its summary and its commitments.
type programView struct {
	Program     domain.Policy
	Ended       bool
	ContinuedBy *domain.Policy
	Summary     domain.LedgerSummary
	Commitments []commitmentView
}

func (s *server) viewCommitment(m domain.Commitment, today time.Time) commitmentView {
	v := commitmentView{Commitment: m, Status: m.StatusOn(today)}
	for _, code := range m.Departments {
		v.Responsible = append(v.Responsible, s.catalog.DepartmentOn(code, today))
	}
	if n := len(m.Updates); n > 0 {
		v.Latest = &m.Updates[n-1]
	}
	return v
}

// ledger reads every public program with its commitments, as views.
func (s *server) ledger(c *fiber.Ctx) ([]programView, error) {
	progs, byProgram, err := s.store.LedgerPrograms(c.UserContext())
	if err != nil {
		return nil, err
	}
	today := s.today()
	byID := map[int64]domain.Policy{}
	for _, p := range progs {
		byID[p.ID] = p
	}
	out := make([]programView, 0, len(progs))
	for _, p := range progs {
		cs := byProgram[p.ID]
		v := programView{Program: p, Summary: domain.Summarize(cs, today),
			Ended: p.EffectiveTo != nil && today.After(*p.EffectiveTo)}
		if p.ContinuedBy != nil {
			if next, ok := byID[*p.ContinuedBy]; ok {
				v.ContinuedBy = &next
			}
		}
		for _, m := range cs {
			v.Commitments = append(v.Commitments, s.viewCommitment(m, today))
		}
		out = append(out, v)
	}
	return out, nil
}

// sinceParam reads "what changed since": a yyyy-mm-dd day (the date
// input's format) or dd/mm/yyyy; anything else is dropped with a note.
func sinceParam(p *params, name string) *time.Time {
	v := strings.TrimSpace(p.c.Query(name))
	if v == "" {
		return nil
	}
	for _, layout := range []string{time.DateOnly, "2/1/2006"} {
		if t, err := time.Parse(layout, v); err == nil && t.Year() >= 2000 && t.Year() <= 2100 {
			return &t
		}
	}
	p.Problems = append(p.Problems, i18n.T(langOf(p.c), "coop.bad_since"))
	return nil
}

// timelineView is a timeline line with its commitment's link.
type timelineView struct {
	store.TimelineItem
	URL string
}

func (s *server) timeline(c *fiber.Ctx, since *time.Time, limit int) ([]timelineView, error) {
	items, err := s.store.Timeline(c.UserContext(), store.TimelineFilter{Since: since, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]timelineView, len(items))
	for i, it := range items {
		out[i] = timelineView{it, entryURL("commitment", it.CommitmentID, it.CommitmentSlug) + fmt.Sprintf("#cap-nhat-%d", it.ID)}
	}
	return out, nil
}

// cooperation shows the cooperation program(s): each commitment with its
// progress, updates and reviews — what was promised and what was done.
func (s *server) cooperation(c *fiber.Ctx) error {
	p := newParams(c)
	since := sinceParam(p, "tu-ngay")
	programs, err := s.ledger(c)
	if err != nil {
		return err
	}
	lines, err := s.timeline(c, since, 0)
	if err != nil {
		return err
	}
	sinceText := ""
	if since != nil {
		sinceText = since.Format(time.DateOnly)
	}
	return s.render(c, "cooperation", s.loc(c).T("list.commitment.title"), "commitment", fiber.Map{
		"Programs": programs, "Timeline": lines, "Since": since, "SinceText": sinceText,
		"Today": s.today(), "Problems": p.Problems,
	})
}

// programTasks adds a cooperation program's tasks to its page's data.
func (s *server) programTasks(ctx context.Context, data fiber.Map, programID int64) error {
	commitments, err := s.store.Commitments(ctx, store.CommitmentFilter{PolicyID: programID, Paging: store.Paging{PerPage: store.MaxPerPage}})
	if err != nil {
		return err
	}
	views := make([]commitmentView, len(commitments.Items))
	for i, m := range commitments.Items {
		views[i] = s.viewCommitment(m, s.today())
	}
	data["Commitments"] = views
	return nil
}

func (s *server) commitmentShow(c *fiber.Ctx, m domain.Commitment) error {
	program, err := publicParent(c, s.store, kind.Policy, m.PolicyID)
	if err != nil {
		return err
	}
	return s.render(c, "commitments/show", m.Title, "commitment", fiber.Map{
		"Commitment": s.viewCommitment(m, s.today()), "Program": program})
}

// cooperationFeed is the ledger's timeline as Atom 1.0: every update and
// review of a public commitment, newest first.
func (s *server) cooperationFeed(c *fiber.Ctx) error {
	lines, err := s.timeline(c, nil, 100)
	if err != nil {
		return err
	}
	base := s.baseURL(c)
	feed := &feeds.Feed{
		Title:       "Tiến độ Chương trình hợp tác TP. Hồ Chí Minh – TP. Cần Thơ",
		Link:        &feeds.Link{Href: base + "/hop-tac"},
		Description: "Cập nhật tiến độ, sơ kết và tổng kết các nhiệm vụ hợp tác, mới nhất trước.",
		Author:      &feeds.Author{Name: "Cổng Hợp tác Lao động"},
		Id:          base + "/feeds/hop-tac.atom",
		Updated:     s.now(),
	}
	if len(lines) > 0 {
		feed.Updated = lines[0].Date
	}
	for _, l := range lines {
		var b strings.Builder
		b.WriteString(l.Text)
		if l.DepartmentCode != "" {
			b.WriteString(" — " + s.catalog.DepartmentName(l.DepartmentCode))
		}
		for _, e := range l.Evidence {
			b.WriteString("\nMinh chứng: " + e.Title)
			if e.Source != "" {
				b.WriteString(" (" + e.Source + ")")
			}
			b.WriteString(": " + e.URL)
		}
		feed.Items = append(feed.Items, &feeds.Item{
			Id:          fmt.Sprintf("%s/hop-tac#cap-nhat-%d", base, l.ID),
			Title:       domain.UpdateKinds.Label(l.Kind) + " " + dateOf(l.Date) + ": " + l.CommitmentTitle,
			Link:        &feeds.Link{Href: base + l.URL},
			Description: b.String(),
			Updated:     l.Date,
			Created:     l.Date,
		})
	}
	atom, err := feed.ToAtom()
	if err != nil {
		return err
	}
	c.Type("atom", "utf-8")
	c.Set(fiber.HeaderContentType, "application/atom+xml; charset=utf-8")
	return c.SendString(atom)
}

// ledgerRoutes are the pages this file and stats.go serve beside the kinds'.
func (s *server) ledgerRoutes(app *fiber.App) {
	app.Get("/thong-ke", s.statsPage)
	app.Get("/thong-ke/:chart", s.statsCSV)
	app.Get("/api/v1/ledger/summary", s.apiLedgerSummary)
}

// apiLedgerSummary is the ledger's summary as JSON: the numbers /hop-tac
// and /thong-ke show, from the same function.
func (s *server) apiLedgerSummary(c *fiber.Ctx) error {
	_, all, err := s.figures(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"summary": all, "as_of": s.today().Format(time.DateOnly)})
}

// ledgerChart is the ledger's summary by lead city, from the same function
// /hop-tac uses.
func (s *server) ledgerChart(c *fiber.Ctx) (ledgerFigures, error) {
	cs, err := s.store.PublicLedger(c.UserContext())
	if err != nil {
		return ledgerFigures{}, err
	}
	today := s.today()
	groups := []struct {
		label string
		keep  func(lead string) bool
	}{{"Tất cả nhiệm vụ", func(string) bool { return true }}}
	for _, ci := range s.catalog.Cities {
		code := ci.Code
		groups = append(groups, struct {
			label string
			keep  func(string) bool
		}{ci.ShortVI + " chủ trì", func(lead string) bool { return lead == code }})
	}
	groups = append(groups, struct {
		label string
		keep  func(string) bool
	}{"Hai thành phố cùng chủ trì", func(lead string) bool { return lead == domain.Both }})
	ch := chart{ID: "ledger", Title: "Tiến độ các nhiệm vụ hợp tác", Caption: "Số nhiệm vụ theo tình trạng (quá hạn: đã qua thời hạn mà chưa hoàn thành) và tỷ lệ trên tổng số nhiệm vụ của nhóm, làm tròn.",
		Measures: []measure{{ID: "tasks", Label: "Nhiệm vụ"}, {ID: "share", Label: "Tỷ lệ", Percent: true}}}
	sums := make([]domain.LedgerSummary, len(groups))
	for i, g := range groups {
		var sub []domain.Commitment
		for _, m := range cs {
			if g.keep(m.Lead) {
				sub = append(sub, m)
			}
		}
		sums[i] = domain.Summarize(sub, today)
		ch.Columns = append(ch.Columns, g.label)
	}
	for _, o := range domain.DerivedStatuses {
		row := chartRow{Key: o.Code, Label: o.Label, Values: zeros(len(groups), 2)}
		for i := range groups {
			sh := sums[i].Of(o.Code)
			row.Values[i][0], row.Values[i][1] = int64(sh.Count), int64(sh.Percent)
		}
		ch.Rows = append(ch.Rows, row)
	}
	return ledgerFigures{chart: ch, all: sums[0]}, nil
}
