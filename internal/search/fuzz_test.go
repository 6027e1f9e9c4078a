package search_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"hoptac/internal/search"
)

// FuzzQueryParse runs any text through what the search form does with it
// (normalise, read intent, build the filter): no panic, no negative wage,
// text stays valid UTF-8, and a query without codes always has a filter.
func FuzzQueryParse(f *testing.F) {
	for _, seed := range []string{"cong nhan may", "lương 10 triệu", "luong tu 8,5 tr", "tuyển", "tìm việc làm 999tr",
		"\xff", "\xc3", "a\x00b", "không cần kinh nghiệm bán thời gian", "học hàn ở quận 7", "  ", "12tr12tr 1.5trieu"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := search.Query{Q: text}
		q.Normalize()
		q.ApplyIntent()
		if q.WageMin < 0 {
			t.Errorf("%q: wage %d", text, q.WageMin)
		}
		if utf8.ValidString(text) && !utf8.ValidString(q.Q) {
			t.Errorf("%q: query became %q, not UTF-8", text, q.Q)
		}
		if q.Type != "" && q.Type != "job" && q.Type != "program" {
			t.Errorf("%q: type %q", text, q.Type)
		}
		if _, err := q.Filter(true); err != nil {
			t.Errorf("%q: Filter = %v", text, err)
		}
		// The fallback's tsquery is made of folded words and operators only.
		for _, every := range []bool{true, false} {
			tsq := search.TSQuery(text, every)
			if strings.Trim(tsq, "abcdefghijklmnopqrstuvwxyz0123456789 :*&|()<->") != "" || strings.Contains(tsq, "&&") {
				t.Errorf("%q: tsquery %q", text, tsq)
			}
		}
	})
}
