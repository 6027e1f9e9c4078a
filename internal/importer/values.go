package importer

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lib/pq"
	"github.com/xuri/excelize/v2"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
)

// The setters below read one column of the row into a field. A column the
// file does not have leaves the field as it is (an update keeps the stored
// value); an empty cell or JSON null empties it. A value that cannot be
// read is recorded as the column's problem and leaves the field alone.

// text returns the column's text and whether the file has the column.
func (c *rowCtx) text(col string) (string, bool) {
	v, ok := c.rec.cells[col]
	if !ok {
		return "", false
	}
	switch v.kind {
	case cellText:
		return strings.TrimSpace(v.text), true
	case cellNull:
		return "", true
	}
	c.fail(col, "Giá trị phải là văn bản hoặc số, không phải danh sách.")
	return "", false
}

func (c *rowCtx) setString(col string, dst *string) {
	if s, ok := c.text(col); ok {
		*dst = s
	}
}

// setEnum reads a code of opts, or the words for it (see choices.pick).
func (c *rowCtx) setEnum(col string, opts domain.Options, dst *string) {
	c.setChoice(col, optionChoices(opts), "", dst)
}

// setChoice reads a coded column: the code, or the words for it; what
// names the list in messages ("phường/xã").
func (c *rowCtx) setChoice(col string, cs *choices, what string, dst *string) {
	s, ok := c.text(col)
	if !ok {
		return
	}
	if s == "" {
		*dst = ""
		return
	}
	if code, ok := c.pickChoice(col, cs, what, s); ok {
		*dst = code
	}
}

// pickChoice is setChoice for one value; a value it cannot read is the
// column's problem.
func (c *rowCtx) pickChoice(col string, cs *choices, what, s string) (string, bool) {
	code, cands := cs.pick(s)
	switch {
	case code != "":
		return code, true
	case len(cands) > 0:
		c.fail(col, ambiguous(s, cands))
	default:
		c.fail(col, cs.unknown(s, what))
	}
	return "", false
}

func matchOption(s string, opts domain.Options) (string, bool) {
	code, _ := optionChoices(opts).pick(s)
	return code, code != ""
}

func notInList(s string, opts domain.Options) string {
	return optionChoices(opts).unknown(s, "")
}

// setList reads a set of codes of opts: ";"-separated text in CSV/XLSX, a
// JSON array in JSON Lines. The codes are kept in the list's own order.
func (c *rowCtx) setList(col string, opts domain.Options, dst *pq.StringArray) {
	v, ok := c.rec.cells[col]
	if !ok {
		return
	}
	var items []string
	switch v.kind {
	case cellText:
		items = strings.FieldsFunc(v.text, func(r rune) bool { return r == ';' || r == ',' || r == '\n' })
	case cellList:
		items = v.list
	case cellJSON:
		c.fail(col, "Danh sách phải gồm các mã, ví dụ [\"disabled\", \"veteran\"].")
		return
	}
	set := map[string]bool{}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		code, ok := c.pickChoice(col, optionChoices(opts), "", it)
		if !ok {
			return
		}
		set[code] = true
	}
	out := pq.StringArray{}
	for _, o := range opts {
		if set[o.Code] {
			out = append(out, o.Code)
		}
	}
	*dst = out
}

// setBool reads true/false, 1/0, có/không (yes/no, x/empty).
func (c *rowCtx) setBool(col string, dst *bool) {
	s, ok := c.text(col)
	if !ok {
		return
	}
	switch foldKey(s) {
	case "", "false", "0", "khong", "no", "n", "sai":
		*dst = false
	case "true", "1", "co", "yes", "y", "x", "dung":
		*dst = true
	default:
		c.fail(col, fmt.Sprintf("Giá trị “%s” không hợp lệ: dùng có/không (true/false, 1/0).", s))
	}
}

