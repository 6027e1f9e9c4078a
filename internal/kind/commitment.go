package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Commitment is a task of the cooperation program; it names the program (a
// policy of kind program). Its lead city decides who may edit it.
var Commitment = &Kind[domain.Commitment]{
	typ: entryType("commitment"), table: store.Commitments, parent: "policy",
	meta:   func(e *domain.Commitment) *domain.Meta { return &e.Meta },
	title:  func(e *domain.Commitment) string { return e.Title },
	city:   func(e *domain.Commitment) string { return e.Lead },
	load:   (*store.Store).Commitment,
	create: (*store.Store).CreateCommitment,
	update: (*store.Store).UpdateCommitment,
	list: func(st *store.Store, ctx context.Context, f ListFilter) (store.List[domain.Commitment], error) {
		return st.Commitments(ctx, store.CommitmentFilter{Paging: f.Paging, Status: f.Status, Lead: f.City})
	},
	parentKeys: func(ctx context.Context, st *store.Store, e *domain.Commitment) (map[string]string, error) {
		p, err := st.Policy(ctx, e.PolicyID)
		return map[string]string{"program_external_id": p.ExternalID}, err
	},
	public:   (*store.Store).PublicCommitments,
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
		{Name: "program_external_id", Label: "Mã tham chiếu của chương trình hợp tác", Hint: "Ví dụ: demo-program-2024.", Kind: "text", Required: true},
		{Name: "lead", Label: "Chủ trì", Kind: "select", Required: true, Options: cityOptions(true), City: true},
		{Name: "progress", Label: "Tiến độ", Kind: "select", Required: true, Options: fixed(domain.Progresses)},
		{Name: "due_on", Label: "Thời hạn", Kind: "date"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		{Name: "progress_updates", Label: "Cập nhật tiến độ (JSON)", Hint: `Danh sách dạng [{"date":"2025-01-15","note":"…","evidence_url":"https://…"}].`, Kind: "json"},
		{Name: "reviews", Label: "Sơ kết, tổng kết (JSON)", Hint: `Danh sách dạng [{"date":"2025-01-15","kind":"so_ket","summary":"…"}].`, Kind: "json"},
		externalIDField,
	},
	columns: []column[domain.Commitment]{
		{Column{Name: "title", Type: "text", Doc: "Nhiệm vụ."}, func(e *domain.Commitment) any { return e.Title }},
		{Column{Name: "policy_id", Type: "parent", Doc: "Chương trình hợp tác giao nhiệm vụ (mã số mục chính sách)."}, func(e *domain.Commitment) any { return e.PolicyID }},
		{Column{Name: "program_title", Type: "text", Doc: "Tên chương trình hợp tác."}, func(e *domain.Commitment) any { return e.ProgramTitle }},
		{Column{Name: "lead", Type: "code", Codes: "cities", Doc: "Thành phố chủ trì (hoặc cả hai)."}, func(e *domain.Commitment) any { return optCode(e.Lead) }},
		{Column{Name: "progress", Type: "code", Codes: "progresses", Doc: "Tiến độ."}, func(e *domain.Commitment) any { return optCode(e.Progress) }},
		{Column{Name: "due_on", Type: "date", Doc: "Hạn hoàn thành."}, func(e *domain.Commitment) any { return optDate(e.DueOn) }},
		{Column{Name: "sort_order", Type: "integer", Doc: "Thứ tự trong chương trình."}, func(e *domain.Commitment) any { return int64(e.SortOrder) }},
		{Column{Name: "description", Type: "text", Doc: "Mô tả."}, func(e *domain.Commitment) any { return e.Description }},
		{Column{Name: "progress_updates", Type: "json", Doc: "Các bước tiến độ đã công bố, theo ngày.", Items: []Column{
			{Name: "date", Type: "date", Doc: "Ngày."}, {Name: "note", Type: "text", Doc: "Nội dung."},
			{Name: "evidence_url", Type: "text", Doc: "Đường dẫn minh chứng (có thể không có)."}}},
			func(e *domain.Commitment) any { return jsonList(e.ProgressUpdates) }},
		{Column{Name: "reviews", Type: "json", Doc: "Các lần sơ kết, tổng kết.", Items: []Column{
			{Name: "date", Type: "date", Doc: "Ngày."}, {Name: "kind", Type: "code", Codes: "review_kinds", Doc: "Sơ kết hay tổng kết."},
			{Name: "summary", Type: "text", Doc: "Kết quả."}, {Name: "document_url", Type: "text", Doc: "Đường dẫn văn bản (có thể không có)."}}},
			func(e *domain.Commitment) any { return jsonList(e.Reviews) }},
	},
}
