package web

import (
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

func (s *server) schoolList(c *fiber.Ctx) error {
	p := newParams(c)
	f := store.SchoolFilter{
		Paging:        store.Paging{Page: p.page()},
		Q:             p.text("q"),
		City:          p.code("city", "Thành phố", s.catalog.IsCity),
		Ward:          p.code("ward", "Phường/xã", s.catalog.IsWard),
		Kind:          p.option("kind", "Loại hình", domain.SchoolKinds),
		Ownership:     p.option("ownership", "Sở hữu", domain.Ownerships),
		Level:         p.option("level", "Trình độ đào tạo", domain.ProgramLevels),
		SeeksPartners: p.flag("seeks_partners"),
	}
	list, err := s.store.Schools(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "schools/list", "Cơ sở giáo dục nghề nghiệp", "schools", fiber.Map{
		"List": list, "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
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
	return s.render(c, "schools/show", sc.Name, "schools", fiber.Map{"School": sc, "Programs": programs})
}

func (s *server) programList(c *fiber.Ctx) error {
	p := newParams(c)
	f := store.ProgramFilter{
		Paging:     store.Paging{Page: p.page()},
		Q:          p.text("q"),
		City:       p.code("city", "Thành phố", s.catalog.IsCity),
		Level:      p.option("level", "Trình độ đào tạo", domain.ProgramLevels),
		Mode:       p.option("mode", "Hình thức đào tạo", domain.StudyModes),
		TuitionMax: p.amount("tuition_max", "Học phí tối đa"),
	}
	list, err := s.store.Programs(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.render(c, "programs/list", "Ngành, nghề đào tạo", "programs", fiber.Map{
		"List": list, "F": f, "Problems": p.Problems,
		"Pages": pagination(c.Path(), queryValues(c), list.Page, list.Pages()),
	})
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
	return s.render(c, "programs/show", pr.Name+" – "+school.Name, "programs", fiber.Map{"Program": pr, "School": school})
}
