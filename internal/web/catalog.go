package web

import "hoptac/internal/codes"

// Catalog is the code tables, read once (codes.Load) and shared with the
// importer and the search documents.
type Catalog = codes.Tables
