package kind

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/search"
	"hoptac/internal/store"
)

// Job is an opening; it names its company.
var Job = &Kind[domain.Job]{
	typ: entryType("job"), table: store.Jobs, parent: "company",
	meta:   func(e *domain.Job) *domain.Meta { return &e.Meta },
	title:  func(e *domain.Job) string { return e.Title },
	city:   func(e *domain.Job) string { return e.City },
	load:   (*store.Store).Job,
	create: (*store.Store).CreateJob,
	update: (*store.Store).UpdateJob,
	list: func(st *store.Store, ctx context.Context, f ListFilter) (store.List[domain.Job], error) {
		return st.Jobs(ctx, store.JobFilter{Paging: f.Paging, Status: f.Status, City: f.City, Q: f.Q, IncludeExpired: true})
	},
	public:   (*store.Store).PublicJobs,
	document: (*search.Names).JobDocument,
	example: map[string]string{
		"external_id":      "vd-viec-lam",
		"company_tax_code": "0301234562",
		"title":            "Công nhân may công nghiệp (ví dụ)",
		"occupation":       "8",
		"positions":        "50",
		"wage_min":         "8000000",
		"wage_max":         "12000000",
		"employment_type":  "full_time",
		"education":        "none",
		"city":             "hcm",
		"deadline":         "2030-12-31",
	},
}
