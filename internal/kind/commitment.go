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
	parentKeys: func(ctx context.Context, st *store.Store, e *domain.Commitment) (map[string]string, error) {
		p, err := st.Policy(ctx, e.PolicyID)
		return map[string]string{"program_external_id": p.ExternalID}, err
	},
	public:   (*store.Store).PublicCommitments,
	document: (*search.Names).CommitmentDocument,
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
		{Name: "program_external_id", Label: "Chương trình hợp tác", Hint: "Gõ một phần tên hoặc mã tham chiếu, bấm “Tìm”, rồi chọn trong danh sách.", Kind: "picker", Pick: "policy", Required: true},
		{Name: "lead", Label: "Chủ trì", Kind: "select", Required: true, Options: cityOptions(true), City: true},
		{Name: "progress", Label: "Tiến độ", Kind: "select", Required: true, Options: fixed(domain.Progresses)},
		{Name: "due_on", Label: "Thời hạn", Kind: "date"},
		{Name: "description", Label: "Mô tả", Kind: "textarea"},
		{Name: "progress_updates", Label: "Cập nhật tiến độ (JSON)", Hint: `Danh sách dạng [{"date":"2025-01-15","note":"…","evidence_url":"https://…"}].`, Kind: "json"},
		{Name: "reviews", Label: "Sơ kết, tổng kết (JSON)", Hint: `Danh sách dạng [{"date":"2025-01-15","kind":"so_ket","summary":"…"}].`, Kind: "json"},
		externalIDField,
	},
}
