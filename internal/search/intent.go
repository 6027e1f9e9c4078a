package search

import (
	"regexp"
	"strconv"
	"strings"

	"hoptac/internal/vn"
)

// ApplyIntent reads intent the seeker typed into the words: a wage ("lương
// 10 triệu") becomes WageMin unless one is set, a leading "tuyển" or "tìm
// việc" the job type unless a type is chosen.
func (q *Query) ApplyIntent() {
	if q.WageMin == 0 {
		q.Q, q.WageMin = WageIntent(q.Q)
	}
	if q.Type == "" {
		var job bool
		if q.Q, job = JobIntent(q.Q); job {
			q.Type = "job"
		}
	}
}

// wageIntent finds "lương 10 triệu", "luong tu 8 trieu", "12tr" in a query.
var wageIntent = regexp.MustCompile(`(?:^|\s)(?:luong\s+)?(?:tu\s+|tren\s+)?(\d{1,3})(?:[.,](\d))?\s*(?:trieu|tr)(?:\s+dong)?(?:\s|$)`)

// WageIntent reads a monthly wage typed into the query and returns the
// query without it: "viec lam luong 10 trieu" → ("viec lam", 10000000).
// It returns the query unchanged and 0 when there is none.
func WageIntent(q string) (string, int64) {
	folded := vn.Fold(q)
	loc := wageIntent.FindStringSubmatchIndex(folded)
	if loc == nil {
		return q, 0
	}
	m := wageIntent.FindStringSubmatch(folded)
	millions, _ := strconv.ParseInt(m[1], 10, 64)
	tenth := int64(0)
	if m[2] != "" {
		tenth, _ = strconv.ParseInt(m[2], 10, 64)
	}
	wage := millions*1_000_000 + tenth*100_000
	// Cut the same words out of the original: work word by word, since
	// folding may change byte lengths.
	words := strings.Fields(q)
	foldedWords := strings.Fields(folded)
	matched := strings.Fields(folded[loc[0]:loc[1]])
	for i := 0; i+len(matched) <= len(foldedWords); i++ {
		if strings.Join(foldedWords[i:i+len(matched)], " ") == strings.Join(matched, " ") {
			rest := append(append([]string{}, words[:i]...), words[i+len(matched):]...)
			return strings.Join(rest, " "), wage
		}
	}
	return q, wage
}

// seekerWords open a query that asks for jobs: "tuyển kế toán", "tim viec
// ban hang". Meilisearch drops words from the end of a query that matches
// too little, and these are at the front, so they are taken out and turned
// into the job type instead.
var seekerWords = regexp.MustCompile(`^(?:can tuyen dung|can tuyen|tuyen dung|tuyen gap|tuyen|tim viec lam|tim viec|viec lam)(?:\s+|$)`)

// JobIntent returns the query without a leading job-seeker phrase and
// whether there was one.
func JobIntent(q string) (string, bool) {
	folded := vn.Fold(q)
	loc := seekerWords.FindStringIndex(folded)
	if loc == nil {
		return q, false
	}
	n := len(strings.Fields(folded[:loc[1]]))
	words := strings.Fields(q)
	if n > len(words) {
		return q, false
	}
	return strings.Join(words[n:], " "), true
}
