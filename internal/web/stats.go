package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// /thong-ke: the two cities side by side, in numbers. Every chart is an
// SVG drawn here (no JavaScript), with its title, its caption, a pattern
// as well as a colour for each city, and its data table and CSV beside it.
// The figures come from the public views (store.Figures) and the ledger's
// one summary (domain.Summarize); they are kept a minute, or until an
// official publishes something in this process.

// measure is one column of numbers of a chart.
type measure struct {
	ID    string // "stats.measure.<id>" is its English label
	Label string
	Money bool
	// Percent marks a share in %, not a count.
	Percent bool
}

// chartRow is one category of a chart: its values by column, then measure.
type chartRow struct {
	Key, Label string
	Values     [][]int64
}

// chart is one figure of /thong-ke.
type chart struct {
	ID, Title, Caption string
	Columns            []string // the cities side by side (or the ledger's leads)
	Measures           []measure
	Bar                int // the measure the bars draw
	Rows               []chartRow
	loc                *loc   // set on the English page: numbers written its way
	RowsLang           string // "vi" when the English page shows Vietnamese names as categories
}

// chartSpec says how the figures of one chart read: its words, what N and
// V mean, and how its keys are named and ordered.
type chartSpec struct {
	id, title, caption string
	n, v               *measure // nil: not shown
	bar                int      // 0: n, 1: v
	keys               func(s *server) domain.Options
}

var wageBands = domain.Options{
	{Code: "a", Label: "Dưới 5 triệu đồng"}, {Code: "b", Label: "5 – dưới 8 triệu đồng"}, {Code: "c", Label: "8 – dưới 12 triệu đồng"},
	{Code: "d", Label: "12 – dưới 20 triệu đồng"}, {Code: "e", Label: "Từ 20 triệu đồng"}, {Code: "f", Label: "Thỏa thuận"},
}

func fixedKeys(o domain.Options) func(*server) domain.Options {
	return func(*server) domain.Options { return o }
}

var (
	posts     = &measure{ID: "posts", Label: "Tin tuyển dụng"}
	positions = &measure{ID: "positions", Label: "Vị trí cần tuyển"}
)

var chartSpecs = []chartSpec{
	{"jobs_vsco", "Việc làm đang tuyển theo nhóm nghề (VSCO)", "Số vị trí cần tuyển của các tin còn hạn, theo nhóm nghề cấp 1 của Danh mục nghề nghiệp Việt Nam.", posts, positions, 1,
		func(s *server) domain.Options { return classOptions(s.catalog.Occupations, false) }},
	{"jobs_vsic", "Việc làm đang tuyển theo ngành kinh tế (VSIC)", "Số vị trí cần tuyển theo ngành cấp 1 (VSIC 2018) của doanh nghiệp đăng tin.", posts, positions, 1,
		func(s *server) domain.Options { return classOptions(s.catalog.Industries, false) }},
	{"jobs_education", "Việc làm đang tuyển theo trình độ yêu cầu", "Số vị trí cần tuyển theo trình độ học vấn, chuyên môn tối thiểu mà tin yêu cầu.", posts, positions, 1, fixedKeys(domain.EducationLevels)},
	{"jobs_wage", "Mức lương chào tuyển", "Số tin còn hạn theo mức lương khởi điểm (mức thấp nhất tin nêu).", posts, positions, 0, fixedKeys(wageBands)},
	{"jobs_company", "Doanh nghiệp tuyển nhiều nhất", "Mười doanh nghiệp có nhiều vị trí cần tuyển nhất ở mỗi thành phố.", posts, positions, 1, nil},
	{"jobs_month", "Tin tuyển dụng mới theo tháng", "Số tin được công bố mỗi tháng trong 12 tháng gần nhất (cả tin đã hết hạn).", posts, positions, 0, nil},
	{"jobs_priority", "Việc làm ưu tiên nhóm yếu thế", "Số tin còn hạn ưu tiên tuyển người có công, người khuyết tật, bộ đội xuất ngũ, hộ nghèo.", posts, positions, 0, fixedKeys(domain.PriorityGroups)},
	{"schools_kind", "Cơ sở giáo dục nghề nghiệp theo loại hình", "Số trường cao đẳng, trung cấp, trung tâm đã công bố.", &measure{ID: "schools", Label: "Cơ sở"}, nil, 0, fixedKeys(domain.SchoolKinds)},
	{"schools_ownership", "Cơ sở giáo dục nghề nghiệp theo loại sở hữu", "Số cơ sở công lập, tư thục, có vốn nước ngoài.", &measure{ID: "schools", Label: "Cơ sở"}, nil, 0, fixedKeys(domain.Ownerships)},
	{"programs_level", "Ngành, nghề đào tạo và chỉ tiêu theo trình độ", "Số ngành, nghề đào tạo và tổng chỉ tiêu tuyển sinh theo trình độ.", &measure{ID: "programs", Label: "Ngành, nghề"}, &measure{ID: "quota", Label: "Chỉ tiêu"}, 1, fixedKeys(domain.ProgramLevels)},
	{"programs_tuition", "Học phí bình quân theo trình độ", "Học phí bình quân một khóa của các ngành có công bố học phí (đồng).", &measure{ID: "with_fee", Label: "Ngành có học phí"}, &measure{ID: "fee", Label: "Học phí bình quân", Money: true}, 1, fixedKeys(domain.ProgramLevels)},
	{"programs_support", "Ngành, nghề có chính sách hỗ trợ người học", "Số ngành, nghề có hỗ trợ, miễn giảm học phí, trên tổng số ngành của trình độ.", &measure{ID: "supported", Label: "Có hỗ trợ"}, &measure{ID: "all_programs", Label: "Tổng số ngành"}, 0, fixedKeys(domain.ProgramLevels)},
	{"projects_stage", "Dự án, tổ chức tìm đối tác theo giai đoạn", "Số dự án và tổng kinh phí dự kiến theo giai đoạn.", &measure{ID: "projects", Label: "Dự án"}, &measure{ID: "budget", Label: "Kinh phí", Money: true}, 0, fixedKeys(domain.ProjectStages)},
}

