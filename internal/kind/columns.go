package kind

import (
	"context"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// Column is one public field of a kind as the API, the downloads and the
// data dictionary give it. Its name is the JSON key and the CSV header.
type Column struct {
	Name string
	// Type is text, integer, boolean, date (yyyy-mm-dd), datetime
	// (RFC 3339), code (one value of the code list Codes), codes (a list
	// of them), parent (the id of an entry of the kind's parent) or json (a
	// list of objects, Items describing their keys).
	Type string
	// Doc says what the column means, in Vietnamese, for the data
	// dictionary and the OpenAPI descriptions.
	Doc string
	// Codes names the code list (CodeLists) of a code or codes column.
	Codes string
	// Items are the keys of a json column's objects.
	Items []Column
}

// column is a Column with how to read it from an entry of type T.
type column[T any] struct {
	Column
	get func(*T) any
}

// Column value helpers: every value is nil, string, int64, bool,
// []string, or (json) any encodable list, whatever the Go field's type.

func optInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func optInt64(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func optDate(p *time.Time) any {
	if p == nil {
		return nil
	}
	return p.Format(time.DateOnly)
}

func optString(p *string) any {
	if p == nil || *p == "" {
		return nil
	}
	return *p
}

func optCode(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func stamp(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// metaHead and metaTail are the shared columns every kind starts and ends
// with. The archive reason and status are not among them: every row is
// published (an archived entry answers "gone" in the API instead).
func metaHead[T any](meta func(*T) *domain.Meta) []column[T] {
	return []column[T]{
		{Column{Name: "id", Type: "integer", Doc: "Mã số của mục trên cổng; không đổi, dùng để liên kết và cập nhật."}, func(e *T) any { return meta(e).ID }},
	}
}

func metaTail[T any](meta func(*T) *domain.Meta) []column[T] {
	return []column[T]{
		{Column{Name: "slug", Type: "text", Doc: "Phần chữ của đường dẫn trang (không dấu)."}, func(e *T) any { return meta(e).Slug }},
		{Column{Name: "external_id", Type: "text", Doc: "Mã tham chiếu trong bảng tính của sở (có thể trống)."}, func(e *T) any { return meta(e).ExternalID }},
		{Column{Name: "department", Type: "code", Codes: "departments", Doc: "Cơ quan công bố."}, func(e *T) any { return optCode(meta(e).DepartmentCode) }},
		{Column{Name: "published_at", Type: "datetime", Doc: "Thời điểm công bố lần đầu (UTC)."}, func(e *T) any { return stamp(meta(e).PublishedAt) }},
		{Column{Name: "created_at", Type: "datetime", Doc: "Thời điểm tạo (UTC)."}, func(e *T) any { t := meta(e).CreatedAt; return stamp(&t) }},
		{Column{Name: "updated_at", Type: "datetime", Doc: "Thời điểm sửa gần nhất (UTC); dùng với updated_since để lấy phần thay đổi."}, func(e *T) any { t := meta(e).UpdatedAt; return stamp(&t) }},
		{Column{Name: "version", Type: "integer", Doc: "Số lần sửa; tăng mỗi lần cập nhật."}, func(e *T) any { return int64(meta(e).Version) }},
	}
}

// allColumns are the kind's own columns surrounded by the shared ones,
// built once.
func (k *Kind[T]) allColumns() []column[T] {
	k.columnsOnce.Do(func() {
		k.all = append(metaHead(k.meta), k.columns...)
		k.all = append(k.all, metaTail(k.meta)...)
	})
	return k.all
}

// Columns are the kind's public fields, in order.
func (k *Kind[T]) Columns() []Column {
	all := k.allColumns()
	out := make([]Column, len(all))
	for i, c := range all {
		out[i] = c.Column
	}
	return out
}

// Values are an entry's column values, in the order of Columns.
func (k *Kind[T]) Values(e any) []any {
	t := k.cast(e)
	all := k.allColumns()
	out := make([]any, len(all))
	for i, c := range all {
		out[i] = c.get(t)
	}
	return out
}

// PublicRows calls row with the values of every public entry sel names, in
// id order, reading batch entries at a time after sel.After: memory stays
// that of one batch however many there are. sel.Limit is the batch size.
func (k *Kind[T]) PublicRows(ctx context.Context, st *store.Store, sel store.PublicSelection, row func(id int64, values []any) error) error {
	if sel.Limit <= 0 {
		sel.Limit = 500
	}
	for {
		batch, err := k.public(ctx, st, sel)
		if err != nil {
			return err
		}
		for i := range batch {
			m := k.meta(&batch[i])
			if err := row(m.ID, k.Values(&batch[i])); err != nil {
				return err
			}
			sel.After = m.ID
		}
		if len(batch) < sel.Limit || len(sel.IDs) > 0 {
			return nil
		}
	}
}

// jsonList is a list column's value: never nil, so it is [] not null.
func jsonList[T any](l domain.JSONList[T]) any {
	if l == nil {
		return []T{}
	}
	return []T(l)
}
