package domain

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"hoptac/internal/vn"
)

// TextLimits is the longest value, in characters, of every free-text
// field of every entry type, keyed by entry type and then by database
// column (which is also the field's name in FieldErrors, the form and the
// import). Validate enforces it for forms, imports and the seed alike;
// migrations/00007_text_limits.sql holds the same numbers as CHECKs, and a
// store test keeps the two equal. Columns that are codes (status, city,
// kind, …) are bounded by their foreign key or CHECK … IN instead.
// The cooperation program's tasks add theirs where the rest of their
// rules are.
var TextLimits = map[string]map[string]int{
	"policy": withMeta(map[string]int{
		"title": 300, "doc_number": 100, "issuer": 300, "summary": 2000, "body": 50000, "source_url": 2000,
	}),
	"company": withMeta(map[string]int{
		"name": 300, "address": 500, "website": 2000, "phone": 50, "email": 254, "description": 10000,
	}),
	"job": withMeta(map[string]int{
		"title": 300, "work_address": 500, "requirements": 5000, "benefits": 5000, "description": 10000, "contact": 500,
	}),
	"school": withMeta(map[string]int{
		"code": 50, "name": 300, "address": 500, "website": 2000, "phone": 50, "email": 254, "description": 10000,
	}),
	"program": withMeta(map[string]int{
		"name": 300, "intake": 500, "support": 2000, "description": 10000,
	}),
	"project": withMeta(map[string]int{
		"title": 300, "organization": 300, "field": 200, "description": 10000, "contact": 500,
	}),
}

// metaLimits are the free-text columns every entry table shares.
var metaLimits = map[string]int{"slug": 100, "external_id": 100, "archive_reason": 1000}

func withMeta(m map[string]int) map[string]int {
	for k, v := range metaLimits {
		m[k] = v
	}
	return m
}

// MsgBadText is what a person reads when a value holds a NUL byte or is
// not UTF-8 (a file saved in another encoding, a pasted binary).
const MsgBadText = "Nội dung có ký tự không hợp lệ (ký tự NUL hoặc không phải UTF-8). Vui lòng nhập lại hoặc lưu tệp dưới dạng UTF-8."

// TooLongMessage says how long a field may be.
func TooLongMessage(max int) string {
	return fmt.Sprintf("Nội dung quá dài: tối đa %s ký tự.", vn.GroupDigits(int64(max)))
}

// GoodText tells whether s is valid UTF-8 without NUL bytes: PostgreSQL
// stores nothing else in a text column, and nothing else is text.
func GoodText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// checkText applies the text rules to every string field of entry (a
// pointer to an entity): valid UTF-8 without NUL everywhere, and at most
// TextLimits[typ][column] characters where a limit is set. Validate starts
// from its errors.
func checkText(typ string, entry any) FieldErrors {
	fe := FieldErrors{}
	limits := TextLimits[typ]
	walkStrings(reflect.ValueOf(entry).Elem(), func(column, value string) {
		switch max, limited := limits[column]; {
		case !GoodText(value):
			fe.Add(column, MsgBadText)
		case limited && utf8.RuneCountInString(value) > max:
			fe.Add(column, TooLongMessage(max))
		}
	})
	return fe
}

// walkStrings calls fn with the column and value of every string field
// (plain, *string or []string) that has a db tag, embedded structs included.
func walkStrings(v reflect.Value, fn func(column, value string)) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			walkStrings(fv, fn)
			continue
		}
		column := f.Tag.Get("db")
		if column == "" || column == "-" {
			continue
		}
		switch {
		case f.Type.Kind() == reflect.String:
			fn(column, fv.String())
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.String:
			if !fv.IsNil() {
				fn(column, fv.Elem().String())
			}
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			for j := 0; j < fv.Len(); j++ {
				fn(column, fv.Index(j).String())
			}
		}
	}
}

// itemText checks one text of a list item (a progress update's note, a
// review's link): the problem is reported on the list's field.
func itemText(fe FieldErrors, field, value string, max int) {
	switch {
	case !GoodText(value):
		fe.Add(field, MsgBadText)
	case utf8.RuneCountInString(value) > max:
		fe.Add(field, TooLongMessage(max))
	}
}
