package importer

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
)

// A coded column takes the code or the words people write for it: the
// label with or without diacritics, with or without its prefix ("TP.",
// "Phường"), the start of the label, or a label followed by more words.
// What several choices answer to is refused with the candidates named.

// choice is one value of a coded column.
type choice struct {
	code  string
	label string   // as messages name it
	keys  []string // wordKey of every name it answers to
}

// choices is a coded column's values, with the exact names indexed.
type choices struct {
	strip  bool // unit names: "TP.", "Phường" may be left out
	list   []choice
	byCode map[string]int
	byKey  map[string][]int
}

func newChoices(list []choice, strip bool) *choices {
	cs := &choices{strip: strip, list: list, byCode: map[string]int{}, byKey: map[string][]int{}}
	for i := range list {
		c := &list[i]
		cs.byCode[strings.ToLower(c.code)] = i
		c.keys = append(c.keys, wordKey(c.code))
		var all []string
		for _, k := range c.keys {
			all = append(all, k, cs.stripPrefix(k))
		}
		c.keys = uniq(all)
		for _, k := range c.keys {
			if k != "" && !containsInt(cs.byKey[k], i) {
				cs.byKey[k] = append(cs.byKey[k], i)
			}
		}
	}
	return cs
}

// names adds the names a choice answers to (besides its code).
func named(code, label string, names ...string) choice {
	c := choice{code: code, label: label}
	for _, n := range append([]string{label}, names...) {
		c.keys = append(c.keys, wordKey(n))
	}
	return c
}

// pick finds the choice s names; when it names none, cands are the
// choices it could mean (several: ambiguous; none: unknown).
func (cs *choices) pick(s string) (code string, cands []choice) {
	s = strings.TrimSpace(s)
	if i, ok := cs.byCode[strings.ToLower(s)]; ok {
		return cs.list[i].code, nil
	}
	k := wordKey(s)
	if k == "" {
		return "", nil
	}
	for _, key := range []string{k, cs.stripPrefix(k)} {
		if idx := cs.byKey[key]; len(idx) > 0 {
			return cs.one(idx)
		}
	}
	k = cs.stripPrefix(k)
	// "8 – Thợ lắp ráp…": a code followed by (the start of) its label.
	if first, rest, ok := strings.Cut(k, " "); ok {
		if i, ok := cs.byCode[first]; ok && cs.list[i].answers(rest) {
			return cs.list[i].code, nil
		}
	}
	// The start of a name.
	if len([]rune(k)) >= 3 {
		var idx []int
		for i, c := range cs.list {
			for _, key := range c.keys {
				if strings.HasPrefix(key, k) && (len(key) == len(k) || key[len(k)] == ' ') && !containsInt(idx, i) {
					idx = append(idx, i)
				}
			}
		}
		if len(idx) > 0 {
			return cs.one(idx)
		}
	}
	// A name followed by more words: the longest name wins.
	best, bestLen := []int(nil), 0
	for i, c := range cs.list {
		for _, key := range c.keys {
			if len(key) >= bestLen && key != "" && strings.HasPrefix(k, key+" ") {
				if len(key) > bestLen {
					best, bestLen = nil, len(key)
				}
				if !containsInt(best, i) {
					best = append(best, i)
				}
			}
		}
	}
	if len(best) > 0 {
		return cs.one(best)
	}
	return "", nil
}

func (c choice) answers(rest string) bool {
	for _, key := range c.keys {
		if key != "" && (strings.HasPrefix(key, rest) || strings.HasPrefix(rest, key)) {
			return true
		}
	}
	return false
}

func (cs *choices) one(idx []int) (string, []choice) {
	same := true
	for _, j := range idx {
		same = same && cs.list[j].code == cs.list[idx[0]].code
	}
	if same {
		return cs.list[idx[0]].code, nil
	}
	out := make([]choice, len(idx))
	for i, j := range idx {
		out[i] = cs.list[j]
	}
	return "", out
}

// maxCandidates bounds the candidates a message names.
const maxCandidates = 8

