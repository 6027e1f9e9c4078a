package importer

import (
	"context"
	"fmt"
	"strings"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// commitmentSpec imports the program's commitments; a row names its program by external_id.
var commitmentSpec = &spec[domain.Commitment]{
	entry: kind.Commitment.Type(),
	table: kind.Commitment.Table(),
	columns: []string{"external_id", "program_external_id", "title", "description", "lead", "progress",
		"due_on", "sort_order", "progress_updates", "reviews"},
	aliases:       map[string]string{"city": "lead"},
	fields:        map[string]string{"program": "program_external_id", "policy_id": "program_external_id", "city": "lead"},
	cityCol:       "lead",
	meta:          func(e *domain.Commitment) *domain.Meta { return &e.Meta },
	city:          func(e *domain.Commitment) string { return e.Lead },
	byExternalID:  (*store.Store).CommitmentByExternalID,
	byExternalIDs: (*store.Store).CommitmentsByExternalIDs,
	plain:         []string{"title", "description", "sort_order"},
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
		if jsonList(c, "progress_updates", &e.ProgressUpdates) {
			for i := range e.ProgressUpdates {
				u := &e.ProgressUpdates[i]
				u.Date, _ = c.normDate("progress_updates", u.Date)
				u.Note, u.EvidenceURL = strings.TrimSpace(u.Note), strings.TrimSpace(u.EvidenceURL)
			}
		}
		if jsonList(c, "reviews", &e.Reviews) {
			for i := range e.Reviews {
				rv := &e.Reviews[i]
				rv.Date, _ = c.normDate("reviews", rv.Date)
				if code, ok := matchOption(strings.TrimSpace(rv.Kind), domain.ReviewKinds); ok {
					rv.Kind = code
				} else {
					c.fail("reviews", notInList(rv.Kind, domain.ReviewKinds))
				}
				rv.Summary, rv.DocumentURL = strings.TrimSpace(rv.Summary), strings.TrimSpace(rv.DocumentURL)
			}
		}
		if e.ProgressUpdates == nil {
			e.ProgressUpdates = domain.JSONList[domain.ProgressUpdate]{}
		}
		if e.Reviews == nil {
			e.Reviews = domain.JSONList[domain.Review]{}
		}
	},
	validate: func(e *domain.Commitment) domain.FieldErrors { return e.Validate() },
	create:   (*store.Batch).CreateCommitment,
}
