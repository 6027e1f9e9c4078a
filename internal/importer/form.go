package importer

import (
	"context"
	"fmt"

	"hoptac/internal/codes"
	"hoptac/internal/store"
)

// ApplyForm reads the values of a back-office form into e — a pointer to
// the entity of type typ (*domain.Job for "job", …), new (ID 0) or loaded
// for an update — by the rules of a spreadsheet row: the same column
// names, code lists, Vietnamese number and date forms, parents by natural
// key, code-table checks and Validate. It writes nothing and checks no
// scope. A value the form does not send keeps the entity's value; the
// problems come back with Column set to the field's name. The error is
// for failures to read the database. tables are the code tables (nil reads
// them).
func ApplyForm(ctx context.Context, st *store.Store, tables *codes.Tables, typ string, e any, values map[string]string) ([]RowError, error) {
	h := handlerFor(typ)
	if h == nil {
		return nil, fmt.Errorf("importer: unknown entry type %q", typ)
	}
	r, err := newRun(ctx, st, Options{Codes: tables})
	if err != nil {
		return nil, err
	}
	rec := &record{cells: make(map[string]cell, len(values))}
	for k, v := range values {
		if col, ok := h.column(k); ok {
			rec.cells[col] = cell{kind: cellText, text: v}
		}
	}
	if col := badText(h, rec); col != "" {
		return []RowError{{Column: col, Message: "Nội dung có ký tự không hợp lệ (không phải UTF-8)."}}, nil
	}
	errs, err := h.applyForm(ctx, r, rec, e)
	if err == nil {
		err = r.fatal
	}
	return errs, err
}

func (s *spec[T]) applyForm(ctx context.Context, r *run, rec *record, e any) ([]RowError, error) {
	p, ok := e.(*T)
	if !ok {
		return nil, fmt.Errorf("importer: a %s form needs a %T, not %T", s.entry.Name, p, e)
	}
	c := &rowCtx{r: r, h: s, rec: rec}
	m := s.meta(p)
	s.applyPlain(c, p)
	s.apply(ctx, c, p, m.ID == 0)
	if ext, ok := c.text("external_id"); ok {
		m.ExternalID = ext
	}
	if r.fatal != nil {
		return nil, r.fatal
	}
	if s.check != nil {
		s.check(c, p)
	}
	fe := s.validate(p)
	for _, f := range fe.Fields() {
		c.fail(s.colOf(f), fe[f])
	}
	return c.rowErrors(), nil
}
