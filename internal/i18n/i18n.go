// Package i18n holds the portal's interface text in Vietnamese and English
// (locales/*.json, one flat map of message id → text per language) and
// looks it up with go-i18n. Entry content is not translated: officials
// write it in Vietnamese.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The languages of the portal; Vietnamese is the default.
const (
	VI = "vi"
	EN = "en"
)

// Langs lists every language, default first.
var Langs = []string{VI, EN}

//go:embed locales/*.json
var files embed.FS

var (
	bundle     *i18n.Bundle
	localizers = map[string]*i18n.Localizer{}
)

func init() {
	bundle = i18n.NewBundle(language.Vietnamese)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, l := range Langs {
		if _, err := bundle.LoadMessageFileFS(files, "locales/"+l+".json"); err != nil {
			panic(fmt.Sprintf("i18n: %v", err)) // embedded: a broken file fails every test
		}
		localizers[l] = i18n.NewLocalizer(bundle, l)
	}
}

// T is the text of message id in lang, with {{.Name}} placeholders filled
// from name/value pairs. A missing message shows its id (the catalogue test
// makes that impossible for ids the code uses).
func T(lang, id string, pairs ...any) string {
	lz, ok := localizers[lang]
	if !ok {
		lz = localizers[VI]
	}
	var data map[string]any
	if len(pairs) > 0 {
		data = make(map[string]any, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			k, _ := pairs[i].(string)
			data[k] = pairs[i+1]
		}
	}
	s, err := lz.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil || s == "" {
		return id
	}
	return s
}

// Has tells whether lang has its own text for id.
func Has(lang, id string) bool {
	m, err := read(lang)
	if err != nil {
		return false
	}
	return m[id] != ""
}

// IDs lists the message ids of lang's file, sorted.
func IDs(lang string) ([]string, error) {
	m, err := read(lang)
	if err != nil {
		return nil, err
	}
	return slices.Sorted(maps.Keys(m)), nil
}

// Messages is lang's file as id → text.
func Messages(lang string) (map[string]string, error) { return read(lang) }

func read(lang string) (map[string]string, error) {
	b, err := files.ReadFile("locales/" + lang + ".json")
	if err != nil {
		return nil, err
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("locales/%s.json: %w", lang, err)
	}
	return m, nil
}
