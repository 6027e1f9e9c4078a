package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// School is a vocational institution; programs name it by city and code.
var School = &Kind[domain.School]{
	typ: entryType("school"), table: store.Schools,
	meta:   func(e *domain.School) *domain.Meta { return &e.Meta },
	title:  func(e *domain.School) string { return e.Name },
	city:   func(e *domain.School) string { return e.City },
	load:   (*store.Store).School,
	create: (*store.Store).CreateSchool,
	update: (*store.Store).UpdateSchool,
	list: func(st *store.Store, ctx context.Context, f ListFilter) (store.List[domain.School], error) {
		return st.Schools(ctx, store.SchoolFilter{Paging: f.Paging, Status: f.Status, City: f.City, Q: f.Q})
	},
	public:   (*store.Store).PublicSchools,
	document: (*search.Names).SchoolDocument,
	example: map[string]string{
		"external_id": "vd-truong",
		"code":        "VD-CD",
		"name":        "Trường Cao đẳng Ví Dụ Cần Thơ",
		"kind":        "cao_dang",
		"ownership":   "public",
		"city":        "cantho",
	},
}
