package domain

import "strconv"

// EntryType names one kind of entry: its name in the API and the search
// index, its public list path, and its labels in Vietnamese and English.
// What the portal does with each kind is in the registry (internal/kind).
type EntryType struct {
	Name    string // job, company, …
	Plural  string // the API collection: jobs, companies, …
	Path    string // the public list page
	LabelVI string
	LabelEN string
	// MenuVI is the word in the site's menu, shorter where the label is
	// long (the menu must fit a phone).
	MenuVI string
	// PathEN is the English mirror of Path (/en/…).
	PathEN string
}

// EntryTypes lists every entry type in the order pages show them.
var EntryTypes = []EntryType{
	{"job", "jobs", "/viec-lam", "Việc làm", "Jobs", "Việc làm", "/en/jobs"},
	{"company", "companies", "/doanh-nghiep", "Doanh nghiệp", "Employers", "Doanh nghiệp", "/en/employers"},
	{"school", "schools", "/truong-nghe", "Trường nghề", "Vocational schools", "Trường nghề", "/en/schools"},
	{"program", "programs", "/dao-tao", "Học nghề", "Training programmes", "Học nghề", "/en/training"},
	{"policy", "policies", "/chinh-sach", "Chính sách", "Policies", "Chính sách", "/en/policies"},
	{"project", "projects", "/du-an", "Dự án", "Projects", "Dự án", "/en/projects"},
	{"commitment", "commitments", "/hop-tac", "Nhiệm vụ hợp tác", "Cooperation tasks", "Chương trình hợp tác", "/en/cooperation"},
}

// TypeByName finds an entry type by its name.
func TypeByName(name string) (EntryType, bool) {
	for _, t := range EntryTypes {
		if t.Name == name {
			return t, true
		}
	}
	return EntryType{}, false
}

// EntryPath is the canonical path of an entry's page: /<list>/<id>-<slug>.
func EntryPath(typeName string, id int64, slug string) string {
	t, _ := TypeByName(typeName)
	p := t.Path + "/" + strconv.FormatInt(id, 10)
	if slug != "" {
		p += "-" + slug
	}
	return p
}
