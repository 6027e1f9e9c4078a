package search

import (
	"context"
	"hoptac/internal/codes"
	"sort"
	"strconv"
	"strings"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// Document is one entry as Meilisearch stores it. Filters and facets use
// codes only: Meilisearch does not fold diacritics in filters.
type Document struct {
	ID       string `json:"id"` // "<type>-<entity id>"
	Type     string `json:"type"`
	EntityID int64  `json:"entity_id"`
	Version  int    `json:"version"`
	URL      string `json:"url"`

	Title    string `json:"title"`
	Subtitle string `json:"subtitle"` // company, school, organisation or issuer
	Place    string `json:"place"`    // address, ward, city: what people type as "where"
	// FormerUnits are the pre-2025 wards, districts and provinces the
	// entry's ward was formed from ("Quận 7", "Sóc Trăng").
	FormerUnits    string `json:"former_units"`
	OccupationName string `json:"occupation_name"`
	IndustryName   string `json:"industry_name"`
	// Labels are the Vietnamese words for the entry's type and kind
	// ("Việc làm", "Cao đẳng", "Đang tìm đối tác"), which people type.
	Labels string `json:"labels"`
	// LabelsEN are the English names of its type, city, occupation and
	// industry, for visitors who search in English ("welder can tho").
	LabelsEN string `json:"labels_en"`
	Text     string `json:"text"`
	// TitleTelex and SubtitleTelex keep the tone marks as letters, for the
	// diacritic-aware query. Searchable fields are never omitted: a query
	// naming an attribute no document has is refused by Meilisearch.
	TitleTelex    string `json:"title_telex"`
	SubtitleTelex string `json:"subtitle_telex"`

	Cities          []string `json:"cities"` // a policy of both cities has both
	Ward            string   `json:"ward,omitempty"`
	Industry        string   `json:"industry,omitempty"`
	Occupation      string   `json:"occupation,omitempty"`
	Education       string   `json:"education,omitempty"`
	EducationRank   int      `json:"education_rank,omitempty"`
	Level           string   `json:"level,omitempty"`
	Kind            string   `json:"kind,omitempty"`
	Stage           string   `json:"stage,omitempty"`
	Progress        string   `json:"progress,omitempty"`
	EmploymentType  string   `json:"employment_type,omitempty"`
	ExperienceYears int      `json:"experience_years"`
	PriorityGroups  []string `json:"priority_groups,omitempty"`
	SeeksPartners   bool     `json:"seeks_partners,omitempty"`

	WageMin *int64 `json:"wage_min,omitempty"`
	WageMax *int64 `json:"wage_max,omitempty"`
	// WageSort is the best wage offered, 0 when negotiable.
	WageSort int64 `json:"wage_sort"`
	// WageBand is the band of WageSort (WageBands), "" when negotiable.
	WageBand   string `json:"wage_band,omitempty"`
	Positions  int    `json:"positions,omitempty"`
	DeadlineTS int64  `json:"deadline_ts"` // 0: no deadline
	// PublishedTS breaks ties in favour of fresher entries.
	PublishedTS int64 `json:"published_ts"`
}

// DocumentID is the Meilisearch id of an entry.
func DocumentID(entityType string, id int64) string {
	return entityType + "-" + strconv.FormatInt(id, 10)
}

// Names resolves codes to the names people type. It is read from the
// code tables once.
type Names struct {
	cities      map[string]string
	wards       map[string]domain.Ward
	industries  map[string]string
	occupations map[string]string
	// English names by code: cities, industries, occupations.
	citiesEN, industriesEN, occupationsEN map[string]string
}

// NewNames builds the lookups.
func NewNames(cities []domain.City, wards []domain.Ward, industries, occupations []domain.Classification) *Names {
	n := &Names{cities: map[string]string{}, wards: map[string]domain.Ward{}, industries: map[string]string{}, occupations: map[string]string{},
		citiesEN: map[string]string{}, industriesEN: map[string]string{}, occupationsEN: map[string]string{}}
	for _, c := range cities {
		n.cities[c.Code], n.citiesEN[c.Code] = c.NameVI, c.NameEN
	}
	for _, w := range wards {
		n.wards[w.Code] = w
	}
	for _, c := range industries {
		n.industries[c.Code], n.industriesEN[c.Code] = c.NameVI, c.NameEN
	}
	for _, c := range occupations {
		n.occupations[c.Code], n.occupationsEN[c.Code] = c.NameVI, c.NameEN
	}
	return n
}

// NamesFrom builds the lookups from the code tables.
func NamesFrom(t *codes.Tables) *Names {
	return NewNames(t.Cities, t.Wards, t.Industries, t.Occupations)
}

// LoadNames reads the code tables the documents need (commands that do
// not share tables already read).
func LoadNames(ctx context.Context, src codes.Source) (*Names, error) {
	t, err := codes.Load(ctx, src)
	if err != nil {
		return nil, err
	}
	return NamesFrom(t), nil
}

// EducationRanks orders education levels so "at most my level" is a range filter.
var EducationRanks = func() map[string]int {
	m := map[string]int{}
	for i, o := range domain.EducationLevels {
		m[o.Code] = i + 1
	}
	return m
}()

func (n *Names) cityList(city string) []string {
	if city == domain.Both || city == "" {
		out := make([]string, 0, len(n.cities))
		for code := range n.cities {
			out = append(out, code)
		}
		sort.Strings(out)
		return out
	}
	return []string{city}
}

// locate sets where an entry is: its cities, the names of its place
// (street, ward with its former names, cities) and its ward.
func (n *Names) locate(d *Document, cities []string, address string, ward *string) {
	d.Cities = cities
	d.Place, d.FormerUnits = n.placeOf(address, ward, cities)
	if ward != nil {
		d.Ward = *ward
	}
}

func (n *Names) placeOf(address string, ward *string, cities []string) (place, former string) {
	parts := []string{address}
	if ward != nil {
		if w, ok := n.wards[*ward]; ok {
			parts = append(parts, w.Name)
			former = formerNames(w.FormerUnits)
		}
	}
	for _, c := range cities {
		parts = append(parts, n.cities[c])
	}
	return joinNonEmpty(parts, ", "), former
}

// formerNames keeps the distinct old names of "ward, district, province; …"
// without the "(một phần)" notes, so each old name is indexed once.
func formerNames(former string) string {
	seen := map[string]bool{}
	var out []string
	for _, unit := range strings.Split(former, ";") {
		for _, name := range strings.Split(unit, ",") {
			name = strings.TrimSpace(strings.ReplaceAll(name, "(một phần)", ""))
			if name != "" && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return strings.Join(out, "; ")
}

// base is the document of an entry of entityType with what every type has.
func base(entityType string, m domain.Meta, title, subtitle string) Document {
	d := Document{
		ID: DocumentID(entityType, m.ID), Type: entityType, EntityID: m.ID, Version: m.Version,
		URL: domain.EntryPath(entityType, m.ID, m.Slug), Title: title, Subtitle: subtitle,
		TitleTelex: vn.Telex(title), SubtitleTelex: vn.Telex(subtitle),
	}
	if m.PublishedAt != nil {
		d.PublishedTS = m.PublishedAt.Unix()
	}
	if t, ok := domain.TypeByName(entityType); ok {
		d.Labels, d.LabelsEN = t.LabelVI, t.LabelEN
	}
	return d
}

// addEnglish adds the English names of the entry's codes once its cities,
// occupation and industry are set.
func (n *Names) addEnglish(d *Document) {
	parts := []string{d.LabelsEN, n.occupationsEN[d.Occupation], n.industriesEN[d.Industry]}
	for _, c := range d.Cities {
		parts = append(parts, n.citiesEN[c])
	}
	d.LabelsEN = joinNonEmpty(parts, " · ")
}

func (d *Document) addLabels(labels ...string) {
	d.Labels = joinNonEmpty(append([]string{d.Labels}, labels...), " · ")
}

// JobDocument indexes a job with its company's name.
func (n *Names) JobDocument(j domain.Job) Document {
	d := base("job", j.Meta, j.Title, j.CompanyName)
	n.locate(&d, []string{j.City}, j.WorkAddress, j.WardCode)
	d.Occupation, d.OccupationName = j.OccupationCode, n.occupations[j.OccupationCode]
	d.Education, d.EducationRank = j.Education, EducationRanks[j.Education]
	d.EmploymentType = j.EmploymentType
	d.ExperienceYears = j.ExperienceYears
	d.addLabels(domain.EmploymentTypes.Label(j.EmploymentType))
	d.PriorityGroups = j.PriorityGroups
	d.WageMin, d.WageMax = j.WageMin, j.WageMax
	switch {
	case j.WageMax != nil:
		d.WageSort = *j.WageMax
	case j.WageMin != nil:
		d.WageSort = *j.WageMin
	}
	d.WageBand = WageBandOf(d.WageSort)
	d.Positions = j.Positions
	if j.Deadline != nil {
		// the end of the deadline day in Vietnam
		end := time.Date(j.Deadline.Year(), j.Deadline.Month(), j.Deadline.Day(), 23, 59, 59, 0, vn.DateLocation)
		d.DeadlineTS = end.Unix()
	}
	d.Text = joinNonEmpty([]string{j.Description, j.Requirements, j.Benefits}, "\n")
	n.addEnglish(&d)
	return d
}

// CompanyDocument indexes a company.
func (n *Names) CompanyDocument(c domain.Company) Document {
	d := base("company", c.Meta, c.Name, c.TaxCode)
	n.locate(&d, []string{c.City}, c.Address, c.WardCode)
	d.Industry, d.IndustryName = c.IndustryCode, n.industries[c.IndustryCode]
	d.Positions = c.OpenPositions
	d.Text = c.Description
	n.addEnglish(&d)
	return d
}

// SchoolDocument indexes a vocational school.
func (n *Names) SchoolDocument(s domain.School) Document {
	d := base("school", s.Meta, s.Name, s.Code)
	n.locate(&d, []string{s.City}, s.Address, s.WardCode)
	d.Kind = s.Kind
	d.SeeksPartners = s.SeeksPartners
	d.addLabels(domain.SchoolKinds.Label(s.Kind), domain.Ownerships.Label(s.Ownership))
	d.Text = s.Description
	n.addEnglish(&d)
	return d
}

// ProgramDocument indexes a training program with its school's name.
func (n *Names) ProgramDocument(p domain.Program) Document {
	d := base("program", p.Meta, p.Name, p.SchoolName)
	// A program is taught where its school is: "học hàn ở quận 7".
	n.locate(&d, []string{p.City}, p.SchoolAddress, p.SchoolWardCode)
	d.Level = p.Level
	d.Kind = p.Mode
	d.addLabels(domain.ProgramLevels.Label(p.Level), domain.StudyModes.Label(p.Mode))
	d.Text = joinNonEmpty([]string{p.Support, p.Description, p.Intake}, "\n")
	n.addEnglish(&d)
	return d
}

// PolicyDocument indexes a policy; one for both cities filters under each.
func (n *Names) PolicyDocument(p domain.Policy) Document {
	d := base("policy", p.Meta, p.Title, joinNonEmpty([]string{p.DocNumber, p.Issuer}, " · "))
	n.locate(&d, n.cityList(p.City), "", nil)
	d.Kind = p.Kind
	d.addLabels(domain.PolicyKinds.Label(p.Kind), domain.PolicyFields.Label(p.Field))
	d.Text = joinNonEmpty([]string{p.Summary, p.Body}, "\n")
	if p.IssuedOn != nil && p.IssuedOn.Before(time.Unix(d.PublishedTS, 0)) {
		d.PublishedTS = p.IssuedOn.Unix()
	}
	n.addEnglish(&d)
	return d
}

// ProjectDocument indexes a project.
func (n *Names) ProjectDocument(p domain.Project) Document {
	d := base("project", p.Meta, p.Title, p.Organization)
	n.locate(&d, []string{p.City}, "", nil)
	d.Kind = p.Kind
	d.Stage = p.Stage
	d.addLabels(domain.ProjectKinds.Label(p.Kind), domain.ProjectStages.Label(p.Stage))
	d.Text = joinNonEmpty([]string{p.Field, p.Description}, "\n")
	n.addEnglish(&d)
	return d
}

// CommitmentDocument indexes a commitment of the cooperation program.
func (n *Names) CommitmentDocument(m domain.Commitment) Document {
	d := base("commitment", m.Meta, m.Title, m.ProgramTitle)
	n.locate(&d, n.cityList(m.Lead), "", nil)
	d.Progress = m.Progress
	d.Text = m.Description
	n.addEnglish(&d)
	return d
}

func joinNonEmpty(parts []string, sep string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
