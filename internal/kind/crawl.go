package kind

import (
	"context"
	"strings"
	"unicode/utf8"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// Site is what describing an entry to machines needs besides the entry:
// the public base URL (absolute links) and the code tables (names).
type Site struct {
	BaseURL string // scheme and host, no trailing slash
	Codes   *codes.Tables
}

// URL is path made absolute.
func (s Site) URL(path string) string { return s.BaseURL + path }

// Card is an entry as a feed, a sitemap or a list of similar entries
// names it: its head, its path and a short summary.
type Card struct {
	Head
	Path    string
	Summary string
}

// summaryRunes bounds a summary: a meta description or a feed entry's.
const summaryRunes = 300

// shorten cuts text at a word near n runes, with an ellipsis, and makes
// it one line.
func shorten(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

func (k *Kind[T]) Summary(e any) string {
	if k.summary == nil {
		return ""
	}
	return shorten(k.summary(k.cast(e)), summaryRunes)
}

func (k *Kind[T]) Schema(site Site, e any) any {
	if k.schema == nil {
		return nil
	}
	return k.schema(site, k.cast(e))
}

// Cards reads the public entries ids names, in the order given; an id no
// longer public is left out.
func (k *Kind[T]) Cards(ctx context.Context, st *store.Store, ids []int64) ([]Card, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	entries, err := k.public(ctx, st, store.PublicSelection{IDs: ids})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*T, len(entries))
	for i := range entries {
		byID[k.meta(&entries[i]).ID] = &entries[i]
	}
	out := make([]Card, 0, len(ids))
	for _, id := range ids {
		e, ok := byID[id]
		if !ok {
			continue
		}
		h := k.head(e)
		out = append(out, Card{Head: h, Path: domain.EntryPath(k.typ.Name, id, h.Meta.Slug), Summary: k.Summary(e)})
	}
	return out, nil
}
