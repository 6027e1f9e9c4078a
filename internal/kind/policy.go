package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Policy is a cooperation policy or program; commitments name a program.
var Policy = &Kind[domain.Policy]{
	typ: entryType("policy"), table: store.Policies,
	meta:   func(e *domain.Policy) *domain.Meta { return &e.Meta },
	title:  func(e *domain.Policy) string { return e.Title },
	city:   func(e *domain.Policy) string { return e.City },
	load:   (*store.Store).Policy,
	create: (*store.Store).CreatePolicy,
	update: (*store.Store).UpdatePolicy,
	list: func(st *store.Store, ctx context.Context, f ListFilter) (store.List[domain.Policy], error) {
		return st.Policies(ctx, store.PolicyFilter{Paging: f.Paging, Status: f.Status, City: f.City, Q: f.Q})
	},
	public:   (*store.Store).PublicPolicies,
	document: (*search.Names).PolicyDocument,
	example: map[string]string{
		"external_id": "vd-chuong-trinh",
		"title":       "Chương trình hợp tác lao động (ví dụ)",
		"kind":        "program",
		"field":       "labour",
		"city":        "both",
		"issued_on":   "2024-06-28",
		"summary":     "Hai sở phối hợp giải quyết việc làm và đào tạo nghề.",
	},
}
