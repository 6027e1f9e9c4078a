package web

import (
	"encoding/json"
	"strconv"
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// recorder turns a kind's column values (kind.Columns) into what the API
// and the downloads give: a JSON object with codes labelled in Vietnamese
// and English and parents linked by absolute URL, or a flat row of cells.
// One recorder serves one kind for one request.
type recorder struct {
	k      kind.Entry
	cols   []kind.Column
	labels kind.Labels
	base   string // absolute URL base, no trailing slash
	slug   int    // index of the slug column
	// parent is the API collection of the kind's parent ("" if none).
	parent string
}

func (s *server) recorder(k kind.Entry, base string) *recorder {
	parent, _ := domain.TypeByName(k.Parent())
	r := &recorder{k: k, cols: k.Columns(), labels: s.labels, base: base, parent: parent.Plural}
	for i, c := range r.cols {
		if c.Name == "slug" {
			r.slug = i
		}
	}
	return r
}

func (r *recorder) apiURL(plural string, id int64) string {
	return r.base + "/api/v1/" + plural + "/" + strconv.FormatInt(id, 10)
}

func (r *recorder) pageURL(id int64, vals []any) string {
	slug, _ := vals[r.slug].(string)
	return r.base + domain.EntryPath(r.k.Type().Name, id, slug)
}

// parentKey is a parent column's name without its _id: company_id's link
// is company_url.
func parentKey(c kind.Column) string { return strings.TrimSuffix(c.Name, "_id") }

// appendJSON appends the entry as a JSON object, its keys in column order
// after id, url (its page) and api_url.
func (r *recorder) appendJSON(b []byte, id int64, vals []any) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, id, 10)
	b = appendKey(b, "url")
	b = appendValue(b, r.pageURL(id, vals))
	b = appendKey(b, "api_url")
	b = appendValue(b, r.apiURL(r.k.Type().Plural, id))
	for i, c := range r.cols {
		if c.Name == "id" {
			continue
		}
		b = appendKey(b, c.Name)
		switch v := vals[i]; c.Type {
		case "code":
			if code, ok := v.(string); ok {
				b = appendValue(b, r.labels.Of(c.Codes, code))
			} else {
				b = append(b, "null"...)
			}
		case "codes":
			list, _ := v.([]string)
			out := make([]kind.Code, len(list))
			for j, code := range list {
				out[j] = r.labels.Of(c.Codes, code)
			}
			b = appendValue(b, out)
		case "parent":
			b = appendValue(b, v)
			b = appendKey(b, parentKey(c)+"_url")
			b = appendValue(b, r.apiURL(r.parent, v.(int64)))
		default:
			b = appendValue(b, v)
		}
	}
	return append(b, '}')
}

func appendKey(b []byte, k string) []byte {
	b = append(b, ',', '"')
	b = append(b, k...)
	return append(b, '"', ':')
}

func appendValue(b []byte, v any) []byte {
	out, err := json.Marshal(v)
	if err != nil {
		// Every column value is a plain type; this cannot happen.
		return append(b, "null"...)
	}
	return append(b, out...)
}

// header is the downloads' first row: a code column is followed by its
// Vietnamese label, a parent's id by its API URL, id by the page's URL.
func (r *recorder) header() []string {
	out := []string{}
	for _, c := range r.cols {
		out = append(out, c.Name)
		switch c.Type {
		case "code", "codes":
			out = append(out, c.Name+"_label")
		case "parent":
			out = append(out, parentKey(c)+"_url")
		}
		if c.Name == "id" {
			out = append(out, "url")
		}
	}
	return out
}

// cells is the entry as a download row, matching header. Integers and
// booleans stay typed (XLSX writes them as numbers); any text a
// spreadsheet could run as a formula is neutralised.
func (r *recorder) cells(id int64, vals []any) []any {
	out := make([]any, 0, len(r.cols)+8)
	for i, c := range r.cols {
		v := vals[i]
		switch c.Type {
		case "code":
			code, _ := v.(string)
			label := ""
			if code != "" {
				label = r.labels.Of(c.Codes, code).VI
			}
			out = append(out, code, neutralise(label))
		case "codes":
			list, _ := v.([]string)
			labels := make([]string, len(list))
			for j, code := range list {
				labels[j] = r.labels.Of(c.Codes, code).VI
			}
			out = append(out, strings.Join(list, ";"), neutralise(strings.Join(labels, "; ")))
		case "parent":
			out = append(out, v, r.apiURL(r.parent, v.(int64)))
		case "json":
			b, _ := json.Marshal(v)
			out = append(out, neutralise(string(b)))
		default:
			switch x := v.(type) {
			case nil:
				out = append(out, "")
			case string:
				out = append(out, neutralise(x))
			default:
				out = append(out, x)
			}
		}
		if c.Name == "id" {
			out = append(out, r.pageURL(id, vals))
		}
	}
	return out
}

// neutralise makes a cell that a spreadsheet would run as a formula (it
// starts with =, +, -, @, a tab or a carriage return) plain text, by the
// usual leading apostrophe (OWASP "CSV injection").
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
