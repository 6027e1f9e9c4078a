package web

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

func (s *server) home(c *fiber.Ctx) error {
	ctx := c.UserContext()
	policies, err := s.store.Policies(ctx, store.PolicyFilter{Paging: store.Paging{PerPage: 5}})
	if err != nil {
		return err
	}
	companies, err := s.store.Companies(ctx, store.CompanyFilter{Hiring: true, Paging: store.Paging{PerPage: 6}})
	if err != nil {
		return err
	}
	jobs, err := s.store.Jobs(ctx, store.JobFilter{Paging: store.Paging{PerPage: 6}})
	if err != nil {
		return err
	}
	glance, err := s.store.CitiesAtAGlance(ctx)
	if err != nil {
		return err
	}
	return s.render(c, "home", "Hợp tác Lao động – TP. Hồ Chí Minh và TP. Cần Thơ", "home", fiber.Map{
		"Policies": items(policies.Items, s.policyBrief), "Companies": companies.Items,
		"Jobs": items(jobs.Items, s.jobItem), "Glance": glance,
	})
}

// policyBrief is a policy in the home page's short list: kind, number,
// scope and date, without the summary.
func (s *server) policyBrief(po domain.Policy) listItem {
	meta := []part{plain(domain.PolicyKinds.Label(po.Kind))}
	if po.DocNumber != "" {
		meta = append(meta, plain(po.DocNumber))
	}
	meta = append(meta, plain(s.catalog.CityName(po.City)))
	if po.IssuedOn != nil {
		meta = append(meta, plain(dateOf(po.IssuedOn)))
	}
	return listItem{Title: po.Title, URL: entryURL("policy", po.ID, po.Slug), Meta: meta}
}

// cooperation shows the cooperation program(s): each commitment with its
// progress, updates and reviews — what was promised and what was done.
// queryValues copies the request's query string (fasthttp reuses its buffers).
func queryValues(c *fiber.Ctx) url.Values {
	v, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return url.Values{}
	}
	return v
}
