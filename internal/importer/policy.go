package importer

import (
	"context"
	"fmt"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// policySpec imports policies and cooperation programs.
var policySpec = register(kind.Policy, &spec[domain.Policy]{
	columns: []string{"external_id", "title", "kind", "field", "doc_number", "issuer", "issued_on",
		"effective_from", "effective_to", "summary", "body", "source_url", "city", "continued_by"},
	policyField: func(e *domain.Policy) string { return e.Field },
	plain:       []string{"title", "doc_number", "issuer", "summary", "body", "source_url"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.Policy, isNew bool) {
		c.setEnum("kind", domain.PolicyKinds, &e.Kind)
		c.setEnum("field", domain.PolicyFields, &e.Field)
		c.setDate("issued_on", &e.IssuedOn)
		c.setDate("effective_from", &e.EffectiveFrom)
		c.setDate("effective_to", &e.EffectiveTo)
		c.setCity("city", &e.City, true)
		if s, ok := c.text("continued_by"); ok { // the continuing program's external_id
			e.ContinuedBy = nil
			if p, found := c.r.program(ctx, s); s != "" && found && p.kind == "program" {
				e.ContinuedBy = &p.id
			} else if s != "" && c.r.fatal == nil {
				c.fail("continued_by", fmt.Sprintf("Không tìm thấy chương trình hợp tác có mã tham chiếu “%s” để làm chương trình tiếp nối.", s))
			}
		}
	},
	validate: func(e *domain.Policy) domain.FieldErrors { return e.Validate() },
	remember: func(r *run, e, old *domain.Policy, ref *parentRef) {
		ref.city, ref.kind = e.City, e.Kind
		r.programs[e.ExternalID] = ref
	},
})
