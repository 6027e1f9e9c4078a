package web

import (
	"regexp"
	"strings"

	"hoptac/internal/domain"
)

// contactLink is a phone number or an email address found in a contact
// text; Target is what follows tel: or mailto: (the template writes the
// scheme: html/template lets no tel: URL through from data).
type contactLink struct{ Text, Target string }

// applyBox is the "Cách ứng tuyển" box at the top of a job's page: who to
// ask, where to go, and one-tap links to call or write.
type applyBox struct {
	Who, Where     string
	Phones, Emails []contactLink
}

var (
	// Vietnamese numbers as people write them: 0909 123 456, 028.3823.4567,
	// +84 909 123 456 (10 or 11 digits with spaces or dots between).
	phonePattern = regexp.MustCompile(`(?:\+84|0)\d{1,3}(?:[ .]?\d){6,8}`)
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
)

// howToApply reads the job's contact text, falling back on the employer's
// phone and email, which are public on its page too.
func howToApply(j domain.Job, co domain.Company) applyBox {
	var b applyBox
	seen := map[string]bool{}
	addPhone := func(text string) {
		digits := strings.NewReplacer(" ", "", ".", "").Replace(text)
		if digits == "" || seen[digits] {
			return
		}
		seen[digits] = true
		b.Phones = append(b.Phones, contactLink{Text: text, Target: digits})
	}
	addEmail := func(text string) {
		text = strings.TrimRight(text, ".")
		if text == "" || seen[strings.ToLower(text)] {
			return
		}
		seen[strings.ToLower(text)] = true
		b.Emails = append(b.Emails, contactLink{Text: text, Target: text})
	}
	for _, m := range phonePattern.FindAllString(j.Contact, 3) {
		addPhone(m)
	}
	for _, m := range emailPattern.FindAllString(j.Contact, 2) {
		addEmail(m)
	}
	if len(b.Phones) == 0 {
		addPhone(co.Phone)
	}
	if len(b.Emails) == 0 {
		addEmail(co.Email)
	}
	// The person or office is the contact text's first clause.
	if who, _, _ := strings.Cut(j.Contact, ","); strings.TrimSpace(who) != "" && !phonePattern.MatchString(who) {
		b.Who = strings.TrimSpace(who)
	}
	b.Where = j.WorkAddress
	if j.WardName != "" && b.Where != "" {
		b.Where += ", " + j.WardName
	}
	return b
}

// bullets splits text written as lines ("- a\n- b", "• a", "+ a") into its
// items; text on one line is one item.
func bullets(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		for _, mark := range []string{"- ", "– ", "• ", "+ ", "* "} {
			line = strings.TrimPrefix(line, mark)
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// withL pairs a value with the page's language for a partial whose dot
// is not the page's data: {{template "partials/provenance" (withL $.L .Meta)}}.
func withL(l *loc, x any) struct {
	L *loc
	X any
} {
	return struct {
		L *loc
		X any
	}{l, x}
}
