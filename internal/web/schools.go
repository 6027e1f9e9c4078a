package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

func (s *server) schoolList(c *fiber.Ctx) error {
	p := newParams(c)
	f := s.schoolFilter(p)
	list, err := s.store.Schools(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "schools/list", "Cơ sở giáo dục nghề nghiệp", "school", fiber.Map{
		"List": list, "Items": items(list.Items, s.schoolItem), "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// schoolFilter reads the school list's filters, for its page and the API.
func (s *server) schoolFilter(p *params) store.SchoolFilter {
	return store.SchoolFilter{
		Paging:        store.Paging{Page: p.page()},
		Q:             p.text("q"),
		City:          p.code("city", "Thành phố", s.catalog.IsCity),
		Ward:          p.code("ward", "Phường/xã", s.catalog.IsWard),
		Kind:          p.option("kind", "Loại hình", domain.SchoolKinds),
		Ownership:     p.option("ownership", "Sở hữu", domain.Ownerships),
		Level:         p.option("level", "Trình độ đào tạo", domain.ProgramLevels),
		SeeksPartners: p.flag("seeks_partners"),
	}
}

func (s *server) schoolShow(c *fiber.Ctx) error {
	sc, done, err := loadPublic(c, "school", s.store.School,
		func(x *domain.School) *domain.Meta { return &x.Meta }, nil)
	if done || err != nil {
		return err
	}
	programs, err := s.store.Programs(c.UserContext(), store.ProgramFilter{SchoolID: sc.ID, Paging: store.Paging{PerPage: store.MaxPerPage}})
	if err != nil {
		return err
	}
	return s.render(c, "schools/show", sc.Name, "school", fiber.Map{"School": sc, "Programs": programs})
}

// schoolItem is a school as lists show it: kind, ownership, place, programs.
func (s *server) schoolItem(sc domain.School) listItem {
	facts := []part{plain(strconv.Itoa(sc.ProgramCount) + " ngành, nghề")}
	if sc.Accredited {
		facts = append(facts, span("pill ok", "Đã kiểm định"))
	}
	if sc.SeeksPartners {
		facts = append(facts, span("pill", "Tìm đối tác"))
	}
	return listItem{
		Title: sc.Name,
		URL:   entryURL("school", sc.ID, sc.Slug),
		Meta: []part{plain(domain.SchoolKinds.Label(sc.Kind)), plain(domain.Ownerships.Label(sc.Ownership)),
			plain(s.placeOf(sc.City, sc.WardName))},
		Facts: facts,
	}
}

func (s *server) programList(c *fiber.Ctx) error {
	p := newParams(c)
	f := s.programFilter(p)
	list, err := s.store.Programs(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "programs/list", "Ngành, nghề đào tạo", "program", fiber.Map{
		"List": list, "Items": items(list.Items, s.programItem), "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
}

// programFilter reads the program list's filters, for its page and the API.
func (s *server) programFilter(p *params) store.ProgramFilter {
	return store.ProgramFilter{
		Paging:     store.Paging{Page: p.page()},
		Q:          p.text("q"),
		City:       p.code("city", "Thành phố", s.catalog.IsCity),
		Level:      p.option("level", "Trình độ đào tạo", domain.ProgramLevels),
		Mode:       p.option("mode", "Hình thức đào tạo", domain.StudyModes),
		TuitionMax: p.amount("tuition_max", "Học phí tối đa"),
	}
}

func (s *server) programShow(c *fiber.Ctx) error {
	pr, done, err := loadPublic(c, "program", s.store.Program,
		func(x *domain.Program) *domain.Meta { return &x.Meta }, nil)
	if done || err != nil {
		return err
	}
	school, err := s.store.School(c.UserContext(), pr.SchoolID)
	if err != nil {
		return err
	}
	if school.Status != domain.StatusPublished && !isPreview(c) {
		return fiber.ErrNotFound
	}
	return s.render(c, "programs/show", pr.Name+" – "+school.Name, "program", fiber.Map{"Program": pr, "School": school})
}

// programItem is a program as lists show it: school, level, length, fee.
func (s *server) programItem(pr domain.Program) listItem {
	facts := []part{plain(domain.ProgramLevels.Label(pr.Level))}
	if pr.DurationMonths != nil {
		facts = append(facts, plain(strconv.Itoa(*pr.DurationMonths)+" tháng"))
	}
	if pr.TuitionVND != nil {
		facts = append(facts, plain(vn.Money(*pr.TuitionVND)))
	} else {
		facts = append(facts, plain("Học phí chưa công bố"))
	}
	if pr.Support != "" {
		facts = append(facts, span("pill ok", "Có hỗ trợ"))
	}
	return listItem{
		Title: pr.Name,
		URL:   entryURL("program", pr.ID, pr.Slug),
		Meta:  []part{plain(pr.SchoolName), plain(s.catalog.CityName(pr.City))},
		Facts: facts,
	}
}
