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
	l := s.loc(c)
	briefs := make([]listItem, len(policies.Items))
	for i, po := range policies.Items {
		briefs[i] = s.policyBrief(l, po)
	}
	return s.render(c, "home", l.T("home.title"), "home", fiber.Map{
		"Policies": briefs, "Companies": companies.Items,
		"Jobs": s.jobItems(l, jobs.Items), "Glance": glance, "OwnSearch": true,
	})
}

// policyBrief is a policy in the home page's short list: kind, number,
// scope and date, without the summary.
func (s *server) policyBrief(l *loc, po domain.Policy) listItem {
	meta := []part{plain(l.Label("policy_kind", po.Kind))}
	if po.DocNumber != "" {
		meta = append(meta, plain(po.DocNumber))
	}
	meta = append(meta, plain(l.City(po.City)))
	if po.IssuedOn != nil {
		meta = append(meta, plain(dateOf(po.IssuedOn)))
	}
	return listItem{Title: po.Title, URL: l.URL("policy", po.ID, po.Slug), Meta: meta}
}

// queryValues copies the request's query string (fasthttp reuses its buffers).
func queryValues(c *fiber.Ctx) url.Values {
	v, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return url.Values{}
	}
	return v
}
