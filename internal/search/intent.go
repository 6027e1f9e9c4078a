package search

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/vn"
)

// Understood is one piece of intent read from the words: the page shows
// its Label ("Đã hiểu: Không cần kinh nghiệm ✕"), and Rule, sent back as
// skip=Rule, undoes it (the words are then searched as words).
type Understood struct {
	Rule  string `json:"rule"`
	Label string `json:"label"`
}

// intentRule is one phrase people type for something the filters model.
// Its phrase leaves the query and becomes a filter on jobs only (other
// types still show), or, for learning, the program type; every rule the
// query used is listed in Query.Understood, so none is a silent filter.
type intentRule struct {
	rule, label string
	// phrase is matched on the folded words, whole words only.
	phrase *regexp.Regexp
	// applies tells whether the rule may set what it sets.
	applies func(*Query) bool
	apply   func(*Query)
}

func phrase(alternatives string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|\s)(?:` + alternatives + `)(?:\s|$)`)
}

var intentRules = []intentRule{
	{rule: "experience", label: "Không cần kinh nghiệm",
		phrase:  phrase(`khong can kinh nghiem|khong yeu cau kinh nghiem|khong doi hoi kinh nghiem|chua co kinh nghiem|chua can kinh nghiem|no experience( required)?|no experience needed`),
		applies: func(q *Query) bool { return !q.NoExperience },
		apply:   func(q *Query) { q.NoExperience = true }},
	{rule: "part_time", label: domain.EmploymentTypes.Label("part_time"),
		phrase:  phrase(`ban thoi gian|lam ban thoi gian|part time|parttime|part-time`),
		applies: func(q *Query) bool { return q.Employment == "" },
		apply:   func(q *Query) { q.Employment = "part_time" }},
	{rule: "seasonal", label: domain.EmploymentTypes.Label("seasonal"),
		phrase:  phrase(`thoi vu|lam thoi vu|dip tet|mua tet|lam tet|seasonal`),
		applies: func(q *Query) bool { return q.Employment == "" },
		apply:   func(q *Query) { q.Employment = "seasonal" }},
	{rule: "disabled", label: "Ưu tiên " + strings.ToLower(domain.PriorityGroups.Label("disabled")),
		phrase:  phrase(`nguoi khuyet tat|khuyet tat|nguoi tan tat|disabled|disability`),
		applies: func(q *Query) bool { return q.Priority == "" },
		apply:   func(q *Query) { q.Priority = "disabled" }},
	{rule: "veteran", label: "Ưu tiên " + strings.ToLower(domain.PriorityGroups.Label("veteran")),
		phrase:  phrase(`bo doi xuat ngu|quan nhan xuat ngu|xuat ngu|veteran|veterans`),
		applies: func(q *Query) bool { return q.Priority == "" },
		apply:   func(q *Query) { q.Priority = "veteran" }},
}

// IsIntentRule tells whether name is a rule ApplyIntent may apply (the
// values skip= accepts).
func IsIntentRule(name string) bool {
	switch name {
	case "wage", "job", "learn":
		return true
	}
	return slices.ContainsFunc(intentRules, func(r intentRule) bool { return r.rule == name })
}

// learnWords open a query that asks to learn a trade: "học hàn", "muốn
// học nấu ăn", "khóa tin học". Programs are what such a seeker wants.
var learnWords = regexp.MustCompile(`^(?:toi muon hoc|muon hoc|can hoc|dang ky hoc|hoc nghe|khoa hoc|hoc|khoa)(?:\s+|$)`)

// fillers are words a sentence needs and an entry does not: "ở", "tại"
// (with their accents only: folded, "o" is also "ô" of "ô tô").
var fillers = map[string]bool{"ở": true, "tại": true, "Ở": true, "Tại": true, "cho": true, "dành": true}

// learnCompounds start with "học" and are not about learning a trade:
// học viên, học sinh, học bổng, học phí, học kỳ, học viện.
var learnCompounds = regexp.MustCompile(`^hoc (?:vien|sinh|bong|phi|ky|ba)(?:\s|$)`)

// placeWords open a place name: before one, an unaccented "o" or "tai" is
// "ở", "tại" ("hoc han o quan 7"), not the "ô" of "ô tô".
var placeWords = map[string]bool{"quan": true, "huyen": true, "phuong": true, "xa": true, "tp": true,
	"thanh": true, "tinh": true, "khu": true, "kcn": true, "can": true, "sai": true, "ho": true, "hcm": true}

// dropFillers removes "ở", "tại" and "cho", and "o"/"tai" before a place.
func dropFillers(q string) string {
	words := strings.Fields(q)
	kept := make([]string, 0, len(words))
	for i, w := range words {
		f := vn.Fold(w)
		beforePlace := i+1 < len(words) && (placeWords[vn.Fold(words[i+1])] || qDistrict.MatchString(vn.Fold(words[i+1])))
		if fillers[w] || (f == "o" || f == "tai") && beforePlace {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

var qDistrict = regexp.MustCompile(`^q\d{1,2}$`)

// ApplyIntent reads intent the seeker typed into the words: a wage ("lương
// 10 triệu") becomes WageMin unless one is set, a leading "tuyển" or "tìm
// việc" the job type, "học …" the program type, and the phrases of
// intentRules their filters. Rules named in Skip are left as words. Each
// one applied is listed in Understood.
func (q *Query) ApplyIntent() {
	q.Understood = nil
	skip := func(rule string) bool { return slices.Contains(q.Skip, rule) }
	if q.WageMin == 0 && !skip("wage") {
		var wage int64
		if q.Q, wage = WageIntent(q.Q); wage > 0 {
			q.WageMin = wage
			q.Understood = append(q.Understood, Understood{"wage", "Lương từ " + vn.Money(wage)})
		}
	}
	for _, r := range intentRules {
		if skip(r.rule) || !r.applies(q) {
			continue
		}
		if rest, ok := cutPhrase(q.Q, r.phrase); ok {
			// "thời vụ dịp Tết": every phrase of the rule goes.
			for more := true; more; rest, more = cutPhrase(rest, r.phrase) {
				q.Q = rest
			}
			r.apply(q)
			q.Understood = append(q.Understood, Understood{r.rule, r.label})
		}
	}
	if q.Type == "" && !skip("job") {
		var job bool
		if q.Q, job = JobIntent(q.Q); job {
			q.Type = "job"
			q.Understood = append(q.Understood, Understood{"job", "Tìm việc làm"})
		}
	}
	if q.Type == "" && !skip("learn") && !learnCompounds.MatchString(vn.Fold(q.Q)) {
		if rest, ok := cutPhrase(q.Q, learnWords); ok && rest != "" {
			q.Q, q.Type = rest, "program"
			q.Understood = append(q.Understood, Understood{"learn", "Muốn học nghề: xem ngành đào tạo"})
		}
	}
	if q.Type == "program" || q.NoExperience || q.Employment != "" || q.Priority != "" {
		q.Q = dropFillers(q.Q)
	}
}

// cutPhrase finds re in the folded words of q and returns q without the
// words it matched. Folding may change byte lengths, so the cut is made
// word by word.
func cutPhrase(q string, re *regexp.Regexp) (string, bool) {
	words := strings.Fields(q)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = vn.Fold(w)
	}
	joined := strings.Join(folded, " ")
	loc := re.FindStringIndex(joined)
	if loc == nil {
		return q, false
	}
	first := len(strings.Fields(joined[:loc[0]]))
	n := len(strings.Fields(joined[loc[0]:loc[1]]))
	if first+n > len(words) {
		return q, false
	}
	rest := append(append([]string{}, words[:first]...), words[first+n:]...)
	return strings.Join(rest, " "), true
}

// wageIntent finds "lương 10 triệu", "luong tu 8 trieu", "12tr" in a query.
var wageIntent = regexp.MustCompile(`(?:^|\s)(?:luong\s+)?(?:tu\s+|tren\s+)?(\d{1,3})(?:[.,](\d))?\s*(?:trieu|tr)(?:\s+dong)?(?:\s|$)`)

// WageIntent reads a monthly wage typed into the query and returns the
// query without it: "viec lam luong 10 trieu" → ("viec lam", 10000000).
// It returns the query unchanged and 0 when there is none.
func WageIntent(q string) (string, int64) {
	m := wageIntent.FindStringSubmatch(vn.Fold(q))
	if m == nil {
		return q, 0
	}
	millions, _ := strconv.ParseInt(m[1], 10, 64)
	tenth := int64(0)
	if m[2] != "" {
		tenth, _ = strconv.ParseInt(m[2], 10, 64)
	}
	rest, _ := cutPhrase(q, wageIntent)
	return rest, millions*1_000_000 + tenth*100_000
}

// seekerWords open a query that asks for jobs: "tuyển kế toán", "tim viec
// ban hang". Meilisearch drops words from the end of a query that matches
// too little, and these are at the front, so they are taken out and turned
// into the job type instead.
var seekerWords = regexp.MustCompile(`^(?:can tuyen dung|can tuyen|tuyen dung|tuyen gap|tuyen|tim viec lam|tim viec|viec lam)(?:\s+|$)`)

// JobIntent returns the query without a leading job-seeker phrase and
// whether there was one.
func JobIntent(q string) (string, bool) {
	return cutPhrase(q, seekerWords)
}
