package search

import (
	"slices"
	"testing"
)

func TestWageIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		wantRest string
		wantWage int64
	}{
		{"viec lam luong 10 trieu", "viec lam", 10_000_000},
		{"việc làm lương 10 triệu", "việc làm", 10_000_000},
		{"cong nhan may 8tr", "cong nhan may", 8_000_000},
		{"ke toan luong tu 12,5 trieu", "ke toan", 12_500_000},
		{"lai xe tren 15 tr dong", "lai xe", 15_000_000},
		{"cong nhan may binh tan", "cong nhan may binh tan", 0},
		{"quan 7", "quan 7", 0},
	}
	for _, tt := range tests {
		rest, wage := WageIntent(tt.in)
		if rest != tt.wantRest || wage != tt.wantWage {
			t.Errorf("WageIntent(%q) = %q, %d; want %q, %d", tt.in, rest, wage, tt.wantRest, tt.wantWage)
		}
	}
}

func TestJobIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		job      bool
	}{
		{"tuyển kế toán", "kế toán", true},
		{"Tuyển dụng lái xe", "lái xe", true},
		{"tim viec ban hang", "ban hang", true},
		{"viec lam", "", true},
		{"việc làm cần thơ", "cần thơ", true},
		{"ke toan", "ke toan", false},
		{"tuyensinh cao dang", "tuyensinh cao dang", false},
	}
	for _, tt := range tests {
		got, job := JobIntent(tt.in)
		if got != tt.want || job != tt.job {
			t.Errorf("JobIntent(%q) = %q, %v; want %q, %v", tt.in, got, job, tt.want, tt.job)
		}
	}
}

// TestIntentRules: each rule turns its phrase, with or without accents,
// into its filter, says so in Understood, and leaves the rest as words;
// skip=rule leaves the phrase as words.
func TestIntentRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, rest string
		rule     string
		check    func(Query) bool
	}{
		{"phụ bếp không cần kinh nghiệm", "phụ bếp", "experience", func(q Query) bool { return q.NoExperience }},
		{"bao ve khong yeu cau kinh nghiem", "bao ve", "experience", func(q Query) bool { return q.NoExperience }},
		{"bán thời gian sinh viên", "sinh viên", "part_time", func(q Query) bool { return q.Employment == "part_time" }},
		{"phuc vu part time", "phuc vu", "part_time", func(q Query) bool { return q.Employment == "part_time" }},
		{"việc thời vụ", "việc", "seasonal", func(q Query) bool { return q.Employment == "seasonal" }},
		{"dong goi dip tet", "dong goi", "seasonal", func(q Query) bool { return q.Employment == "seasonal" }},
		{"việc làm cho người khuyết tật", "", "disabled", func(q Query) bool { return q.Priority == "disabled" && q.Type == "job" }},
		{"bo doi xuat ngu lai xe", "lai xe", "veteran", func(q Query) bool { return q.Priority == "veteran" }},
		{"học hàn ở quận 7", "hàn quận 7", "learn", func(q Query) bool { return q.Type == "program" }},
		{"muon hoc nau an can tho", "nau an can tho", "learn", func(q Query) bool { return q.Type == "program" }},
		{"khóa tin học văn phòng", "tin học văn phòng", "learn", func(q Query) bool { return q.Type == "program" }},
		{"ke toan luong 10 trieu", "ke toan", "wage", func(q Query) bool { return q.WageMin == 10_000_000 }},
		{"tuyển kế toán", "kế toán", "job", func(q Query) bool { return q.Type == "job" }},
	}
	for _, tt := range tests {
		q := Query{Q: tt.in}
		q.ApplyIntent()
		var rules []string
		for _, u := range q.Understood {
			rules = append(rules, u.Rule)
			if u.Label == "" {
				t.Errorf("%q: rule %s has no label", tt.in, u.Rule)
			}
		}
		if q.Q != tt.rest || !tt.check(q) || !slices.Contains(rules, tt.rule) {
			t.Errorf("ApplyIntent(%q) = %q %+v, understood %v; want %q and rule %s", tt.in, q.Q, q, rules, tt.rest, tt.rule)
		}
		undo := Query{Q: tt.in, Skip: []string{tt.rule}}
		undo.ApplyIntent()
		for _, u := range undo.Understood {
			if u.Rule == tt.rule {
				t.Errorf("%q with skip=%s still applied it", tt.in, tt.rule)
			}
		}
	}
	// Words that only look like a rule stay words.
	for _, in := range []string{"thoi trang", "hoc vien", "học phí cao đẳng", "ky thuat vien", "ban hang"} {
		q := Query{Q: in}
		q.ApplyIntent()
		if q.Q != in || len(q.Understood) != 0 {
			t.Errorf("ApplyIntent(%q) = %q, understood %v; want nothing", in, q.Q, q.Understood)
		}
	}
}
