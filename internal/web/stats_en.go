package web

// The English statistics page: the same figures (one cache), with the
// words of each chart looked up in the message files.

// chartRowSets names the list a chart's categories come from, for their
// English labels: an optionSets key, or "occupation", "industry", "wage".
var chartRowSets = map[string]string{
	"jobs_vsco": "occupation", "jobs_vsic": "industry", "jobs_wage": "wage",
	"jobs_education": "education", "jobs_priority": "priority_group",
	"schools_kind": "school_kind", "schools_ownership": "ownership",
	"programs_level": "level", "programs_tuition": "level", "programs_support": "level",
	"projects_stage": "stage", "ledger": "ledger_status",
}

// chartIn is ch in the page's language; Vietnamese charts are as built.
func (l *loc) chartIn(ch chart) chart {
	if !l.EN() {
		return ch
	}
	ch.loc = l
	ch.Title, ch.Caption = l.T("stats."+ch.ID+".title"), l.T("stats."+ch.ID+".caption")
	cols := make([]string, 0, len(ch.Columns))
	if ch.ID == "ledger" {
		cols = append(cols, l.T("stats.ledger.all"))
	}
	for _, ci := range l.cat.Cities {
		if ch.ID == "ledger" {
			cols = append(cols, l.T("stats.ledger.lead", "City", l.City(ci.Code)))
		} else {
			cols = append(cols, l.City(ci.Code))
		}
	}
	if ch.ID == "ledger" {
		cols = append(cols, l.T("stats.ledger.both"))
	}
	if len(cols) == len(ch.Columns) {
		ch.Columns = cols
	}
	ms := make([]measure, len(ch.Measures))
	for i, m := range ch.Measures {
		m.Label = l.T("stats.measure." + m.ID)
		ms[i] = m
	}
	ch.Measures = ms
	rows := make([]chartRow, len(ch.Rows))
	for i, r := range ch.Rows {
		switch set := chartRowSets[ch.ID]; set {
		case "":
			ch.RowsLang = "vi" // names officials wrote: employers
		case "occupation":
			r.Label = l.OccupationGroup(r.Key)
		case "industry":
			r.Label = l.Industry(r.Key)
		case "wage":
			r.Label = l.T("stats.wage." + r.Key)
		default:
			r.Label = l.Label(set, r.Key)
		}
		rows[i] = r
	}
	ch.Rows = rows
	if ch.ID == "jobs_month" {
		ch.RowsLang = ""
	}
	return ch
}

// cell writes a figure as the table shows it, in the chart's language.
func (ch chart) cell(m measure, v int64) string {
	if ch.loc == nil || m.Percent {
		return m.cell(v)
	}
	if m.Money {
		return ch.loc.Money(v)
	}
	return ch.loc.Digits(v)
}
