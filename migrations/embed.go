// Package migrations holds the SQL migrations, embedded beside them so no
// package imports the module root.
package migrations

import "embed"

// FS holds the *.sql files applied by `hoptac migrate`, at its root.
//
//go:embed *.sql
var FS embed.FS
