package web

import "hoptac/internal/kind"

// formField is one field of a back-office form; each kind lists its own
// (kind.Entry.Fields).
type formField = kind.Field
