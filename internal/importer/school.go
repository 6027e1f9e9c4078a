package importer

import (
	"context"
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// schoolSpec imports schools; rows upsert on external_id, else city + code.
var schoolSpec = register(kind.School, &spec[domain.School]{
	columns: []string{"external_id", "code", "name", "kind", "ownership", "address", "ward", "city",
		"founded_year", "website", "phone", "email", "description", "accredited", "seeks_partners"},
	aliases: wardAliases,
	natural: &natural[domain.School]{
		column: "code",
		what:   "Mã trường",
		key: func(c *rowCtx) string {
			code, _ := c.text("code")
			city := ""
			c.setCity("city", &city, false)
			if code == "" || city == "" {
				return ""
			}
			return city + "/" + code
		},
		keyOf: func(e *domain.School) string { return e.City + "/" + e.Code },
		find: func(st *store.Store, ctx context.Context, key string) (domain.School, error) {
			city, code, _ := strings.Cut(key, "/")
			return st.SchoolByCode(ctx, city, code)
		},
		taken:  "Mã trường %s đã thuộc một trường khác.",
		hasExt: "Trường %s đã có mã tham chiếu “%s”, khác với “%s” trong tệp.",
	},
	plain: []string{"code", "name", "address", "founded_year", "website", "phone", "email", "description", "accredited", "seeks_partners"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.School, isNew bool) {
		c.setEnum("kind", domain.SchoolKinds, &e.Kind)
		c.setEnum("ownership", domain.Ownerships, &e.Ownership)
		c.setCity("city", &e.City, false)
		c.setWard("ward", &e.WardCode, e.City)
	},
	check: func(c *rowCtx, e *domain.School) {
		c.checkWard("ward", e.WardCode, e.City)
	},
	validate: func(e *domain.School) domain.FieldErrors { return e.Validate() },
	remember: func(r *run, e, old *domain.School, ref *parentRef) {
		if old != nil {
			delete(r.schools, old.City+"/"+old.Code)
		}
		ref.city = e.City
		r.schools[e.City+"/"+e.Code] = ref
	},
})
