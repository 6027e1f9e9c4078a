package search

import (
	"slices"
	"strings"
	"sync"

	"hoptac/internal/domain"
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

// pairJoint joins two neighbouring words into one lexeme, as
// search_pairs (migration 00026) writes them into the document: a phrase
// is asked as its pairs, which the GIN index answers without reading
// documents. Vietnamese has no z, so a pair cannot pass for a syllable.
const pairJoint = "z"

// tsPhrase writes words that must stand side by side: one word as itself,
// more as the conjunction of their pairs.
func tsPhrase(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	pairs := make([]string, len(words)-1)
	for i := range pairs {
		pairs[i] = words[i] + pairJoint + words[i+1]
	}
	if len(pairs) == 1 {
		return pairs[0]
	}
	return "(" + strings.Join(pairs, " & ") + ")"
}

// tsGroup is one word of the query, or a synonym phrase with its
// expansions, each as its words.
type tsGroup struct {
	alts   [][]string
	prefix bool // the query's last plain word: a prefix, as Meilisearch treats it
}

// tsGroups splits a query into its words and synonym phrases, longest
// phrase first.
func tsGroups(q string) []tsGroup {
	words := foldTokens(q)
	if len(words) > maxTSWords {
		words = words[:maxTSWords]
	}
	syn := synonymsFolded()
	var groups []tsGroup
	for i := 0; i < len(words); {
		n := 0
		for l := min(longestSynonym, len(words)-i); l > 0; l-- {
			if _, ok := syn[strings.Join(words[i:i+l], " ")]; ok {
				n = l
				break
			}
		}
		if n == 0 {
			groups = append(groups, tsGroup{alts: [][]string{{words[i]}}, prefix: i == len(words)-1})
			i++
			continue
		}
		key := strings.Join(words[i:i+n], " ")
		groups = append(groups, tsGroup{alts: append([][]string{words[i : i+n]}, syn[key]...)})
		i += n
	}
	return groups
}

// TSQuery turns a query into to_tsquery('simple', …) syntax: one group per
// word or synonym phrase, each group the phrase OR its synonyms, groups
// joined with & (every word) or | (any word). Only [a-z0-9] words and
// operators are written, so no input can inject tsquery syntax. "" means
// no words.
func TSQuery(q string, every bool) string {
	op := " & "
	if !every {
		op = " | "
	}
	return strings.Join(tsTerms(q), op)
}

// TSQueryAllButOne asks for every word but one, whichever: what a query
// with one mistyped word still finds ("nhan vein ban hang" → the entries
// with nhan, ban and hang), far fewer than any word would. "" when the
// query has fewer than three words (one of two is any word).
func TSQueryAllButOne(q string) string {
	terms := tsTerms(q)
	if len(terms) < 3 {
		return ""
	}
	alts := make([]string, len(terms))
	for i := range terms {
		rest := append(slices.Clone(terms[:i]), terms[i+1:]...)
		alts[i] = "(" + strings.Join(rest, " & ") + ")"
	}
	return strings.Join(alts, " | ")
}

// typeWords are the folded names of the entry types ("viec lam", "jobs",
// "doanh nghiep", "employers" …). Meilisearch's documents carry their
// type's labels, so such a word matches every entry of the type there;
// search_docs holds no labels, so the fallback does not require them
// ("garment jobs" asks for garment).
var typeWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, t := range domain.EntryTypes {
		for _, name := range []string{t.Name, t.Plural, t.LabelVI, t.LabelEN, t.MenuVI} {
			out[strings.Join(foldTokens(name), " ")] = true
		}
	}
	return out
})

// namesAType tells whether a group is only a type's name, as typed or by
// one of its synonyms.
func (g tsGroup) namesAType() bool {
	for _, a := range g.alts {
		if typeWords()[strings.Join(a, " ")] {
			return true
		}
	}
	return false
}

// tsTerms writes each group of the query as a tsquery term, but for the
// groups that only name a type (typeWords).
func tsTerms(q string) []string {
	var out []string
	for _, g := range tsGroups(q) {
		if !g.prefix && g.namesAType() {
			continue
		}
		if g.prefix {
			out = append(out, g.alts[0][0]+":*")
			continue
		}
		alts := make([]string, len(g.alts))
		for i, a := range g.alts {
			alts[i] = tsPhrase(a)
		}
		if len(alts) == 1 {
			out = append(out, alts[0])
		} else {
			out = append(out, "("+strings.Join(alts, " | ")+")")
		}
	}
	return out
}

// RankTSQuery is every word of the query and of its synonyms, any of them:
// what the rank counts in an entry's title and organisation (head_doc,
// which holds words, not pairs).
func RankTSQuery(q string) string {
	var out []string
	seen := map[string]bool{}
	for _, g := range tsGroups(q) {
		for _, a := range g.alts {
			for _, w := range a {
				if g.prefix {
					w += ":*"
				}
				if !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	return strings.Join(out, " | ")
}
