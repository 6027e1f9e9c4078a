package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Program is a trade a school trains for; it names its school.
var Program = &Kind[domain.Program]{
	typ: entryType("program"), table: store.Programs, parent: "school",
	meta:   func(e *domain.Program) *domain.Meta { return &e.Meta },
	title:  func(e *domain.Program) string { return e.Name },
	city:   func(e *domain.Program) string { return e.City },
	load:   (*store.Store).Program,
	create: (*store.Store).CreateProgram,
	update: (*store.Store).UpdateProgram,
	list: func(st *store.Store, ctx context.Context, f ListFilter) (store.List[domain.Program], error) {
		return st.Programs(ctx, store.ProgramFilter{Paging: f.Paging, Status: f.Status, City: f.City, Q: f.Q})
	},
	parentKeys: func(_ context.Context, _ *store.Store, e *domain.Program) (map[string]string, error) {
		return map[string]string{"school_city": e.City}, nil // school_code is joined in
	},
	public:   (*store.Store).PublicPrograms,
	document: (*search.Names).ProgramDocument,
	example: map[string]string{
		"external_id":     "vd-nganh",
		"school_city":     "cantho",
		"school_code":     "VD-CD",
		"name":            "Công nghệ ô tô (ví dụ)",
		"level":           "cao_dang",
		"mode":            "full_time",
		"duration_months": "30",
		"tuition_vnd":     "9000000",
	},
}
