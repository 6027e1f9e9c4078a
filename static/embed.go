// Package static holds the CSS, scripts and images served under /static,
// embedded beside them.
package static

import "embed"

// FS holds the static files; their paths start at this folder.
//
//go:embed css js img
var FS embed.FS
