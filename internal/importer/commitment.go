package importer

import (
	"context"
	"fmt"
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// commitmentSpec imports the program's commitments; a row names its program by external_id.
var commitmentSpec = register(kind.Commitment, &spec[domain.Commitment]{
	columns: []string{"external_id", "program_external_id", "title", "description", "lead", "progress",
		"due_on", "sort_order", "departments", "weight"},
	aliases: map[string]string{"city": "lead"},
	fields:  map[string]string{"program": "program_external_id", "policy_id": "program_external_id", "city": "lead"},
	plain:   []string{"title", "description", "sort_order"},
	apply: func(ctx context.Context, c *rowCtx, e *domain.Commitment, isNew bool) {
		if s, ok := c.text("program_external_id"); ok {
			e.PolicyID = 0
			if s != "" {
				p, ok := c.r.program(ctx, s)
				switch {
				case !ok && c.r.fatal == nil:
					c.fail("program_external_id", fmt.Sprintf("Không tìm thấy chương trình hợp tác có mã tham chiếu “%s”: hãy nhập chương trình trước.", s))
				case ok && p.kind != "program":
					c.fail("program_external_id", fmt.Sprintf("Mục “%s” là %s, không phải một chương trình hợp tác.", s, strings.ToLower(domain.PolicyKinds.Label(p.kind))))
				case ok:
					e.PolicyID = p.id
				}
			}
		}
		c.setCity("lead", &e.Lead, true)
		c.setEnum("progress", domain.Progresses, &e.Progress)
		if e.Progress == "" && !c.failedOn("progress") {
			e.Progress = "not_started"
		}
		c.setDate("due_on", &e.DueOn)
		c.setInt("sort_order", &e.SortOrder)
		// The ledger's updates and reviews are rows of their own, kept by
		// the back office's form; a file does not carry them.
		c.setList("departments", c.r.ref.DepartmentOptions(), &e.Departments)
		c.setIntPtr("weight", &e.Weight)
	},
	validate: func(e *domain.Commitment) domain.FieldErrors { return e.Validate() },
})
