package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lib/pq"
	"github.com/xuri/excelize/v2"

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

// setEnum reads a code of opts; its Vietnamese label is accepted too.
func (c *rowCtx) setEnum(col string, opts domain.Options, dst *string) {
	s, ok := c.text(col)
	if !ok {
		return
	}
	if s == "" {
		*dst = ""
		return
	}
	if code, ok := matchOption(s, opts); ok {
		*dst = code
		return
	}
	c.fail(col, notInList(s, opts))
}

func matchOption(s string, opts domain.Options) (string, bool) {
	low := strings.ToLower(s)
	for _, o := range opts {
		if o.Code == low {
			return o.Code, true
		}
	}
	f := foldKey(s)
	for _, o := range opts {
		if foldKey(o.Label) == f {
			return o.Code, true
		}
	}
	return "", false
}

func notInList(s string, opts domain.Options) string {
	codes := make([]string, len(opts))
	for i, o := range opts {
		codes[i] = o.Code
	}
	return fmt.Sprintf("Giá trị “%s” không có trong danh sách: %s.", s, strings.Join(codes, ", "))
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
		code, ok := matchOption(it, opts)
		if !ok {
			c.fail(col, notInList(it, opts))
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
// with "." or "," (or spaces). money also takes a trailing "đ"/"VND".
func parseNumber(s string, money bool) (int64, bool) {
	s = strings.TrimSpace(s)
	if money {
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

func (c *rowCtx) setInt(col string, dst *int) {
	n, set, present := c.number(col, false)
	switch {
	case !present:
	case !set:
		*dst = 0
	case n > math.MaxInt32 || n < math.MinInt32:
		c.fail(col, fmt.Sprintf("Số %d quá lớn.", n))
	default:
		*dst = int(n)
	}
}

func (c *rowCtx) setIntPtr(col string, dst **int) {
	n, set, present := c.number(col, false)
	switch {
	case !present:
	case !set:
		*dst = nil
	case n > math.MaxInt32 || n < math.MinInt32:
		c.fail(col, fmt.Sprintf("Số %d quá lớn.", n))
	default:
		v := int(n)
		*dst = &v
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

// setCity reads a city code (or its name); "both" only where allowed.
func (c *rowCtx) setCity(col string, dst *string, both bool) {
	s, ok := c.text(col)
	if !ok {
		return
	}
	if s == "" {
		*dst = ""
		return
	}
	if code, ok := c.r.ref.cityByName[foldKey(s)]; ok {
		*dst = code
		return
	}
	if both {
		switch foldKey(s) {
		case domain.Both, "ca hai", "ca hai thanh pho", "hai thanh pho":
			*dst = domain.Both
			return
		}
	}
	list := strings.Join(c.r.ref.cityCodes, ", ")
	if both {
		list += ", " + domain.Both
	}
	c.fail(col, fmt.Sprintf("Giá trị “%s” không có trong danh sách: %s.", s, list))
}

// setWard reads a ward code, or a ward's exact name in city.
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
	codes := c.r.ref.wardByName[city][foldKey(s)]
	switch {
	case len(codes) == 1:
		code := codes[0]
		*dst = &code
	case len(codes) > 1:
		c.fail(col, fmt.Sprintf("Tên “%s” ứng với nhiều phường/xã của %s: hãy ghi mã phường/xã (%s).", s, c.r.ref.CityName(city), strings.Join(codes, ", ")))
	default:
		c.fail(col, fmt.Sprintf("Không tìm thấy phường/xã “%s” của %s: ghi mã phường/xã hoặc đúng tên sau sáp nhập (ví dụ “Phường Tân Tạo”).", s, c.r.ref.CityName(city)))
	}
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
