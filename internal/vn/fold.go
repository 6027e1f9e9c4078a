// Package vn holds Vietnamese text rules: folding to ASCII, slugs, tax codes
// and the Vietnamese way of writing money and dates.
package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold removes diacritics and lower-cases s: "Cần Thơ" → "can tho".
// dStroke is built once: a Replacer compiles its table on first use, and
// Fold runs for every query and every indexed text.
var dStroke = strings.NewReplacer("đ", "d", "Đ", "D")

// đ/Đ are letters of their own, not a base letter with a mark, so they are
// mapped by hand before the combining marks are stripped.
func Fold(s string) string {
	s = dStroke.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		// transform only fails on invalid input it cannot decode; fall back
		// to the text as it came rather than losing it.
		out = s
	}
	return strings.ToLower(out)
}

// Slug turns a title into the ASCII path segment used in URLs:
// "Cần Thơ – Lao động" → "can-tho-lao-dong". It never returns "" for a
// non-empty title made only of symbols; callers get "muc" then.
func Slug(s string) string {
	folded := Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range folded {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
	}
	if out == "" && strings.TrimSpace(s) != "" {
		return "muc"
	}
	return out
}
