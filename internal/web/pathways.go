package web

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// The path from a course to a job: a program names the occupations it
// trains for; its page lists the open jobs of those occupations in its
// city, and a job's page the programs that train for its occupation.

// pathway is "Học xong có thể làm: N việc đang tuyển ở <city>".
type pathway struct {
	Total int
	City  string // code
	Jobs  []listItem
	// Links are the job list of each occupation, with its count.
	Links []pathwayLink
}

type pathwayLink struct {
	Label string
	URL   string
	Count int
}

// programPathway finds the open jobs of a program's occupations in its
// city. Occupations are disjoint VSCO groups, so the totals add up.
func (s *server) programPathway(ctx context.Context, l *loc, pr domain.Program) (pathway, error) {
	p := pathway{City: pr.City}
	for _, occ := range pr.Occupations {
		jobs, err := s.store.Jobs(ctx, store.JobFilter{Occupation: occ, City: pr.City, Paging: store.Paging{PerPage: 3}})
		if err != nil {
			return p, err
		}
		p.Total += jobs.Total
		if jobs.Total > 0 {
			p.Links = append(p.Links, pathwayLink{Label: l.Occupation(occ), Count: jobs.Total,
				URL: l.Path("/viec-lam") + "?occupation=" + occ + "&city=" + pr.City})
		}
		for _, j := range jobs.Items {
			if len(p.Jobs) < 3 {
				p.Jobs = append(p.Jobs, s.jobItem(l, j))
			}
		}
	}
	return p, nil
}

// jobTraining lists programs in the job's city that train for its
// occupation.
func (s *server) jobTraining(ctx context.Context, l *loc, j domain.Job) ([]listItem, error) {
	list, err := s.store.Programs(ctx, store.ProgramFilter{Occupation: j.OccupationCode, City: j.City, Paging: store.Paging{PerPage: 5}})
	if err != nil {
		return nil, err
	}
	out := make([]listItem, len(list.Items))
	for i, pr := range list.Items {
		out[i] = s.programItem(l, pr)
	}
	return out, nil
}

// supportSentence says who qualifies for what, in plain words:
// "Bộ đội xuất ngũ và người khuyết tật được miễn học phí và hỗ trợ tiền ăn."
func supportSentence(l *loc, pr domain.Program) string {
	if len(pr.SupportBenefits) == 0 && len(pr.SupportGroups) == 0 {
		return ""
	}
	groups := make([]string, len(pr.SupportGroups))
	for i, g := range pr.SupportGroups {
		groups[i] = lowerFirst(l.Label("support_group", g)) // mid-sentence; the first is raised again
	}
	benefits := make([]string, len(pr.SupportBenefits))
	for i, b := range pr.SupportBenefits {
		benefits[i] = l.Label("support_benefit", b)
	}
	and := l.T("support.and")
	switch {
	case len(benefits) == 0:
		return l.T("support.groups_only", "Groups", joinAnd(groups, and))
	case len(groups) == 0:
		return l.T("support.everyone", "Benefits", joinAnd(benefits, and))
	}
	return upperFirst(l.T("support.sentence", "Groups", joinAnd(groups, and), "Benefits", joinAnd(benefits, and)))
}

// joinAnd is "a, b và c".
func joinAnd(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