// number reads a whole number: plain digits, or digits grouped by thousands
// with "." or "," (or spaces). money also takes a trailing "đ"/"VND", and
// amounts in millions or thousands as people write them: "8 triệu", "8tr",
// "8,5 triệu", "500 nghìn", "500k".
func parseNumber(s string, money bool) (int64, bool) {
	s = strings.TrimSpace(s)
	if money {
		if n, ok := parseUnits(s); ok {
			return n, true
		}
		for _, suffix := range []string{"VNĐ", "VND", "vnđ", "vnd", "đồng", "đ", "Đ"} {
			if rest, ok := strings.CutSuffix(s, suffix); ok {
				s = strings.TrimSpace(rest)
				break
			}
		}
	}
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		neg, s = true, strings.TrimSpace(rest)
	} else if rest, ok := strings.CutPrefix(s, "+"); ok {
		s = strings.TrimSpace(rest)
	}
	if s == "" {
		return 0, false
	}
	digits := s
	if sep := strings.IndexAny(s, "., \u00a0"); sep >= 0 {
		r, _ := utf8.DecodeRuneInString(s[sep:])
		groups := strings.Split(s, string(r))
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		digits = strings.Join(groups, "")
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// moneyUnits are the words for a million and a thousand đồng, folded.
var moneyUnits = []struct {
	word string
	mult int64
}{{"trieu dong", 1_000_000}, {"trieu", 1_000_000}, {"tr", 1_000_000}, {"nghin dong", 1000}, {"nghin", 1000}, {"ngan", 1000}, {"k", 1000}}

// parseUnits reads "8 triệu", "8tr", "8,5 triệu", "1.5tr", "500k".
func parseUnits(s string) (int64, bool) {
	f := codes.Fold(s)
	for _, u := range moneyUnits {
		num, ok := strings.CutSuffix(f, u.word)
		if !ok {
			continue
		}
		num = strings.TrimSpace(num)
		whole, frac, _ := strings.Cut(strings.ReplaceAll(num, ",", "."), ".")
		if whole == "" || len(whole) > 6 || len(frac) > 3 || !allDigits(whole) || !allDigits(frac) {
			return 0, false
		}
		n := int64(atoi(whole)) * u.mult
		if frac != "" {
			scale := int64(1)
			for range frac {
				scale *= 10
			}
			part := int64(atoi(frac)) * u.mult
			if part%scale != 0 {
				return 0, false // a fraction of a đồng
			}
			n += part / scale
		}
		return n, true
	}
	return 0, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func badNumber(s string) string {
	return fmt.Sprintf("Số “%s” không hợp lệ: chỉ dùng chữ số, có thể ngăn cách hàng nghìn bằng dấu chấm (8.000.000).", s)
}

func (c *rowCtx) number(col string, money bool) (n int64, set, present bool) {
	s, ok := c.text(col)
	if !ok {
		return 0, false, false
	}
	if s == "" || (money && foldKey(s) == "thoa thuan") {
		return 0, false, true
	}
	n, ok = parseNumber(s, money)
	if !ok {
		c.fail(col, badNumber(s))
		return 0, false, false
	}
	return n, true, true
}

// intNumber reads col as a whole number that fits an int (0 when empty);
// ok is false when the row leaves the field as it is: no such column, or
// a problem noted.
func (c *rowCtx) intNumber(col string) (n int, set, ok bool) {
	v, set, present := c.number(col, false)
	if !present {
		return 0, false, false
	}
	if v > math.MaxInt32 || v < math.MinInt32 {
		c.fail(col, fmt.Sprintf("Số %d quá lớn.", v))
		return 0, false, false
	}
	return int(v), set, true
}

func (c *rowCtx) setInt(col string, dst *int) {
	if n, _, ok := c.intNumber(col); ok {
		*dst = n
	}
}

func (c *rowCtx) setIntPtr(col string, dst **int) {
	if n, set, ok := c.intNumber(col); ok {
		*dst = nil
		if set {
			*dst = &n
		}
	}
}

// setMoney reads an amount in đồng; empty (or "thỏa thuận") is none.
func (c *rowCtx) setMoney(col string, dst **int64) {
	n, set, present := c.number(col, true)
	switch {
	case !present:
	case !set:
		*dst = nil
	default:
		*dst = &n
	}
}

const badDateMessage = "Ngày “%s” không hợp lệ: dùng dạng 31/12/2025 hoặc 2025-12-31."

// parseDate reads yyyy-mm-dd or dd/mm/yyyy (and, from XLSX, a date cell).
func (c *rowCtx) parseDate(s string) (time.Time, bool) {
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	case strings.Count(s, "/") == 2:
		parts := strings.Split(s, "/")
		if len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
			return time.Time{}, false
		}
		d, m, y = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	case c.rec.xlsx:
		// a date cell's raw value is its serial number
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 1 || f > 2958465 || f != math.Trunc(f) {
			return time.Time{}, false
		}
		t, err := excelize.ExcelDateToTime(f, c.r.date1904)
		if err != nil {
			return time.Time{}, false
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	default:
		return time.Time{}, false
	}
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false // 31/02 and the like
	}
	return t, true
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func (c *rowCtx) setDate(col string, dst **time.Time) {
	s, ok := c.text(col)
	if !ok {
		return
	}
	if s == "" {
		*dst = nil
		return
	}
	t, ok := c.parseDate(s)
	if !ok {
		c.fail(col, fmt.Sprintf(badDateMessage, s))
		return
	}
	*dst = &t
}

// setCity reads a city: its code or its name as people write it ("Cần
// Thơ", "TP.HCM"); "both" only where allowed.
func (c *rowCtx) setCity(col string, dst *string, both bool) {
	cs := c.r.ref.words.cities
	if both {
		cs = c.r.ref.words.citiesBoth
	}
	c.setChoice(col, cs, "thành phố", dst)
}

// setWard reads a ward of city (any city when it is not known yet): its
// code, its name with or without "Phường"/"Xã", or the name of a unit it
// was formed from in 2025 when that names one ward only.
func (c *rowCtx) setWard(col string, dst **string, city string) {
	s, ok := c.text(col)
	if !ok {
		return
	}
	if s == "" {
		*dst = nil
		return
	}
	if c.r.ref.IsWard(s) {
		code := s
		*dst = &code
		return
	}
	words := c.r.ref.words
	cs, former := words.wards[city], words.formerWards[city]
	if cs == nil {
		cs, former = words.wards[""], words.formerWards[""]
	}
	code, cands := cs.pick(s)
	if code == "" && len(cands) == 0 && former != nil {
		code, cands = former.pick(s)
	}
	where := ""
	if city != "" {
		where = " của " + c.r.ref.CityName(city)
	}
	switch {
	case code != "":
		*dst = &code
	case len(cands) == 0 && city != "" && c.otherCityWard(col, s, city):
	case len(cands) > 0:
		c.fail(col, fmt.Sprintf("Tên “%s” ứng với nhiều phường/xã%s: %s. Hãy ghi rõ tên hoặc mã phường/xã.", s, where, describe(cands)))
	default:
		c.fail(col, fmt.Sprintf("Không tìm thấy phường/xã “%s”%s: ghi tên phường/xã sau sáp nhập (ví dụ “Phường Tân Định” hoặc “Tân Định”) hoặc mã; danh sách có trong tệp mẫu.", s, where))
	}
}

// otherCityWard says a ward named s is in another city than city, if it is.
func (c *rowCtx) otherCityWard(col, s, city string) bool {
	code, _ := c.r.ref.words.wards[""].pick(s)
	w, ok := c.r.ref.Ward(code)
	if !ok || w.CityCode == city {
		return false
	}
	c.fail(col, fmt.Sprintf("“%s” thuộc %s, không thuộc %s.", w.Name, c.r.ref.CityName(w.CityCode), c.r.ref.CityName(city)))
	return true
}

// checkWard says a ward that is not in the entry's city.
func (c *rowCtx) checkWard(col string, ward *string, city string) {
	if ward == nil || c.failedOn(col) || city == "" {
		return
	}
	w, ok := c.r.ref.Ward(*ward)
	if !ok {
		c.fail(col, fmt.Sprintf("Không tìm thấy phường/xã có mã “%s”.", *ward))
		return
	}
	if w.CityCode != city {
		c.fail(col, fmt.Sprintf("Phường/xã %s (%s) không thuộc %s.", w.Name, w.Code, c.r.ref.CityName(city)))
	}
}

// normTaxCode tidies a tax code as spreadsheets mangle it: spaces removed,
// and the leading zero a number cell drops put back.
func normTaxCode(s string) string {
	s = strings.Join(strings.Fields(s), "")
	digits := true
	for i := 0; i < len(s); i++ {
		digits = digits && s[i] >= '0' && s[i] <= '9'
	}
	if digits && len(s) == 9 {
		s = "0" + s
	}
	return s
}

// jsonList reads a list of objects: a JSON array in JSON Lines, JSON text
// in a CSV/XLSX cell. An empty cell or null is the empty list.
func jsonList[T any](c *rowCtx, col string, dst *domain.JSONList[T]) bool {
	v, ok := c.rec.cells[col]
	if !ok {
		return false
	}
	var raw []byte
	switch v.kind {
	case cellNull:
		*dst = domain.JSONList[T]{}
		return true
	case cellText:
		if strings.TrimSpace(v.text) == "" {
			*dst = domain.JSONList[T]{}
			return true
		}
		raw = []byte(v.text)
	case cellJSON:
		raw = v.raw
	case cellList:
		c.fail(col, "Giá trị phải là một danh sách JSON các đối tượng, ví dụ [{\"date\": \"2025-03-31\", \"note\": \"…\"}].")
		return false
	}
	var out []T
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		c.fail(col, "Giá trị phải là một danh sách JSON các đối tượng, ví dụ [{\"date\": \"2025-03-31\", \"note\": \"…\"}].")
		return false
	}
	*dst = out
	return true
}