// ambiguous says which choices a value could mean.
func ambiguous(s string, cands []choice) string {
	return fmt.Sprintf("Giá trị “%s” ứng với nhiều lựa chọn: %s. Hãy ghi rõ hơn (hoặc ghi mã).", s, describe(cands))
}

// unknownIn says a value is none of the choices, naming them when few.
func (cs *choices) unknown(s, what string) string {
	if len(cs.list) <= maxCandidates {
		if what != "" {
			what = " " + what
		}
		return fmt.Sprintf("Giá trị “%s” không có trong danh sách%s: %s.", s, what, describe(cs.list))
	}
	if len(cs.list) <= 30 {
		codes := make([]string, len(cs.list))
		for i, c := range cs.list {
			codes[i] = c.code
		}
		return fmt.Sprintf("Không tìm thấy %s “%s”: ghi tên (có hoặc không dấu) hoặc mã (%s); danh sách có trong tệp mẫu.", what, s, strings.Join(codes, ", "))
	}
	return fmt.Sprintf("Không tìm thấy %s “%s”: ghi tên (có hoặc không dấu) hoặc mã; danh sách có trong tệp mẫu.", what, s)
}

func describe(cands []choice) string {
	parts := make([]string, 0, min(len(cands), maxCandidates)+1)
	for i, c := range cands {
		if i == maxCandidates {
			parts = append(parts, fmt.Sprintf("và %d lựa chọn khác", len(cands)-maxCandidates))
			break
		}
		if wordKey(c.label) == wordKey(c.code) {
			parts = append(parts, c.label)
		} else {
			parts = append(parts, fmt.Sprintf("%s (%s)", c.label, c.code))
		}
	}
	return strings.Join(parts, "; ")
}

// wordKey is the form names are compared in: folded (no diacritics, lower
// case) with punctuation as spaces, so "TP.HCM" reads "tp hcm".
func wordKey(s string) string {
	f := codes.Fold(s)
	b := make([]rune, 0, len(f))
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = append(b, r)
		} else {
			b = append(b, ' ')
		}
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// namePrefixes are the words a unit's name may start with or go without.
var namePrefixes = []string{"thanh pho", "tp", "tinh", "phuong", "xa", "dac khu", "thi tran", "quan", "huyen"}

func (cs *choices) stripPrefix(k string) string {
	if !cs.strip {
		return k
	}
	for _, p := range namePrefixes {
		if rest, ok := strings.CutPrefix(k, p+" "); ok {
			return rest
		}
	}
	return k
}