// statsCache keeps the charts of this process for a minute.
type statsCache struct {
	mu     sync.Mutex
	at     time.Time
	charts []chart
	ledger domain.LedgerSummary
}

const statsLife = time.Minute

// invalidate drops the cached figures: something was just published.
func (c *statsCache) invalidate() {
	c.mu.Lock()
	c.charts = nil
	c.mu.Unlock()
}

// figures returns the charts, computing them when the cache is stale.
func (s *server) figures(c *fiber.Ctx) ([]chart, domain.LedgerSummary, error) {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	if s.stats.charts != nil && s.now().Sub(s.stats.at) < statsLife {
		return s.stats.charts, s.stats.ledger, nil
	}
	charts, ledger, err := s.computeFigures(c)
	if err != nil {
		return nil, ledger, err
	}
	s.stats.charts, s.stats.ledger, s.stats.at = charts, ledger, s.now()
	return charts, ledger, nil
}

func (s *server) computeFigures(c *fiber.Ctx) ([]chart, domain.LedgerSummary, error) {
	figs, err := s.store.Figures(c.UserContext())
	if err != nil {
		return nil, domain.LedgerSummary{}, err
	}
	cities := s.catalog.Cities
	col := map[string]int{}
	columns := make([]string, len(cities))
	for i, ci := range cities {
		col[ci.Code], columns[i] = i, ci.ShortVI
	}
	out := make([]chart, 0, len(chartSpecs)+1)
	for _, sp := range chartSpecs {
		ch := chart{ID: sp.id, Title: sp.title, Caption: sp.caption, Columns: columns, Bar: sp.bar}
		for _, m := range []*measure{sp.n, sp.v} {
			if m != nil {
				ch.Measures = append(ch.Measures, *m)
			}
		}
		if sp.v == nil {
			ch.Bar = 0
		}
		rowAt := map[string]int{}
		if sp.keys != nil {
			for _, o := range sp.keys(s) {
				rowAt[o.Code] = len(ch.Rows)
				ch.Rows = append(ch.Rows, chartRow{Key: o.Code, Label: o.Label, Values: zeros(len(cities), len(ch.Measures))})
			}
		}
		for _, f := range figs {
			ci, ok := col[f.City]
			if f.Chart != sp.id || !ok {
				continue
			}
			i, ok := rowAt[f.Key]
			if !ok {
				i = len(ch.Rows)
				rowAt[f.Key] = i
				label := f.Label
				if label == "" {
					label = monthLabel(f.Key)
				}
				ch.Rows = append(ch.Rows, chartRow{Key: f.Key, Label: label, Values: zeros(len(cities), len(ch.Measures))})
			}
			ch.Rows[i].Values[ci][0] = f.N
			if sp.v != nil {
				ch.Rows[i].Values[ci][1] = f.V
			}
		}
		out = append(out, ch)
	}
	ledger, err := s.ledgerChart(c)
	if err != nil {
		return nil, domain.LedgerSummary{}, err
	}
	return append(out, ledger.chart), ledger.all, nil
}

func zeros(cols, measures int) [][]int64 {
	v := make([][]int64, cols)
	for i := range v {
		v[i] = make([]int64, measures)
	}
	return v
}

// monthLabel writes 2025-03 as 03/2025; other keys stay as they are.
func monthLabel(key string) string {
	if t, err := time.Parse("2006-01", key); err == nil {
		return t.Format("01/2006")
	}
	return key
}

type ledgerFigures struct {
	chart chart
	all   domain.LedgerSummary
}

// cell writes a figure as the table shows it.
func (m measure) cell(v int64) string {
	switch {
	case m.Money:
		return vn.Money(v)
	case m.Percent:
		return strconv.FormatInt(v, 10) + "%"
	}
	return vn.GroupDigits(v)
}

func (s *server) statsPage(c *fiber.Ctx) error {
	charts, ledger, err := s.figures(c)
	if err != nil {
		return err
	}
	l := s.loc(c)
	views := make([]chartView, len(charts))
	for i, ch := range charts {
		views[i] = drawChart(l.chartIn(ch))
	}
	return s.render(c, "stats", l.T("stats.title"), "stats", fiber.Map{"Charts": views, "Ledger": ledger, "Cities": s.catalog.Cities})
}

// statsCSV is one chart's table as CSV: category, then a column per city
// and measure.
func (s *server) statsCSV(c *fiber.Ctx) error {
	charts, _, err := s.figures(c)
	if err != nil {
		return err
	}
	id, l := c.Params("chart"), s.loc(c)
	for _, ch := range charts {
		if ch.ID+".csv" != id {
			continue
		}
		ch = l.chartIn(ch)
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		head := []string{l.T("stats.csv_code"), l.T("stats.group")}
		for _, col := range ch.Columns {
			for _, m := range ch.Measures {
				head = append(head, col+" – "+m.Label)
			}
		}
		_ = w.Write(head)
		for _, r := range ch.Rows {
			line := []string{r.Key, r.Label}
			for _, vals := range r.Values {
				for _, v := range vals {
					line = append(line, strconv.FormatInt(v, 10))
				}
			}
			_ = w.Write(line)
		}
		w.Flush()
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="thong-ke-%s.csv"`, ch.ID))
		return c.Send(buf.Bytes())
	}
	return fiber.ErrNotFound
}
