package search

import (
	"strings"
	"sync"

	"hoptac/internal/vn"
)

// The PostgreSQL fallback searches search_docs.doc, a tsvector of the
// folded text (migration 00022: lower case, no diacritics, letters and
// digits). TSQuery writes the query in the same folding, with the same
// synonyms Meilisearch uses, so both paths understand the same words.

// foldTokens folds text as search_fold does in PostgreSQL and splits it
// into its words.
func foldTokens(s string) []string {
	return strings.FieldsFunc(vn.Fold(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
}

var (
	foldedSynonymsOnce sync.Once
	foldedSynonyms     map[string][][]string // folded key phrase → expansions, each as words
	longestSynonym     int
)

func synonymsFolded() map[string][][]string {
	foldedSynonymsOnce.Do(func() {
		foldedSynonyms = map[string][][]string{}
		t, err := LoadSynonyms()
		if err != nil {
			return // the engine refuses to start on a bad table; here: no synonyms
		}
		for key, exps := range t.Map() {
			k := strings.Join(foldTokens(key), " ")
			longestSynonym = max(longestSynonym, len(strings.Fields(k)))
			for _, e := range exps {
				if words := foldTokens(e); len(words) > 0 {
					foldedSynonyms[k] = append(foldedSynonyms[k], words)
				}
			}
		}
	})
	return foldedSynonyms
}

// maxTSWords bounds the words of one tsquery (the text is bounded too).
const maxTSWords = 16

// TSQuery turns a query into to_tsquery('simple', …) syntax: one group per
// word or synonym phrase, each group the phrase OR its synonyms, groups
// joined with & (every word) or | (any word). The last plain word is a
// prefix, as Meilisearch treats it. Only [a-z0-9] words and operators are
// written, so no input can inject tsquery syntax. "" means no words.
func TSQuery(q string, every bool) string {
	words := foldTokens(q)
	if len(words) > maxTSWords {
		words = words[:maxTSWords]
	}
	syn := synonymsFolded()
	var groups []string
	for i := 0; i < len(words); {
		n := 0
		for l := min(longestSynonym, len(words)-i); l > 0; l-- {
			if _, ok := syn[strings.Join(words[i:i+l], " ")]; ok {
				n = l
				break
			}
		}
		if n == 0 {
			w := words[i]
			if i == len(words)-1 {
				w += ":*"
			}
			groups = append(groups, w)
			i++
			continue
		}
		alts := []string{strings.Join(words[i:i+n], " <-> ")}
		for _, e := range syn[strings.Join(words[i:i+n], " ")] {
			alts = append(alts, strings.Join(e, " <-> "))
		}
		groups = append(groups, "("+strings.Join(alts, " | ")+")")
		i += n
	}
	op := " & "
	if !every {
		op = " | "
	}
	return strings.Join(groups, op)
}