// normDate rewrites a date inside a JSON list as yyyy-mm-dd.
func (c *rowCtx) normDate(col, s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	t, ok := c.parseDate(s)
	if !ok {
		c.fail(col, fmt.Sprintf(badDateMessage, s))
		return s, false
	}
	return t.Format("2006-01-02"), true
}

// isTaxCodeShape tells digits and dashes (a tax code, right or wrong)
// from a name.
func isTaxCodeShape(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '-' {
			return false
		}
	}
	return true
}

// companyByName finds the tax code of the company a row names by name:
// one of this file's companies, else one in the database. None or several
// is the column's problem, the candidates named.
func (c *rowCtx) companyByName(ctx context.Context, name string) string {
	const col = "company_tax_code"
	taxes := c.r.companyNames[wordKey(name)]
	if len(taxes) == 0 {
		var err error
		if taxes, err = c.r.st.CompanyTaxCodesByName(ctx, name); err != nil {
			c.r.fatal = fmt.Errorf("import: find company %q: %w", name, err)
			return ""
		}
	}
	switch len(taxes) {
	case 1:
		return taxes[0]
	case 0:
		c.fail(col, fmt.Sprintf("Không tìm thấy doanh nghiệp tên “%s”: ghi đúng tên như trên cổng hoặc mã số thuế.", name))
	default:
		c.fail(col, fmt.Sprintf("Có %d doanh nghiệp tên “%s” (mã số thuế %s): hãy ghi mã số thuế.", len(taxes), name, strings.Join(taxes, ", ")))
	}
	return ""
}
