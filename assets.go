// Package hoptac exports the files embedded in the binary: //go:embed cannot
// reach parent folders, so this file at the module root holds them for the
// packages under internal/.
package hoptac

import "embed"

// Migrations holds the SQL migrations applied by `hoptac migrate`.
//
//go:embed migrations/*.sql
var Migrations embed.FS

// Templates holds the html/template files of every page.
//
//go:embed templates
var Templates embed.FS

// Static holds the CSS, scripts and images served under /static.
//
//go:embed static
var Static embed.FS
