package store

// EntryTables is every entry table, for tests that must cover each.
func EntryTables() []Table {
	out := make([]Table, len(entryTables))
	for i, t := range entryTables {
		out[i] = t.name
	}
	return out
}

// ForTable is forTable, for the statement check.
var ForTable = forTable

// SomeStatements are statements the statement check must find in the
// package's source: one list, one public list, an inline read, a read
// shared by every entry table, the search
// fallback, the status change and a statement of user.go.
var SomeStatements = []string{
	entryListSQL,
	publicEntryListSQL,
	`SELECT ` + companyColumns + ` FROM companies c ` + companyOpenJoin + ` WHERE c.tax_code = $1`,
	entryByIDSQL,
	entrySearchSQL,
	setStatusSQL,
	`SELECT ` + userColumns + ` FROM users ORDER BY role, email`,
}
