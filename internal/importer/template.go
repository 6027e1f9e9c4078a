package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// ColumnInfo describes one import column for the people who fill a file:
// the upload page lists them, and a template carries them.
type ColumnInfo struct {
	Name     string // the header (external_id, title, …)
	Label    string // the form's label, in Vietnamese
	Hint     string
	Required bool
	// Values are the column's allowed values, when it is coded; the code
	// or the label is accepted, with or without diacritics.
	Values []Value
}

// Value is one allowed value of a coded column.
type Value struct {
	Code, Label string
	Note        string // wards: the units it was formed from
}

// Help lists the columns an entry type takes, in canonical order; nil for
// an unknown type.
func Help(entryType string, t *codes.Tables) []ColumnInfo {
	h := handlerFor(entryType)
	if h == nil {
		return nil
	}
	return h.help(t)
}

func (s *spec[T]) help(t *codes.Tables) []ColumnInfo {
	fields := map[string]kind.Field{}
	if k, ok := kind.ByName(s.entry.Name); ok {
		for _, f := range k.Fields() {
			fields[f.Name] = f
		}
	}
	out := make([]ColumnInfo, 0, len(s.columns))
	for _, col := range s.columns {
		info := ColumnInfo{Name: col, Label: col}
		f, ok := fields[col]
		switch {
		case ok:
			info.Label, info.Hint, info.Required = f.Label, f.Hint, f.Required
			if f.Options != nil {
				info.Values = optionValues(col, f.Options(t), t)
			}
		case col == s.cityCol:
			info.Label, info.Required = "Thành phố", true
			info.Values = optionValues(col, cityValues(t), t)
		}
		if col == "external_id" {
			info.Required = s.natural == nil
			info.Hint = "Mã của dòng trong bảng tính của sở: nhập lại tệp sẽ cập nhật đúng mục thay vì tạo bản trùng."
		}
		out = append(out, info)
	}
	return out
}

func cityValues(t *codes.Tables) domain.Options {
	var out domain.Options
	for _, c := range t.Cities {
		out = append(out, domain.Option{Code: c.Code, Label: c.ShortVI})
	}
	return out
}

func optionValues(col string, opts domain.Options, t *codes.Tables) []Value {
	var out []Value
	for _, o := range opts {
		if o.Code == "" {
			continue // "not chosen" is an empty cell
		}
		v := Value{Code: o.Code, Label: o.Label}
		if w, ok := t.Ward(o.Code); ok && strings.HasPrefix(col, "ward") {
			v.Label = w.Name + " (" + t.CityName(w.CityCode) + ")"
			v.Note = FormerDistricts(w)
		}
		out = append(out, v)
	}
	return out
}

// FormerDistricts names the districts a ward's former units were in.
func FormerDistricts(w domain.Ward) string {
	var out []string
	for _, u := range FormerUnits(w) {
		if u.District != "" && !containsString(out, u.District) {
			out = append(out, u.District)
		}
	}
	return strings.Join(out, ", ")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exampleRow is the kind's example row in the words people write: coded
// values by their labels ("TP. Hồ Chí Minh", "Toàn thời gian"), dates as
// dd/mm/yyyy.
func exampleRow(entryType string, cols []ColumnInfo, t *codes.Tables) []string {
	k, ok := kind.ByName(entryType)
	if !ok {
		return nil
	}
	ex := k.Example()
	row := make([]string, len(cols))
	for i, c := range cols {
		v := ex[c.Name]
		for _, x := range c.Values {
			if x.Code == v {
				v = x.Label
				if w, ok := t.Ward(x.Code); ok {
					v = w.Name
				}
			}
		}
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			v = v[8:] + "/" + v[5:7] + "/" + v[:4]
		}
		row[i] = v
	}
	return row
}

// Template is a file to fill for an entry type: the header and an example
// row; an XLSX template also has a sheet of the allowed values and one
// describing each column.
func Template(entryType string, format Format, t *codes.Tables) ([]byte, error) {
	h := handlerFor(entryType)
	if h == nil {
		return nil, fmt.Errorf("importer: unknown entry type %q", entryType)
	}
	cols := h.help(t)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Name
	}
	example := exampleRow(h.typeName(), cols, t)
	switch format {
	case CSV:
		var b bytes.Buffer
		b.Write(utf8BOM) // Excel opens a CSV with a BOM as UTF-8
		w := csv.NewWriter(&b)
		_ = w.Write(header)
		_ = w.Write(example)
		w.Flush()
		return b.Bytes(), w.Error()
	case XLSX:
		return xlsxTemplate(h, cols, header, example)
	}
	return nil, fmt.Errorf("importer: no template in format %s", format)
}

// Sheet names of an XLSX template besides the data sheet; they name no
// entry type, so an import skips them.
const (
	valuesSheet  = "Giá trị cho phép"
	columnsSheet = "Hướng dẫn cột"
)

func xlsxTemplate(h handler, cols []ColumnInfo, header, example []string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	data := typeLabel(h.typeName())
	if err := f.SetSheetName("Sheet1", data); err != nil {
		return nil, err
	}
	setRow := func(sheet string, n int, values []string) error {
		row := make([]any, len(values))
		for i, v := range values {
			row[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return f.SetSheetRow(sheet, cell, &row)
	}
	if err := setRow(data, 1, header); err != nil {
		return nil, err
	}
	if err := setRow(data, 2, example); err != nil {
		return nil, err
	}
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": cells stay text (tax codes keep their 0)
	last, _ := excelize.ColumnNumberToName(len(header))
	_ = f.SetColStyle(data, "A:"+last, text)

	if _, err := f.NewSheet(valuesSheet); err != nil {
		return nil, err
	}
	n := 1
	if err := setRow(valuesSheet, n, []string{"Cột", "Mã", "Giá trị (ghi mã hoặc tên, có dấu hay không dấu đều được)", "Ghi chú"}); err != nil {
		return nil, err
	}
	for _, c := range cols {
		for _, v := range c.Values {
			n++
			if err := setRow(valuesSheet, n, []string{c.Name, v.Code, v.Label, v.Note}); err != nil {
				return nil, err
			}
		}
	}
	if _, err := f.NewSheet(columnsSheet); err != nil {
		return nil, err
	}
	if err := setRow(columnsSheet, 1, []string{"Cột", "Tên", "Bắt buộc", "Hướng dẫn"}); err != nil {
		return nil, err
	}
	for i, c := range cols {
		req := "không"
		if c.Required {
			req = "có"
		}
		if err := setRow(columnsSheet, i+2, []string{c.Name, c.Label, req, c.Hint}); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func typeLabel(name string) string {
	if t, ok := domain.TypeByName(name); ok {
		return t.LabelVI
	}
	return name
}