func uniq(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// optionChoices are the choices of a fixed list (employment types, …),
// built once per list.
var optionChoicesCache sync.Map // *domain.Option (first) → *choices

func optionChoices(opts domain.Options) *choices {
	if len(opts) == 0 {
		return newChoices(nil, false)
	}
	if cs, ok := optionChoicesCache.Load(&opts[0]); ok {
		return cs.(*choices)
	}
	list := make([]choice, len(opts))
	for i, o := range opts {
		list[i] = named(o.Code, o.Label)
	}
	cs := newChoices(list, false)
	optionChoicesCache.Store(&opts[0], cs)
	return cs
}

// cityWords are the other names people write for the cities.
var cityWords = map[string][]string{
	"hcm":    {"TP.HCM", "TPHCM", "HCM", "Hồ Chí Minh", "Sài Gòn", "HCMC", "Ho Chi Minh"},
	"cantho": {"Cần Thơ", "TPCT", "Can Tho"},
}

// occupationWords are the job words that name a VSCO 2020 major group in
// everyday use ("Công nhân may" is a machine operator, group 8).
var occupationWords = map[string][]string{
	"1": {"Quản lý", "Giám đốc", "Trưởng phòng"},
	"2": {"Kỹ sư", "Bác sĩ", "Giáo viên", "Giảng viên", "Chuyên viên", "Lập trình viên"},
	"3": {"Kỹ thuật viên", "Y tá", "Điều dưỡng"},
	"4": {"Nhân viên văn phòng", "Văn thư", "Thư ký"},
	"5": {"Nhân viên bán hàng", "Bán hàng", "Phục vụ", "Bảo vệ", "Đầu bếp"},
	"6": {"Nông dân", "Nuôi trồng thủy sản"},
	"7": {"Thợ", "Thợ thủ công", "Thợ may", "Thợ hàn", "Thợ điện"},
	"8": {"Công nhân", "Vận hành máy", "Lái xe", "Tài xế"},
	"9": {"Lao động phổ thông", "Giúp việc", "Tạp vụ", "Phụ bếp"},
}

// wordTables are the choices of the coded columns that come from the code
// tables, built once per import.
type wordTables struct {
	cities, citiesBoth *choices
	wards              map[string]*choices // by city; "" = every city
	formerWards        map[string]*choices // by city: names before the 2025 merger
	occupations        *choices
	industries         *choices
}

func newWordTables(t *codes.Tables) wordTables {
	w := wordTables{wards: map[string]*choices{}, formerWards: map[string]*choices{}}
	var cities []choice
	for _, c := range t.Cities {
		cities = append(cities, named(c.Code, c.ShortVI, append([]string{c.NameVI, c.NameEN}, cityWords[c.Code]...)...))
	}
	w.cities = newChoices(cities, true)
	both := append(append([]choice(nil), cities...), named(domain.Both, "Cả hai thành phố", "cả hai", "hai thành phố"))
	w.citiesBoth = newChoices(both, true)

	byCity := map[string][]choice{}
	former := map[string][]choice{} // city → wards by the names of the units they were formed from
	for _, wd := range t.Wards {
		label := wd.Name + " — " + t.CityName(wd.CityCode)
		byCity[wd.CityCode] = append(byCity[wd.CityCode], named(wd.Code, wd.Name))
		byCity[""] = append(byCity[""], named(wd.Code, label, wd.Name))
		for _, unit := range FormerUnits(wd) {
			// One choice per ward and former unit: a unit split between
			// wards (or a "Phường 1" of several districts) is ambiguous.
			label := fmt.Sprintf("%s (nay thuộc %s)", unit.Ward, wd.Name)
			if unit.District != "" {
				label = fmt.Sprintf("%s, %s (nay thuộc %s)", unit.Ward, unit.District, wd.Name)
			}
			c := choice{code: wd.Code, label: label, keys: []string{wordKey(unit.Ward)}}
			former[wd.CityCode] = append(former[wd.CityCode], c)
			former[""] = append(former[""], c)
		}
	}
	for city, list := range byCity {
		w.wards[city] = newChoices(list, true)
	}
	for city, list := range former {
		w.formerWards[city] = newChoices(list, true)
	}

	var occ []choice
	for _, o := range t.Occupations {
		occ = append(occ, named(o.Code, o.NameVI, append([]string{o.NameEN}, occupationWords[o.Code]...)...))
	}
	w.occupations = newChoices(occ, false)
	var ind []choice
	for _, x := range t.Industries {
		ind = append(ind, named(x.Code, x.NameVI, x.NameEN))
	}
	w.industries = newChoices(ind, false)
	return w
}

// FormerUnit is one unit a ward was formed from in 2025.
type FormerUnit struct {
	Ward     string // "Phường Đa Kao"
	District string // "Quận 1"
	Partly   bool   // only part of it went to this ward
}

// FormerUnits reads a ward's former_units ("Phường Tân Định, Quận 1,
// Thành phố Hồ Chí Minh; Phường Đa Kao (một phần), Quận 1, …").
func FormerUnits(w domain.Ward) []FormerUnit {
	var out []FormerUnit
	for _, part := range strings.Split(w.FormerUnits, ";") {
		fields := strings.Split(part, ",")
		name := strings.TrimSpace(fields[0])
		if name == "" {
			continue
		}
		u := FormerUnit{}
		if n, ok := strings.CutSuffix(name, "(một phần)"); ok {
			name, u.Partly = strings.TrimSpace(n), true
		}
		u.Ward = name
		if len(fields) > 1 {
			u.District = strings.TrimSpace(fields[1])
		}
		out = append(out, u)
	}
	return out
}
