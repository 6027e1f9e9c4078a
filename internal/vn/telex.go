package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Telex writes Vietnamese in the Telex typing form, keeping every mark as
// letters: "cộng" → "coongj", "Cần Thơ" → "caanf thow". Search indexes it
// beside the text so that a query typed with diacritics can prefer entries
// with exactly those words, while the folded text still finds everything.
func Telex(s string) string {
	var b strings.Builder
	var tone rune
	flush := func() {
		if tone != 0 {
			b.WriteRune(tone)
			tone = 0
		}
	}
	var prev rune // the base letter the next combining mark applies to
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch r {
		case '\u0302': // circumflex: â ê ô
			b.WriteRune(prev)
			continue
		case '\u0306': // breve: ă
			b.WriteRune('w')
			continue
		case '\u031B': // horn: ơ ư
			b.WriteRune('w')
			continue
		case '\u0301':
			tone = 's'
			continue
		case '\u0300':
			tone = 'f'
			continue
		case '\u0309':
			tone = 'r'
			continue
		case '\u0303':
			tone = 'x'
			continue
		case '\u0323':
			tone = 'j'
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'đ' {
			b.WriteString("dd")
			prev = 'd'
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush() // the tone letter closes its word
		}
		b.WriteRune(r)
		prev = r
	}
	flush()
	return b.String()
}

// HasDiacritics tells whether s carries any Vietnamese mark (or đ).
func HasDiacritics(s string) bool {
	return Fold(s) != strings.ToLower(s)
}
