package domain

import (
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Evidence is a link that shows a ledger update happened: what it is and
// who published it. Example marks a demo link, not a real government page.
type Evidence struct {
	Title   string `db:"title" json:"title"`
	Source  string `db:"source" json:"source"`
	URL     string `db:"url" json:"url"`
	Example bool   `db:"example" json:"example,omitempty"`
}

// LedgerUpdate is one dated line of a commitment's ledger: a progress
// update, or a sơ kết (interim) or tổng kết (final) review.
type LedgerUpdate struct {
	ID             int64      `db:"id" json:"-"`
	CommitmentID   int64      `db:"commitment_id" json:"-"`
	Date           Date       `db:"on_date" json:"date"`
	Kind           string     `db:"kind" json:"kind"` // update, so_ket, tong_ket
	Text           string     `db:"body" json:"text"`
	DepartmentCode string     `db:"department_code" json:"department"`
	Evidence       []Evidence `db:"-" json:"evidence"`
}

// Commitment is a task the cooperation program committed both cities to.
type Commitment struct {
	Meta
	PolicyID    int64          `db:"policy_id" json:"program_id"`
	Title       string         `db:"title" json:"title"`
	Description string         `db:"description" json:"description"`
	Lead        string         `db:"city" json:"lead"` // hcm, cantho or both
	Departments pq.StringArray `db:"departments" json:"departments"`
	Progress    string         `db:"progress" json:"progress"` // as stated; see Status for the derived one
	DueOn       *Date          `db:"due_on" json:"due_on"`
	Weight      *int           `db:"weight" json:"weight"`
	SortOrder   int            `db:"sort_order" json:"sort_order"`
	// Updates are the ledger lines, oldest first; the store reads and
	// writes them with the commitment. LedgerDigest changes with them.
	Updates      []LedgerUpdate `db:"-" json:"updates"`
	LedgerDigest string         `db:"ledger_digest" json:"-"`

	// Read-only, joined for display.
	ProgramTitle string `db:"program_title" json:"program_title,omitempty"`
}

// init adds the commitment's texts to TextLimits, beside the rest of what
// bounds a commitment (the CHECKs of migrations 00007 and 00013).
func init() {
	TextLimits["commitment"] = withMeta(map[string]int{
		"title": 500, "description": 10000, "ledger_digest": 64,
	})
}

// A commitment's ledger is bounded here; the texts' lengths match the
// CHECKs of migration 00013.
const (
	MaxProgressUpdates = 200
	MaxEvidence        = 10
	MaxDepartments     = 6
	maxUpdateText      = 4000
	maxEvidenceTitle   = 300
	maxLink            = 2000
)

// UpdateKinds are the kinds of ledger line.
var UpdateKinds = Options{
	{"update", "Cập nhật tiến độ"},
	{"so_ket", "Sơ kết"},
	{"tong_ket", "Tổng kết"},
}

// StatusOverdue is the derived status of a commitment past its due date
// and not done. It is never stored: it follows from the date.
const StatusOverdue = "overdue"

// DerivedStatuses are the statuses a reader sees: the stated ones, and
// "Quá hạn" computed from the due date.
var DerivedStatuses = Options{
	{"done", "Đã hoàn thành"},
	{"in_progress", "Đang thực hiện"},
	{"not_started", "Chưa bắt đầu"},
	{"delayed", "Chậm tiến độ"},
	{"moved", "Chuyển sang chương trình sau"},
	{StatusOverdue, "Quá hạn"},
}

// StatusOn is the commitment's status on today (a Vietnam calendar day):
// past its due date and not done, it is overdue, whatever was stated. On
// the due date itself it is not late yet. A task carried over to the next
// program ("moved") is not late in this one.
func (c *Commitment) StatusOn(today time.Time) string {
	if c.Progress != "done" && c.Progress != "moved" && c.DueOn != nil && dayOf(today).After(dayOf(*c.DueOn)) {
		return StatusOverdue
	}
	return c.Progress
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Share is a count out of a total with its percentage, rounded half up
// (3 of 7 is 43 %, not 42).
type Share struct {
	Code    string `json:"status"`
	Label   string `json:"label"`
	Count   int    `json:"count"`
	Percent int    `json:"percent"`
}

// Percent is n of total in whole percent, rounded half up; 0 of 0 is 0.
func Percent(n, total int) int {
	if total <= 0 {
		return 0
	}
	return (200*n + total) / (2 * total)
}

// LedgerSummary counts commitments by derived status. Every page and the
// API show these numbers, so they agree.
type LedgerSummary struct {
	Total    int     `json:"total"`
	ByStatus []Share `json:"by_status"`
	// Weighted is the done share counting each commitment by its weight
	// (1 when it has none).
	WeightedDonePercent int `json:"weighted_done_percent"`
}

// Count is the number of commitments in a derived status.
func (s LedgerSummary) Count(code string) int {
	for _, x := range s.ByStatus {
		if x.Code == code {
			return x.Count
		}
	}
	return 0
}

// Of is the share of a derived status.
func (s LedgerSummary) Of(code string) Share {
	for _, x := range s.ByStatus {
		if x.Code == code {
			return x
		}
	}
	return Share{Code: code}
}

// Summarize is the one summary of a set of commitments on today.
func Summarize(cs []Commitment, today time.Time) LedgerSummary {
	counts := map[string]int{}
	weightAll, weightDone := 0, 0
	for i := range cs {
		st := cs[i].StatusOn(today)
		counts[st]++
		w := 1
		if cs[i].Weight != nil && *cs[i].Weight > 0 {
			w = *cs[i].Weight
		}
		weightAll += w
		if st == "done" {
			weightDone += w
		}
	}
	s := LedgerSummary{Total: len(cs), WeightedDonePercent: Percent(weightDone, weightAll)}
	for _, o := range DerivedStatuses {
		s.ByStatus = append(s.ByStatus, Share{Code: o.Code, Label: o.Label, Count: counts[o.Code], Percent: Percent(counts[o.Code], len(cs))})
	}
	return s
}

// UpdateField names the form field of ledger line i ("u0_text"); evidence
// j of it is EvidenceField(i, j, "url") ("u0_e1_url"). Errors are keyed
// by these names so the error summary links to the very input.
func UpdateField(i int, name string) string { return fmt.Sprintf("u%d_%s", i, name) }

// EvidenceField names the form field of evidence j of ledger line i.
func EvidenceField(i, j int, name string) string { return fmt.Sprintf("u%d_e%d_%s", i, j, name) }

// MsgEvidenceURL is the error for a link that is not a web page address
// (javascript:, data:, file: …).
const MsgEvidenceURL = "Đường dẫn minh chứng phải là địa chỉ web bắt đầu bằng http:// hoặc https://."

// ValidateLedger checks a ledger on its own (the back office's form).
func ValidateLedger(us []LedgerUpdate) FieldErrors {
	fe := FieldErrors{}
	validateUpdates(fe, us)
	return fe
}

func validateUpdates(fe FieldErrors, us []LedgerUpdate) {
	if len(us) > MaxProgressUpdates {
		fe.Add("updates", fmt.Sprintf("Tối đa %d dòng cập nhật.", MaxProgressUpdates))
	}
	for i, u := range us {
		if u.Date.IsZero() {
			fe.Add(UpdateField(i, "date"), fmt.Sprintf("Cập nhật %d: vui lòng nhập ngày.", i+1))
		}
		if !UpdateKinds.Has(u.Kind) {
			fe.Add(UpdateField(i, "kind"), fmt.Sprintf("Cập nhật %d: vui lòng chọn loại cập nhật.", i+1))
		}
		if strings.TrimSpace(u.Text) == "" {
			fe.Add(UpdateField(i, "text"), fmt.Sprintf("Cập nhật %d: vui lòng nhập nội dung.", i+1))
		}
		itemText(fe, UpdateField(i, "text"), u.Text, maxUpdateText)
		if len(u.Evidence) > MaxEvidence {
			fe.Add(UpdateField(i, "text"), fmt.Sprintf("Cập nhật %d: tối đa %d minh chứng.", i+1, MaxEvidence))
		}
		for j, e := range u.Evidence {
			if strings.TrimSpace(e.Title) == "" {
				fe.Add(EvidenceField(i, j, "title"), fmt.Sprintf("Cập nhật %d, minh chứng %d: vui lòng nhập tên minh chứng.", i+1, j+1))
			}
			itemText(fe, EvidenceField(i, j, "title"), e.Title, maxEvidenceTitle)
			itemText(fe, EvidenceField(i, j, "source"), e.Source, maxEvidenceTitle)
			itemText(fe, EvidenceField(i, j, "url"), e.URL, maxLink)
			if e.URL == "" {
				fe.Add(EvidenceField(i, j, "url"), fmt.Sprintf("Cập nhật %d, minh chứng %d: vui lòng nhập đường dẫn.", i+1, j+1))
			} else if !isWebURL(e.URL) {
				fe.Add(EvidenceField(i, j, "url"), fmt.Sprintf("Cập nhật %d, minh chứng %d: %s", i+1, j+1, MsgEvidenceURL))
			}
		}
	}
}

// Validate checks a commitment.
func (c *Commitment) Validate() FieldErrors {
	fe := checkText("commitment", c)
	required(fe, "title", c.Title, "tên nhiệm vụ")
	chosen(fe, "program", c.PolicyID, "Vui lòng chọn chương trình hợp tác.")
	cityOrBoth(fe, "lead", c.Lead)
	oneOf(fe, "progress", c.Progress, Progresses, "tiến độ")
	optionalRange(fe, "weight", c.Weight, 1, 100, "Trọng số phải từ 1 đến 100.")
	if len(c.Departments) > MaxDepartments {
		fe.Add("departments", fmt.Sprintf("Tối đa %d cơ quan phụ trách.", MaxDepartments))
	}
	validateUpdates(fe, c.Updates)
	return fe
}
