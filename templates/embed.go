// Package templates holds the html/template files of every page, embedded
// beside them.
package templates

import "embed"

// FS holds the page templates; their paths start at this folder.
//
//go:embed *.html */*.html
var FS embed.FS
