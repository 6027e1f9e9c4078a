package kind

import (
	"context"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
	"hoptac/internal/vn"
)

// Commitment is a task of the cooperation program; it names the program (a
// policy of kind program). Its lead city decides who may edit it.
var Commitment = register(&Kind[domain.Commitment]{
	typ: entryType("commitment"), order: 2, parent: "policy",
	city: func(e *domain.Commitment) string { return e.Lead },
	parentKeys: func(ctx context.Context, st *store.Store, e *domain.Commitment) (map[string]string, error) {
		p, err := st.Policy(ctx, e.PolicyID)
		return map[string]string{"program_external_id": p.ExternalID}, err
	},
	document: (*search.Names).CommitmentDocument,
	summary:  func(e *domain.Commitment) string { return e.Description },
	example: map[string]string{
		"external_id":         "vd-nhiem-vu",
		"program_external_id": "vd-chuong-trinh",
		"title":               "Trao đổi thông tin thị trường lao động (ví dụ)",
		"lead":                "both",
		"progress":            "in_progress",
		"due_on":              "2030-12-31",
	},
	fields: []Field{
		{Name: "title", Label: "Tên nhiệm vụ", Kind: "text", Required: true},
		{Name: "program_external_id", Label: "Chương trình hợp tác", Hint: "Chọn trong danh sách các chương trình hợp tác.", Kind: "program", Required: true},
		{Name: "lead", Label: "Chủ trì", Kind: "select", Required: true, Options: cityOptions(true), City: true},
		{Name: "departments", Label: "Cơ quan phụ trách", Hint: "Các sở đang có thẩm quyền với nhiệm vụ này.", Kind: "checks", Options: currentDepartments},
		{Name: "progress", Label: "Tiến độ (theo báo cáo)", Hint: "Quá thời hạn mà chưa hoàn thành, cổng tự ghi “Quá hạn”.", Kind: "select", Required: true, Options: fixed(domain.Progresses)},
		{Name: "due_on", Label: "Thời hạn", Kind: "date"},
		{Name: "weight", Label: "Trọng số", Hint: "Từ 1 đến 100; để trống nếu các nhiệm vụ ngang nhau.", Kind: "number"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		externalIDField,
	},
	columns: []column[domain.Commitment]{
		{Column{Name: "title", Type: "text", Doc: "Nhiệm vụ."}, func(e *domain.Commitment) any { return e.Title }},
		{Column{Name: "policy_id", Type: "parent", Doc: "Chương trình hợp tác giao nhiệm vụ (mã số mục chính sách)."}, func(e *domain.Commitment) any { return e.PolicyID }},
		{Column{Name: "program_title", Type: "text", Doc: "Tên chương trình hợp tác."}, func(e *domain.Commitment) any { return e.ProgramTitle }},
		{Column{Name: "lead", Type: "code", Codes: "cities", Doc: "Thành phố chủ trì (hoặc cả hai)."}, func(e *domain.Commitment) any { return optCode(e.Lead) }},
		{Column{Name: "progress", Type: "code", Codes: "progresses", Doc: "Tiến độ."}, func(e *domain.Commitment) any { return optCode(e.Progress) }},
		{Column{Name: "due_on", Type: "date", Doc: "Hạn hoàn thành."}, func(e *domain.Commitment) any { return optDate(e.DueOn) }},
		{Column{Name: "ledger_status", Type: "code", Codes: "ledger_statuses", Doc: "Tình trạng hôm nay: như tiến độ, trừ khi đã qua hạn mà chưa hoàn thành (quá hạn)."},
			func(e *domain.Commitment) any { return e.StatusOn(time.Now().In(vn.DateLocation)) }},
		{Column{Name: "sort_order", Type: "integer", Doc: "Thứ tự trong chương trình."}, func(e *domain.Commitment) any { return int64(e.SortOrder) }},
		{Column{Name: "description", Type: "text", Doc: "Mô tả."}, func(e *domain.Commitment) any { return e.Description }},
		{Column{Name: "departments", Type: "codes", Codes: "departments", Doc: "Cơ quan phụ trách."}, func(e *domain.Commitment) any { return []string(e.Departments) }},
		{Column{Name: "weight", Type: "integer", Doc: "Trọng số (có thể không có)."}, func(e *domain.Commitment) any { return optInt(e.Weight) }},
		{Column{Name: "updates", Type: "json", Doc: "Các cập nhật tiến độ, sơ kết, tổng kết, theo ngày, với minh chứng.", Items: []Column{
			{Name: "date", Type: "date", Doc: "Ngày."}, {Name: "kind", Type: "code", Codes: "update_kinds", Doc: "Cập nhật tiến độ, sơ kết hay tổng kết."},
			{Name: "text", Type: "text", Doc: "Nội dung."}, {Name: "department", Type: "code", Codes: "departments", Doc: "Cơ quan thực hiện."},
			{Name: "evidence", Type: "json", Doc: "Minh chứng.", Items: []Column{
				{Name: "title", Type: "text", Doc: "Tên minh chứng."}, {Name: "source", Type: "text", Doc: "Nguồn (cơ quan, trang đã đăng)."},
				{Name: "url", Type: "text", Doc: "Đường dẫn http(s)."}, {Name: "example", Type: "boolean", Doc: "Có mặt và bằng true khi là liên kết ví dụ minh họa."}}}}},
			func(e *domain.Commitment) any { return ledgerList(e.Updates) }},
	},
	problems: map[string]problem{
		"commitments_policy_is_program": {"program", "Nhiệm vụ phải thuộc một chương trình hợp tác."},
	},
})

// ledgerItem is one ledger line as the API and downloads give it.
type ledgerItem struct {
	Date       string            `json:"date"` // yyyy-mm-dd
	Kind       string            `json:"kind"`
	Text       string            `json:"text"`
	Department string            `json:"department"`
	Evidence   []domain.Evidence `json:"evidence"`
}

// ledgerList is a commitment's updates as the API and downloads give them:
// never null, evidence never null.
func ledgerList(us []domain.LedgerUpdate) any {
	out := make([]ledgerItem, len(us))
	for i, u := range us {
		out[i] = ledgerItem{Date: u.Date.Format(time.DateOnly), Kind: u.Kind, Text: u.Text, Department: u.DepartmentCode, Evidence: u.Evidence}
		if out[i].Evidence == nil {
			out[i].Evidence = []domain.Evidence{}
		}
	}
	return out
}
