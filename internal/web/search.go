package web

import (
	"github.com/gofiber/fiber/v2"

	"hoptac/internal/store"
)

// searchSection is one entry type's share of the results.
type searchSection struct {
	Kind, Title, MoreURL string
	Total                int
	Items                any
}

// searchPage answers /tim-kiem from PostgreSQL (accent-insensitive, every
// word must match), one section per entry type with a link to its full list.
func (s *server) searchPage(c *fiber.Ctx) error {
	p := newParams(c)
	q := p.text("q")
	city := p.code("city", "Thành phố", s.catalog.IsCity)
	data := fiber.Map{"Q": q, "City": city, "Problems": p.Problems}
	if q == "" {
		return s.render(c, "search", "Tìm kiếm", "search", data)
	}
	ctx := c.UserContext()
	page := store.Paging{PerPage: 5}
	more := "?" + queryValues(c).Encode()
	var sections []searchSection
	add := func(kind, title, path string, total int, items any) {
		if total > 0 {
			sections = append(sections, searchSection{Kind: kind, Title: title, MoreURL: path + more, Total: total, Items: items})
		}
	}
	jobs, err := s.store.Jobs(ctx, store.JobFilter{Q: q, City: city, Paging: page})
	if err != nil {
		return err
	}
	add("job", "Việc làm", "/viec-lam", jobs.Total, jobs.Items)
	companies, err := s.store.Companies(ctx, store.CompanyFilter{Q: q, City: city, Paging: page})
	if err != nil {
		return err
	}
	add("company", "Doanh nghiệp", "/doanh-nghiep", companies.Total, companies.Items)
	schools, err := s.store.Schools(ctx, store.SchoolFilter{Q: q, City: city, Paging: page})
	if err != nil {
		return err
	}
	add("school", "Cơ sở GDNN", "/truong-nghe", schools.Total, schools.Items)
	programs, err := s.store.Programs(ctx, store.ProgramFilter{Q: q, City: city, Paging: page})
	if err != nil {
		return err
	}
	add("program", "Ngành, nghề đào tạo", "/dao-tao", programs.Total, programs.Items)
	policies, err := s.store.Policies(ctx, store.PolicyFilter{Q: q, City: city, Paging: page})
	if err != nil {
		return err
	}
	add("policy", "Chính sách", "/chinh-sach", policies.Total, policies.Items)
	projects, err := s.store.Projects(ctx, store.ProjectFilter{Q: q, City: city, Paging: page})
	if err != nil {
		return err
	}
	add("project", "Dự án", "/du-an", projects.Total, projects.Items)
	total := 0
	for _, sec := range sections {
		total += sec.Total
	}
	data["Sections"] = sections
	data["Total"] = total
	return s.render(c, "search", "Tìm kiếm: "+q, "search", data)
}
