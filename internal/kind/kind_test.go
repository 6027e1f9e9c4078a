package kind_test

import (
	"testing"

	"hoptac/internal/codes"
	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

// TestRegistryIsComplete: every entry type has exactly one kind, parents
// come before their children, and each kind's description is whole.
func TestRegistryIsComplete(t *testing.T) {
	if len(kind.All) != len(domain.EntryTypes) {
		t.Fatalf("len(kind.All) = %d, want one kind per entry type (%d)", len(kind.All), len(domain.EntryTypes))
	}
	rank := map[string]int{}
	for i, k := range kind.All {
		rank[k.Type().Name] = i
	}
	for _, typ := range domain.EntryTypes {
		k, ok := kind.ByName(typ.Name)
		if !ok {
			t.Errorf("ByName(%q) found no kind", typ.Name)
			continue
		}
		if byPlural, _ := kind.ByPlural(typ.Plural); byPlural != k {
			t.Errorf("ByPlural(%q) = %v, want the kind of %s", typ.Plural, byPlural, typ.Name)
		}
		if k.Type() != typ || typ.LabelVI == "" || typ.LabelEN == "" || typ.MenuVI == "" || k.Table() == "" {
			t.Errorf("kind %s: type %+v, table %q; want its entry type with both labels and a table", typ.Name, k.Type(), k.Table())
		}
		if p := k.Parent(); p != "" {
			if r, ok := rank[p]; !ok || r >= rank[typ.Name] {
				t.Errorf("kind %s names parent %q, which must be a kind listed before it", typ.Name, p)
			}
		}
		checkFields(t, typ.Name, k.Fields())
		if len(k.Example()) == 0 {
			t.Errorf("kind %s has no example row", typ.Name)
		}
		if k.New() == k.New() {
			t.Errorf("kind %s: New() must return a fresh entry each time", typ.Name)
		}
	}
	if _, ok := kind.ByName("bogus"); ok {
		t.Error(`ByName("bogus") found a kind`)
	}
}

// checkFields: each form field of kind name is named, labelled, once, and a
// choice has its options.
func checkFields(t *testing.T, name string, fields []kind.Field) {
	t.Helper()
	seen := map[string]bool{}
	for _, f := range fields {
		if f.Name == "" || f.Label == "" || seen[f.Name] {
			t.Errorf("kind %s: field %+v is unnamed, unlabelled or repeated", name, f)
		}
		seen[f.Name] = true
		if (f.Kind == "select" || f.Kind == "checks") && f.Options == nil {
			t.Errorf("kind %s: field %s is a %s without options", name, f.Name, f.Kind)
		}
	}
}

// TestExplain: the store's constraint codes become the field to blame and
// a Vietnamese message, in one place.
func TestExplain(t *testing.T) {
	tests := []struct {
		ce               store.ConstraintError
		field, wantWords string
	}{
		{store.ConstraintError{Constraint: "companies_tax_code_key", Table: "companies", Field: "tax_code", Rule: store.RuleUnique}, "tax_code", "Mã số thuế này đã có doanh nghiệp khác sử dụng."},
		{store.ConstraintError{Constraint: "jobs_title_length", Table: "jobs", Field: "title", Rule: store.RuleTooLong}, "title", domain.TooLongMessage(domain.TextLimits["job"]["title"])},
		{store.ConstraintError{Constraint: "22021", Table: "jobs", Rule: store.RuleBadText}, "", domain.MsgBadText},
		{store.ConstraintError{Constraint: "users_email_key", Table: "users", Field: "email", Rule: store.RuleUnique}, "email", "Email đã được sử dụng cho một mục khác."},
		{store.ConstraintError{Constraint: "jobs_positions_not_null", Table: "jobs", Field: "positions", Rule: store.RuleNotNull}, "positions", "Vui lòng nhập số lượng cần tuyển."},
		{store.ConstraintError{Constraint: "projects_kind_check", Table: "projects", Field: "kind", Rule: store.RuleCheck}, "kind", "Giá trị không hợp lệ."},
	}
	for _, tt := range tests {
		if field, msg := kind.Explain(&tt.ce); field != tt.field || msg != tt.wantWords {
			t.Errorf("Explain(%s) = %q, %q; want %q, %q", tt.ce.Constraint, field, msg, tt.field, tt.wantWords)
		}
	}
}

// TestEveryKindSaysItsColumns: each kind lists its public columns for the
// API and the downloads, named once and documented; a code column names a
// code list with labels in both languages; a kind with a parent has one
// parent column, others none.
func TestEveryKindSaysItsColumns(t *testing.T) {
	for _, k := range kind.All {
		seen, parents := map[string]bool{}, 0
		cols := k.Columns()
		if len(cols) < 8 || cols[0].Name != "id" {
			t.Errorf("kind %s: %d columns starting with %q; want its fields after id", k.Type().Name, len(cols), cols[0].Name)
		}
		for _, c := range cols {
			if c.Name == "" || c.Doc == "" || seen[c.Name] {
				t.Errorf("kind %s: column %+v is unnamed, undocumented or repeated", k.Type().Name, c)
			}
			seen[c.Name] = true
			switch c.Type {
			case "code", "codes":
				if _, ok := kind.CodeLists[c.Codes]; !ok {
					t.Errorf("kind %s: column %s names code list %q, which does not exist", k.Type().Name, c.Name, c.Codes)
				}
			case "parent":
				parents++
			case "text", "integer", "boolean", "date", "datetime", "json":
			default:
				t.Errorf("kind %s: column %s has type %q", k.Type().Name, c.Name, c.Type)
			}
		}
		if want := map[bool]int{true: 1, false: 0}[k.Parent() != ""]; parents != want {
			t.Errorf("kind %s: %d parent columns, want %d", k.Type().Name, parents, want)
		}
		if got := len(k.Values(k.New())); got != len(cols) {
			t.Errorf("kind %s: %d values for %d columns", k.Type().Name, got, len(cols))
		}
	}
}

// TestCodeListsAreLabelledInBothLanguages: every fixed code has an
// English label (the database's tables bring their own).
func TestCodeListsAreLabelledInBothLanguages(t *testing.T) {
	empty := codes.New(nil, nil, nil, nil, nil)
	for _, name := range kind.CodeListNames() {
		for _, c := range kind.CodeLists[name].Codes(empty) {
			if c.Code == "" || c.VI == "" || c.EN == "" {
				t.Errorf("code list %s: %+v lacks a label", name, c)
			}
		}
	}
}
