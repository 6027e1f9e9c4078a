package web

import (
	"bufio"
	"context"
	"encoding/csv"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// Open data: every kind's public entries as CSV, JSON and XLSX downloads,
// the page that offers them with their licence and data dictionary, and a
// DCAT-AP catalogue for data portals. A download streams a batch of rows
// at a time from PostgreSQL, so memory stays flat however many rows.

// Licence of the data, said on the page, in the catalogue and the README.
const (
	licenceName = "Creative Commons Ghi nhận tác giả 4.0 Quốc tế (CC BY 4.0)"
	licenceURL  = "https://creativecommons.org/licenses/by/4.0/"
)

// downloadFormats are the formats of every dataset, with their media type.
var downloadFormats = []struct{ Ext, Type, Label string }{
	{"csv", "text/csv; charset=utf-8", "CSV (UTF-8)"},
	{"json", "application/json", "JSON"},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"},
}

// downloadTimeout bounds one download: 100,000 rows take seconds.
const downloadTimeout = 10 * time.Minute

// maxXLSXBuilds is how many XLSX files are built at once. Each holds up to
// excelize's 16 MiB stream buffer (then a temp file) and its zip writer,
// about 60 MB in all; further downloads wait their turn.
const maxXLSXBuilds = 2

func (s *server) openDataRoutes(app *fiber.App) {
	app.Get("/du-lieu-mo", s.openDataPage)
	app.Get("/du-lieu-mo/dcat.jsonld", s.dcatCatalog)
	app.Get("/du-lieu-mo/:file", s.download)
}

// dataset is one kind's dataset as the page and the catalogue show it.
type dataset struct {
	Kind      kind.Entry
	Name      string // the kind's plural: file names and API paths
	Title     string
	Count     int
	UpdatedAt *time.Time
	Updated   string // UpdatedAt in Vietnam time, for the page
	Columns   []dictEntry
}

// dictEntry is one column of the data dictionary.
type dictEntry struct {
	Name, Type, Doc, Codes string // Type: the column's type code ("opendata.type.<code>" names it)
}

func (s *server) datasets(ctx context.Context) ([]dataset, error) {
	stats, err := s.store.PublicStats(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]dataset, 0, len(kind.All))
	for _, k := range kind.All {
		t := k.Type()
		st := stats[t.Name]
		d := dataset{Kind: k, Name: t.Plural, Title: t.LabelVI, Count: st.Count, UpdatedAt: st.UpdatedAt, Updated: stampVN(st.UpdatedAt)}
		r := s.recorder(k, "")
		for _, c := range r.cols {
			doc := c.Doc
			if len(c.Items) > 0 {
				keys := make([]string, len(c.Items))
				for i, it := range c.Items {
					keys[i] = it.Name + " (" + strings.TrimSuffix(it.Doc, ".") + ")"
				}
				doc += " Mỗi phần tử có " + strings.Join(keys, ", ") + "."
			}
			d.Columns = append(d.Columns, dictEntry{Name: c.Name, Type: c.Type, Doc: doc, Codes: c.Codes})
			switch c.Type {
			case "code", "codes":
				d.Columns = append(d.Columns, dictEntry{Name: c.Name + "_label", Type: "text", Doc: "Tên (tiếng Việt) của " + c.Name + "; chỉ có trong CSV và XLSX."})
			case "parent":
				d.Columns = append(d.Columns, dictEntry{Name: parentKey(c) + "_url", Type: "url", Doc: "Mục cha trong API."})
			}
			if c.Name == "id" {
				d.Columns = append(d.Columns, dictEntry{Name: "url", Type: "url", Doc: "Trang của mục trên cổng."})
			}
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *server) openDataPage(c *fiber.Ctx) error {
	sets, err := s.datasets(c.UserContext())
	if err != nil {
		return err
	}
	var latest *time.Time
	for _, d := range sets {
		if d.UpdatedAt != nil && (latest == nil || d.UpdatedAt.After(*latest)) {
			latest = d.UpdatedAt
		}
	}
	lists := []kind.CodeList{}
	for _, n := range kind.CodeListNames() {
		lists = append(lists, kind.CodeLists[n])
	}
	l := s.loc(c)
	updated := stampVN(latest)
	if latest == nil {
		updated = l.T("opendata.no_data")
	}
	return s.render(c, "opendata", l.T("opendata.title"), "", fiber.Map{
		"Datasets": sets, "Formats": downloadFormats, "Updated": updated, "CodeLists": lists,
		"LicenceURL": licenceURL,
	})
}

// stamp is a dataset's update time as the page shows it (Vietnam time).
func stampVN(t *time.Time) string {
	if t == nil {
		return "chưa có dữ liệu"
	}
	return t.In(vn.DateLocation).Format("15:04 02/01/2006")
}

// download answers /du-lieu-mo/{plural}.{csv,json,xlsx}.
func (s *server) download(c *fiber.Ctx) error {
	name, ext, _ := strings.Cut(c.Params("file"), ".")
	k, ok := kind.ByPlural(name)
	if !ok {
		return fiber.ErrNotFound
	}
	format := -1
	for i, f := range downloadFormats {
		if f.Ext == ext {
			format = i
		}
	}
	if format < 0 {
		return fiber.ErrNotFound
	}
	stats, err := s.store.PublicStats(c.UserContext())
	if err != nil {
		return err
	}
	// The count and the last change say whether the file changed: an
	// edit moves the time, a withdrawal the count.
	st := stats[k.Type().Name]
	tag := `W/"` + strconv.Itoa(st.Count)
	if st.UpdatedAt != nil {
		tag += "-" + strconv.FormatInt(st.UpdatedAt.UnixMicro(), 36)
		c.Set(fiber.HeaderLastModified, st.UpdatedAt.UTC().Format(time.RFC1123))
	}
	tag += `"`
	c.Set(fiber.HeaderETag, tag)
	c.Set(fiber.HeaderCacheControl, "public, max-age=300")
	if c.Get(fiber.HeaderIfNoneMatch) == tag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentType, downloadFormats[format].Type)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="hoptac-`+name+`.`+ext+`"`)

	// The stream outlives the handler: it takes what it needs now.
	r, st0, log, slots := s.recorder(k, s.baseURL(c)), s.store, s.log, s.xlsxSlots
	write := map[string]func(context.Context, *bufio.Writer) error{
		"csv":  func(ctx context.Context, w *bufio.Writer) error { return writeCSV(ctx, st0, r, w) },
		"json": func(ctx context.Context, w *bufio.Writer) error { return writeJSON(ctx, st0, r, w) },
		"xlsx": func(ctx context.Context, w *bufio.Writer) error {
			// Waiting here, after the headers, cannot leak a slot the way
			// taking it in the handler could if the body were never written.
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
			case <-ctx.Done():
				return ctx.Err()
			}
			return writeXLSX(ctx, st0, r, w)
		},
	}[ext]
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), downloadTimeout)
		defer cancel()
		if err := write(ctx, w); err != nil {
			// The status is sent; the file ends short and the log says why.
			log.Error("download failed", slog.String("file", name+"."+ext), slog.String("error", err.Error()))
		}
		w.Flush()
	})
	return nil
}

func rows(ctx context.Context, st *store.Store, r *recorder, row func(id int64, vals []any) error) error {
	return r.k.PublicRows(ctx, st, store.PublicSelection{Limit: 500}, row)
}

// writeCSV writes UTF-8 with a byte-order mark, so Excel reads the
// diacritics right.
func writeCSV(ctx context.Context, st *store.Store, r *recorder, w *bufio.Writer) error {
	w.WriteString("\uFEFF")
	cw := csv.NewWriter(w)
	if err := cw.Write(r.header()); err != nil {
		return err
	}
	record := []string{}
	return rows(ctx, st, r, func(id int64, vals []any) error {
		record = record[:0]
		for _, v := range r.cells(id, vals) {
			record = append(record, cellText(v))
		}
		return cw.Write(record)
	})
}

func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	return ""
}

// writeJSON writes an array of the API's entry objects.
func writeJSON(ctx context.Context, st *store.Store, r *recorder, w *bufio.Writer) error {
	w.WriteString("[")
	first := true
	b := make([]byte, 0, 4096)
	err := rows(ctx, st, r, func(id int64, vals []any) error {
		b = b[:0]
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '\n')
		b = r.appendJSON(b, id, vals)
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("\n]\n")
	return err
}

// writeXLSX writes one sheet through excelize's StreamWriter, which keeps
// rows on disk past a small buffer.
func writeXLSX(ctx context.Context, st *store.Store, r *recorder, w *bufio.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := r.k.Type().Plural
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	head := r.header()
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = h
	}
	if err := sw.SetRow("A1", cells, excelize.RowOpts{}); err != nil {
		return err
	}
	n := 1
	err = rows(ctx, st, r, func(id int64, vals []any) error {
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, r.cells(id, vals))
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
