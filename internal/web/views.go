package web

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"text/template/parse"
)

// The layout every page is drawn in, and the folder of shared partials.
const (
	layoutName  = "layouts/main"
	partialsDir = "partials"
)

// views draws pages for Fiber. Each page is its own template set — the
// layout, every partial and the page — so a {{define}} in one page can never
// replace another page's. A page's file is the layout's "main" block; it
// may also {{define "title"}} or {{define "description"}}.
//
// Every set is parsed and escaped when the app starts, so a broken page, a
// call to a partial that does not exist or markup the escaper rejects stops
// start-up instead of failing a request.
type views struct {
	pages     map[string]*template.Template // by name: "jobs/list"
	fragments *template.Template            // the partials alone: "partials/search_results"
}

// newViews reads every .html file of files: layouts/main.html, the
// partials/ folder, and the pages (every other file).
func newViews(files fs.FS, funcs template.FuncMap) (*views, error) {
	var pageFiles, partialFiles []string
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		switch {
		case templateName(p) == layoutName:
		case strings.HasPrefix(p, partialsDir+"/"):
			partialFiles = append(partialFiles, p)
		default:
			pageFiles = append(pageFiles, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// The root is named after no file: New on an existing name would
	// replace it with a template without the functions.
	base := template.New("views").Funcs(funcs)
	if err := parseFile(base, files, layoutName+".html"); err != nil {
		return nil, err
	}
	for _, p := range partialFiles {
		if err := parseFile(base, files, p); err != nil {
			return nil, err
		}
	}

	v := &views{pages: make(map[string]*template.Template, len(pageFiles))}
	for _, p := range pageFiles {
		set, err := base.Clone()
		if err != nil {
			return nil, err
		}
		name := templateName(p)
		if err := parseFile(set, files, p); err != nil {
			return nil, err
		}
		if err := useAsMain(set, name); err != nil {
			return nil, err
		}
		v.pages[name] = set
	}
	if v.fragments, err = base.Clone(); err != nil {
		return nil, err
	}

	// Escape everything now: executing with no data stops at the first
	// field, but html/template escapes the whole set before it starts.
	for name, set := range v.pages {
		if err := checkEscaped(set, layoutName); err != nil {
			return nil, fmt.Errorf("page %s: %w", name, err)
		}
	}
	for _, t := range v.fragments.Templates() {
		if strings.HasPrefix(t.Name(), partialsDir+"/") {
			if err := checkEscaped(v.fragments, t.Name()); err != nil {
				return nil, fmt.Errorf("partial %s: %w", t.Name(), err)
			}
		}
	}
	return v, nil
}

// templateName is a file's template name: its path without ".html".
func templateName(file string) string {
	return strings.TrimSuffix(file, path.Ext(file))
}

func parseFile(set *template.Template, files fs.FS, file string) error {
	b, err := fs.ReadFile(files, file)
	if err != nil {
		return err
	}
	if _, err := set.New(templateName(file)).Parse(string(b)); err != nil {
		return fmt.Errorf("parse %s: %w", file, err)
	}
	return nil
}

// useAsMain makes the page's text the layout's main block, unless the page
// defines "main" itself (then it may hold nothing else).
func useAsMain(set *template.Template, name string) error {
	page := set.Lookup(name)
	if page == nil || page.Tree == nil {
		return fmt.Errorf("page %s: empty", name)
	}
	if !hasContent(page.Tree.Root) {
		return nil // the page defined "main" (or will show the layout alone)
	}
	if m := set.Lookup("main"); m != nil && m.Tree != nil && hasContent(m.Tree.Root) {
		return fmt.Errorf("page %s: text outside {{define}} and a {{define \"main\"}} too", name)
	}
	_, err := set.AddParseTree("main", page.Tree)
	return err
}

// hasContent tells whether a template's body is more than white space.
func hasContent(root *parse.ListNode) bool {
	if root == nil {
		return false
	}
	for _, n := range root.Nodes {
		if t, ok := n.(*parse.TextNode); ok && strings.TrimSpace(string(t.Text)) == "" {
			continue
		}
		return true
	}
	return false
}

// checkEscaped runs the escaper over a template and whatever it calls.
func checkEscaped(set *template.Template, name string) error {
	err := set.ExecuteTemplate(io.Discard, name, nil)
	var escErr *template.Error
	if errors.As(err, &escErr) {
		return err
	}
	return nil // an execution error on missing data is expected here
}

// Load is part of fiber.Views; newViews has loaded everything already.
func (v *views) Load() error { return nil }

// Render draws a page in the layout, or a partial alone (the search page
// sends its results as a fragment to update in place).
func (v *views) Render(w io.Writer, name string, data any, _ ...string) error {
	if set, ok := v.pages[name]; ok {
		return set.ExecuteTemplate(w, layoutName, data)
	}
	if strings.HasPrefix(name, partialsDir+"/") && v.fragments.Lookup(name) != nil {
		return v.fragments.ExecuteTemplate(w, name, data)
	}
	return fmt.Errorf("render: no page %q", name)
}
