package web

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/importer"
	"hoptac/internal/store"
)

// previewPerPage is how many rows a page of the preview lists.
const previewPerPage = 50

// previewRow is one row of the preview as the page shows it: labels, not
// column names or codes.
type previewRow struct {
	Sheet   string
	Line    int
	Type    string // the entry type's label
	Key     string
	Title   string
	Action  importer.Action
	Verdict string // "Tạo mới", …
	Changes []previewChange
	Errors  []previewError
}

type previewChange struct{ Label, Old, New string }

type previewError struct{ Label, Message string }

// previewFilters are the verdicts the preview can be narrowed to.
var previewFilters = []struct{ Code, Label string }{
	{"", "Tất cả"}, {"created", "Tạo mới"}, {"updated", "Cập nhật"}, {"unchanged", "Không đổi"}, {"rejected", "Bị từ chối"},
}

var verdictLabels = map[importer.Action]string{
	importer.Created: "Tạo mới", importer.Updated: "Cập nhật", importer.Unchanged: "Không đổi", importer.Rejected: "Bị từ chối",
}

// columnLabels puts the page's words on a type's columns and values.
type columnLabels map[string]importer.ColumnInfo

func (s *server) columnLabels(typ string) columnLabels { return columnLabelsOf(s.catalog, typ) }

func columnLabelsOf(cat *Catalog, typ string) columnLabels {
	out := columnLabels{}
	for _, c := range importer.Help(typ, cat) {
		out[c.Name] = c
	}
	return out
}

func (l columnLabels) label(col string) string {
	switch col {
	case "":
		return "Cả dòng"
	case "status":
		return "Trạng thái"
	}
	if c, ok := l[col]; ok {
		return c.Label
	}
	return col
}

func (l columnLabels) value(col, v string) string {
	if col == "status" {
		return domain.Statuses.Label(v)
	}
	if c, ok := l[col]; ok {
		for _, x := range c.Values {
			if x.Code == v {
				return x.Label
			}
		}
	}
	if len(v) == 10 && v[4] == '-' && v[7] == '-' {
		return v[8:] + "/" + v[5:7] + "/" + v[:4]
	}
	if v == "" {
		return "(trống)"
	}
	return v
}

func (s *server) previewRowOf(r importer.RowResult, labels map[string]columnLabels) previewRow {
	l := labels[r.Type]
	if l == nil {
		l = s.columnLabels(r.Type)
		labels[r.Type] = l
	}
	row := previewRow{Sheet: r.Sheet, Line: r.Line, Key: r.Key, Title: r.Title, Action: r.Action, Verdict: verdictLabels[r.Action]}
	if t, ok := domain.TypeByName(r.Type); ok {
		row.Type = t.LabelVI
	}
	for _, ch := range r.Changes {
		row.Changes = append(row.Changes, previewChange{l.label(ch.Column), l.value(ch.Column, ch.Old), l.value(ch.Column, ch.New)})
	}
	for _, e := range r.Errors {
		row.Errors = append(row.Errors, previewError{l.label(e.Column), e.Message})
	}
	return row
}

// importPreviewPage shows a page of the preview of a kept upload: the dry
// run runs again, so every page tells what confirming would do now.
func (s *server) importPreviewPage(c *fiber.Ctx) error {
	if !s.imports.TryAcquire() {
		return s.busyImport(c)
	}
	defer s.imports.Release()
	token := c.Params("token")
	up, err := s.store.Upload(c.UserContext(), token, sessionOf(c).User.ID)
	if errors.Is(err, store.ErrNotFound) {
		return s.importProblem(c, "Không tìm thấy tệp đã tải lên (có thể đã nhập rồi hoặc quá hạn). Vui lòng tải tệp lên lại.")
	}
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(c.Query("trang"))
	page = max(page, 1)
	only := importer.Action(c.Query("chi"))
	if _, ok := verdictLabels[only]; !ok {
		only = ""
	}
	publish := c.Query("cong-bo") == "1"
	var rows []previewRow
	labels := map[string]columnLabels{}
	matched := 0
	first := (page - 1) * previewPerPage
	report, err := s.importRows(c, up.Content, formatOf(up.Filename, up.Content), up.EntryType, publish, true, func(r importer.RowResult) {
		if only != "" && r.Action != only {
			return
		}
		if matched >= first && matched < first+previewPerPage {
			rows = append(rows, s.previewRowOf(r, labels))
		}
		matched++
	})
	if err != nil {
		if errors.Is(err, store.ErrUnavailable) {
			return err
		}
		return s.importProblem(c, s.importErrorMessage(c, err))
	}
	pages := max((matched+previewPerPage-1)/previewPerPage, 1)
	link := func(p int, filter importer.Action) string {
		q := url.Values{}
		if p > 1 {
			q.Set("trang", strconv.Itoa(p))
		}
		if filter != "" {
			q.Set("chi", string(filter))
		}
		if publish {
			q.Set("cong-bo", "1")
		}
		if len(q) == 0 {
			return "/admin/nhap-du-lieu/xem-truoc/" + token
		}
		return "/admin/nhap-du-lieu/xem-truoc/" + token + "?" + q.Encode()
	}
	type pageLink struct {
		N       int
		URL     string
		Current bool
	}
	var pager []pageLink
	for p := max(1, page-5); p <= min(pages, page+5); p++ {
		pager = append(pager, pageLink{p, link(p, only), p == page})
	}
	type filterLink struct {
		Label, URL string
		Current    bool
	}
	var filters []filterLink
	for _, f := range previewFilters {
		filters = append(filters, filterLink{f.Label, link(1, importer.Action(f.Code)), importer.Action(f.Code) == only})
	}
	return s.renderAdmin(c, "admin/import_result", "Xem trước khi nhập", fiber.Map{
		"Report": report, "Rows": rows, "Token": token, "Filename": up.Filename,
		"Publish": publish, "DryRun": true, "Pager": pager, "Filters": filters,
		"Page": page, "Pages": pages, "Matched": matched, "RejectedURL": link(1, importer.Rejected),
		"Caption": fmt.Sprintf("Trang %d/%d", page, pages),
	})
}
