package kind

import (
	"maps"
	"sort"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
)

// Code is one value of a code list with its labels.
type Code struct {
	Code string `json:"code"`
	VI   string `json:"vi"`
	EN   string `json:"en"`
}

// CodeList is a list the API and the downloads name codes from: the
// database's tables (cities, wards, VSIC, VSCO, departments) and the fixed
// lists of domain, with English labels.
type CodeList struct {
	Name string // in /api/v1/codes/{name}
	Doc  string // what it lists, in Vietnamese
	// Codes lists its values; c gives the database's tables.
	Codes func(c *codes.Tables) []Code
}

// fixedList is a domain list with its English labels (by code).
func fixedList(name, doc string, o domain.Options, en map[string]string) CodeList {
	return CodeList{Name: name, Doc: doc, Codes: func(*codes.Tables) []Code {
		out := make([]Code, len(o))
		for i, x := range o {
			out[i] = Code{Code: x.Code, VI: x.Label, EN: en[x.Code]}
		}
		return out
	}}
}

// CodeLists are every code list, by name (sorted by CodeListNames).
var CodeLists = map[string]CodeList{
	"cities": {Name: "cities", Doc: "Thành phố (và “both”: cả hai thành phố).", Codes: func(c *codes.Tables) []Code {
		out := make([]Code, 0, len(c.Cities)+1)
		for _, x := range c.Cities {
			out = append(out, Code{Code: x.Code, VI: x.NameVI, EN: x.NameEN})
		}
		return append(out, Code{Code: domain.Both, VI: "Cả hai thành phố", EN: "Both cities"})
	}},
	"wards": {Name: "wards", Doc: "Phường, xã, đặc khu sau sắp xếp năm 2025 (tên riêng, giống nhau trong hai thứ tiếng).", Codes: func(c *codes.Tables) []Code {
		out := make([]Code, len(c.Wards))
		for i, x := range c.Wards {
			out[i] = Code{Code: x.Code, VI: x.Name, EN: x.Name}
		}
		return out
	}},
	"industries": {Name: "industries", Doc: "Ngành kinh tế (VSIC 2018, cấp 1).", Codes: func(c *codes.Tables) []Code {
		return classifications(c.Industries)
	}},
	"occupations": {Name: "occupations", Doc: "Nhóm nghề (VSCO 2020, nhóm lớn).", Codes: func(c *codes.Tables) []Code {
		return classifications(c.Occupations)
	}},
	"departments": {Name: "departments", Doc: "Cơ quan công bố.", Codes: func(c *codes.Tables) []Code {
		out := make([]Code, len(c.Departments))
		for i, x := range c.Departments {
			out[i] = Code{Code: x.Code, VI: x.NameVI, EN: x.NameEN}
		}
		return out
	}},
	"education": fixedList("education", "Trình độ học vấn, chuyên môn.", domain.EducationLevels, map[string]string{
		"none": "No requirement", "lower_secondary": "Lower secondary school", "upper_secondary": "Upper secondary school",
		"so_cap": "Elementary vocational certificate", "trung_cap": "Intermediate vocational diploma",
		"cao_dang": "College diploma", "university": "University degree"}),
	"employment_types": fixedList("employment_types", "Hình thức làm việc.", domain.EmploymentTypes, map[string]string{
		"full_time": "Full-time", "part_time": "Part-time", "seasonal": "Seasonal", "contract": "Fixed-term contract"}),
	"priority_groups": fixedList("priority_groups", "Nhóm được ưu tiên tuyển.", domain.PriorityGroups, map[string]string{
		"meritorious": "People with meritorious service", "disabled": "People with disabilities",
		"veteran": "Demobilised soldiers", "poor_household": "Poor and near-poor households"}),
	"policy_kinds": fixedList("policy_kinds", "Loại văn bản.", domain.PolicyKinds, map[string]string{
		"program": "Cooperation programme", "policy": "Policy", "guidance": "Guidance", "announcement": "Announcement"}),
	"policy_fields": fixedList("policy_fields", "Lĩnh vực.", domain.PolicyFields, map[string]string{
		"labour": "Labour", "employment": "Employment", "vocational": "Vocational education",
		"meritorious": "Meritorious people", "social": "Social protection"}),
	"school_kinds": fixedList("school_kinds", "Loại hình cơ sở giáo dục nghề nghiệp.", domain.SchoolKinds, map[string]string{
		"cao_dang": "College", "trung_cap": "Intermediate school", "trung_tam": "Vocational education centre", "other": "Other institution"}),
	"ownerships": fixedList("ownerships", "Hình thức sở hữu.", domain.Ownerships, map[string]string{
		"public": "Public", "private": "Private", "foreign": "Foreign-invested"}),
	"program_levels": fixedList("program_levels", "Trình độ đào tạo.", domain.ProgramLevels, map[string]string{
		"so_cap": "Elementary", "trung_cap": "Intermediate", "cao_dang": "College"}),
	"study_modes": fixedList("study_modes", "Hình thức đào tạo.", domain.StudyModes, map[string]string{
		"full_time": "Full-time", "work_study": "Work and study", "online": "Online"}),
	"project_kinds": fixedList("project_kinds", "Loại dự án.", domain.ProjectKinds, map[string]string{
		"investment": "Investment", "training": "Training", "employment": "Employment",
		"social_security": "Social security", "ngo": "Non-governmental organisation"}),
	"project_stages": fixedList("project_stages", "Giai đoạn dự án.", domain.ProjectStages, map[string]string{
		"proposed": "Proposed", "seeking_partners": "Seeking partners", "ongoing": "Ongoing", "completed": "Completed"}),
	"progresses": fixedList("progresses", "Tiến độ nhiệm vụ.", domain.Progresses, progressesEN),
	"ledger_statuses": fixedList("ledger_statuses", "Tình trạng nhiệm vụ (quá hạn: đã qua thời hạn mà chưa hoàn thành).", domain.DerivedStatuses,
		withCode(progressesEN, "overdue", "Overdue")),
	"update_kinds": fixedList("update_kinds", "Loại cập nhật của nhiệm vụ.", domain.UpdateKinds, map[string]string{
		"update": "Progress update", "so_ket": "Interim review", "tong_ket": "Final review"}),
}

// progressesEN are the progresses in English; a task's status today is
// one of them, or overdue.
var progressesEN = map[string]string{
	"not_started": "Not started", "in_progress": "In progress", "done": "Done", "delayed": "Delayed",
	"moved": "Carried over to the next programme"}

// withCode is labels and one more.
func withCode(labels map[string]string, code, label string) map[string]string {
	out := maps.Clone(labels)
	out[code] = label
	return out
}

// CodeListNames are the names of CodeLists, sorted.
func CodeListNames() []string {
	out := make([]string, 0, len(CodeLists))
	for n := range CodeLists {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func classifications(list []domain.Classification) []Code {
	out := make([]Code, len(list))
	for i, x := range list {
		out[i] = Code{Code: x.Code, VI: x.NameVI, EN: x.NameEN}
	}
	return out
}

// Labels finds codes of every list by code, built once per code tables.
type Labels map[string]map[string]Code

// NewLabels indexes every code list of c.
func NewLabels(c *codes.Tables) Labels {
	out := Labels{}
	for name, l := range CodeLists {
		m := map[string]Code{}
		for _, x := range l.Codes(c) {
			m[x.Code] = x
		}
		out[name] = m
	}
	return out
}

// Of is code's entry in list; an unknown code is its own label.
func (l Labels) Of(list, code string) Code {
	if x, ok := l[list][code]; ok {
		return x
	}
	return Code{Code: code, VI: code, EN: code}
}
