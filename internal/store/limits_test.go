package store_test

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

// TestTextLimitsMatchTheSchema: the CHECKs of migration 00007 are exactly
// domain.TextLimits, and every text column of an entry table is either
// limited or a code bounded by a foreign key or CHECK … IN.
func TestTextLimitsMatchTheSchema(t *testing.T) {
	st := testenv.Store(t)
	var rows []struct {
		Table string `db:"tbl"`
		Def   string `db:"def"`
	}
	if err := st.DB().Select(&rows, `SELECT conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def
		FROM pg_constraint WHERE contype = 'c' AND conname LIKE '%\_length'`); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`^CHECK \(\(char_length\((\w+)\) <= (\d+)\)\)$`)
	got := map[string]map[string]int{}
	for _, r := range rows {
		m := re.FindStringSubmatch(r.Def)
		if m == nil {
			continue // the jsonb lists' checks
		}
		n, _ := strconv.Atoi(m[2])
		if got[r.Table] == nil {
			got[r.Table] = map[string]int{}
		}
		got[r.Table][m[1]] = n
	}
	want := map[string]map[string]int{}
	for _, typ := range domain.EntryTypes {
		want[typ.Plural] = domain.TextLimits[typ.Name]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("length CHECKs differ from domain.TextLimits (-want +got):\n%s", diff)
	}

	// Every other text column must be a code the schema bounds already.
	var unbounded []string
	if err := st.DB().Select(&unbounded, `
		SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c
		WHERE c.table_schema = 'public' AND c.data_type = 'text'
		  AND c.table_name IN ('policies', 'companies', 'jobs', 'schools', 'programs', 'projects', 'commitments')
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint k
		      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
		      WHERE k.conrelid = c.table_name::regclass AND a.attname = c.column_name AND k.contype IN ('c', 'f'))
		ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	if len(unbounded) > 0 {
		t.Errorf("text columns with no length CHECK, foreign key or CHECK: %s", strings.Join(unbounded, ", "))
	}
}

// TestLengthChecksRefuseWhatValidationWouldNot: a writer that skips
// validation still cannot store a 3 MB title, a NUL or invalid UTF-8; the
// refusals name the field in Vietnamese.
func TestLengthChecksRefuseWhatValidationWouldNot(t *testing.T) {
	st := testenv.Store(t)
	company := testenv.NewCompany(t, st, 1, "hcm", domain.StatusDraft)
	job := func(title string) *domain.Job {
		return &domain.Job{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "hcm-sonv"}, CompanyID: company.ID,
			Title: title, OccupationCode: "8", Positions: 1, EmploymentType: "full_time", Education: "none", City: "hcm"}
	}
	tests := []struct {
		name, title, field, msg string
	}{
		{"3 MB title", strings.Repeat("a", 3<<20), "title", domain.TooLongMessage(300)},
		{"NUL", "Thợ\x00hàn", "", domain.MsgBadText},
		{"invalid UTF-8", "Th\xff", "", domain.MsgBadText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := st.Create(ctx, job(tt.title))
			var ce *store.ConstraintError
			if !errors.As(err, &ce) {
				t.Fatalf("Create(job %s) = %v, want a ConstraintError", tt.name, err)
			}
			if field, msg := kind.Explain(ce); field != tt.field || msg != tt.msg {
				t.Fatalf("Create(job %s) = %v, want a ConstraintError on %q saying %q", tt.name, err, tt.field, tt.msg)
			}
		})
	}
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM jobs`); err != nil || n != 0 {
		t.Errorf("jobs stored = %d, %v; want 0", n, err)
	}
}

// TestUnreachableDatabaseIsUnavailable: a refused connection carries
// store.ErrUnavailable, so callers can tell an outage from a bug.
func TestUnreachableDatabaseIsUnavailable(t *testing.T) {
	_, err := store.Open(ctx, "postgres://postgres@127.0.0.1:1/hoptac?sslmode=disable", store.Options{})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Open(closed port) = %v, want ErrUnavailable", err)
	}
	st := testenv.Store(t)
	if err := st.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Meta(ctx, "no-such-key"); errors.Is(err, store.ErrUnavailable) || !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Meta(missing) = %v, want ErrNotFound and not ErrUnavailable", err)
	}
}
