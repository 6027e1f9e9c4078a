package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

var schoolList = listSpec[store.SchoolFilter, domain.School]{
	kind: kind.School, search: "filter.school_q",
	fields: []filterField{
		cityFilter, wardFilter,
		optionFilter("kind", "school_kind", "filter.school_kind", "filter.all"),
		optionFilter("ownership", "ownership", "filter.ownership", "filter.all"),
		optionFilter("level", "level", "filter.school_level", "filter.any"),
		{Name: "seeks_partners", Label: "filter.seeks_partners", Input: "check"},
	},
	load: (*store.Store).Schools,
	item: (*server).schoolItem,
	show: (*server).schoolShow,
	api: []apiParam{
		qParam, cityParam, wardParam,
		{"kind", "Loại hình.", "string", "school_kinds"}, {"ownership", "Hình thức sở hữu.", "string", "ownerships"},
		{"level", "Có ngành đào tạo trình độ này.", "string", "program_levels"},
		{"seeks_partners", "1: chỉ trường đang tìm đối tác.", "string", ""},
	},
}

func init() { registerList(schoolList) }

func (s *server) schoolShow(c *fiber.Ctx, sc domain.School) error {
	programs, err := s.store.Programs(c.UserContext(), store.ProgramFilter{SchoolID: sc.ID, Paging: store.Paging{PerPage: store.MaxPerPage}})
	if err != nil {
		return err
	}
	return s.render(c, "schools/show", sc.Name, "school", fiber.Map{"School": sc, "Programs": programs})
}

// schoolItem is a school as lists show it: kind, ownership, place, programs.
func (s *server) schoolItem(l *loc, sc domain.School) listItem {
	facts := []part{plain(l.T("school.programs", "N", strconv.Itoa(sc.ProgramCount)))}
	if sc.Accredited {
		facts = append(facts, span("pill ok", l.T("school.accredited")))
	}
	if sc.SeeksPartners {
		facts = append(facts, span("pill", l.T("school.seeks_partners")))
	}
	return listItem{
		Title: sc.Name,
		URL:   l.URL("school", sc.ID, sc.Slug),
		Meta: []part{plain(l.Label("school_kind", sc.Kind)), plain(l.Label("ownership", sc.Ownership)),
			plain(l.Place(sc.City, sc.WardName))},
		Facts: facts,
	}
}

var programList = listSpec[store.ProgramFilter, domain.Program]{
	kind: kind.Program, search: "filter.program_q", placeholder: "list.program.placeholder",
	fields: []filterField{
		cityFilter,
		optionFilter("level", "level", "filter.level", "filter.all"),
		optionFilter("mode", "mode", "filter.mode", "filter.all"),
		optionFilter("support_group", "support_group", "filter.support_group", "filter.anyone"),
		{Name: "tuition_max", Label: "filter.tuition_max", Input: "amount"},
	},
	load: (*store.Store).Programs,
	item: (*server).programItem,
	show: (*server).programShow,
	api: []apiParam{
		qParam, cityParam,
		{"level", "Trình độ đào tạo.", "string", "program_levels"}, {"mode", "Hình thức đào tạo.", "string", "study_modes"},
		{"tuition_max", "Học phí tối đa (đồng/khóa).", "integer", ""},
	},
}

func init() { registerList(programList) }

func (s *server) programShow(c *fiber.Ctx, pr domain.Program) error {
	school, err := publicParent(c, s.store, kind.School, pr.SchoolID)
	if err != nil {
		return err
	}
	l := s.loc(c)
	path, err := s.programPathway(c.UserContext(), l, pr)
	if err != nil {
		return err
	}
	return s.render(c, "programs/show", pr.Name+" – "+school.Name, "program", fiber.Map{"Program": pr, "School": school,
		"Pathway": path, "SupportSentence": supportSentence(l, pr)})
}

// programItem is a program as lists show it: school, level, length, fee.
func (s *server) programItem(l *loc, pr domain.Program) listItem {
	facts := []part{plain(l.Label("level", pr.Level))}
	if pr.DurationMonths != nil {
		facts = append(facts, plain(l.T("program.months", "N", strconv.Itoa(*pr.DurationMonths))))
	}
	if pr.TuitionVND != nil {
		facts = append(facts, plain(l.Fee(pr.TuitionVND)))
	} else {
		facts = append(facts, plain(l.T("program.fee_unknown")))
	}
	switch {
	case len(pr.SupportGroups) > 0:
		// Who qualifies, not just "Có hỗ trợ": that tells a reader whether it is for them.
		facts = append(facts, span("pill ok", l.T("program.support_for", "Groups", l.Label("support_group", pr.SupportGroups[0]), "More", len(pr.SupportGroups)-1)))
	case len(pr.SupportBenefits) > 0 || pr.Support != "":
		facts = append(facts, span("pill ok", l.T("program.has_support")))
	}
	return listItem{
		Title: pr.Name,
		URL:   l.URL("program", pr.ID, pr.Slug),
		Meta:  []part{plain(pr.SchoolName), plain(l.City(pr.City))},
		Facts: facts,
	}
}
