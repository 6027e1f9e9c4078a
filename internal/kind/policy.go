package kind

import (
	"hoptac/internal/domain"
	"hoptac/internal/search"
)

// Policy is a cooperation policy or program; the program's tasks name it.
var Policy = register(&Kind[domain.Policy]{
	typ: entryType("policy"), order: 1,
	city:     func(e *domain.Policy) string { return e.City },
	document: (*search.Names).PolicyDocument,
	summary:  func(e *domain.Policy) string { return e.Summary },
	schema:   policySchema,
	example: map[string]string{
		"external_id": "vd-chuong-trinh",
		"title":       "Chương trình hợp tác lao động (ví dụ)",
		"kind":        "program",
		"field":       "labour",
		"city":        "both",
		"issued_on":   "2024-06-28",
		"summary":     "Hai sở phối hợp giải quyết việc làm và đào tạo nghề.",
	},
	fields: []Field{
		{Name: "title", Label: "Tên văn bản", Kind: "text", Required: true},
		{Name: "kind", Label: "Loại văn bản", Kind: "select", Required: true, Options: fixed(domain.PolicyKinds)},
		{Name: "field", Label: "Lĩnh vực", Kind: "select", Required: true, Options: fixed(domain.PolicyFields)},
		{Name: "city", Label: "Phạm vi", Hint: "Văn bản chung của cả hai thành phố do quản trị viên cập nhật.", Kind: "select", Required: true, Options: cityOptions(true), City: true},
		{Name: "doc_number", Label: "Số hiệu", Kind: "text"},
		{Name: "issuer", Label: "Cơ quan ban hành", Kind: "text"},
		{Name: "issued_on", Label: "Ngày ban hành", Kind: "date"},
		{Name: "effective_from", Label: "Có hiệu lực từ", Kind: "date"},
		{Name: "effective_to", Label: "Hết hiệu lực", Kind: "date"},
		{Name: "summary", Label: "Tóm tắt", Kind: "textarea"},
		{Name: "body", Label: "Nội dung (Markdown)", Hint: "Dùng ## cho đề mục, - cho gạch đầu dòng. Mã HTML sẽ bị loại bỏ.", Kind: "markdown"},
		{Name: "source_url", Label: "Đường dẫn văn bản gốc", Kind: "url"},
		{Name: "continued_by", Label: "Chương trình tiếp nối", Hint: "Với chương trình hợp tác: chương trình giai đoạn sau tiếp tục các nhiệm vụ của chương trình này.", Kind: "program"},
		externalIDField,
	},
	columns: []column[domain.Policy]{
		{Column{Name: "title", Type: "text", Doc: "Tên văn bản, chương trình."}, func(e *domain.Policy) any { return e.Title }},
		{Column{Name: "kind", Type: "code", Codes: "policy_kinds", Doc: "Loại văn bản."}, func(e *domain.Policy) any { return optCode(e.Kind) }},
		{Column{Name: "field", Type: "code", Codes: "policy_fields", Doc: "Lĩnh vực."}, func(e *domain.Policy) any { return optCode(e.Field) }},
		{Column{Name: "city", Type: "code", Codes: "cities", Doc: "Phạm vi áp dụng (thành phố hoặc cả hai)."}, func(e *domain.Policy) any { return optCode(e.City) }},
		{Column{Name: "doc_number", Type: "text", Doc: "Số, ký hiệu văn bản."}, func(e *domain.Policy) any { return e.DocNumber }},
		{Column{Name: "issuer", Type: "text", Doc: "Cơ quan ban hành."}, func(e *domain.Policy) any { return e.Issuer }},
		{Column{Name: "issued_on", Type: "date", Doc: "Ngày ban hành."}, func(e *domain.Policy) any { return optDate(e.IssuedOn) }},
		{Column{Name: "effective_from", Type: "date", Doc: "Ngày có hiệu lực."}, func(e *domain.Policy) any { return optDate(e.EffectiveFrom) }},
		{Column{Name: "effective_to", Type: "date", Doc: "Ngày hết hiệu lực."}, func(e *domain.Policy) any { return optDate(e.EffectiveTo) }},
		{Column{Name: "summary", Type: "text", Doc: "Tóm tắt."}, func(e *domain.Policy) any { return e.Summary }},
		{Column{Name: "body", Type: "text", Doc: "Nội dung (Markdown)."}, func(e *domain.Policy) any { return e.Body }},
		{Column{Name: "source_url", Type: "text", Doc: "Đường dẫn tới văn bản gốc."}, func(e *domain.Policy) any { return e.SourceURL }},
	},
	problems: map[string]problem{
		"policies_effective_range_check": {"effective_to", "Ngày hết hiệu lực phải sau ngày có hiệu lực."},
	},
})
