package seed

import (
	"strings"
	"testing"
	"time"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

var entryTables = []string{"policies", "commitments", "companies", "jobs", "schools", "programs", "projects"}

// TestDemoTimelineIsConsistent: no demo entry is published before it was
// created; its history starts at the demo's dates, not when the seed ran;
// every body named — on an entry, a history line or a ledger update — was
// competent on that day (after 01/03/2025 the successors of the Sở
// LĐ-TB&XH), and the program is the one the article describes.
func TestDemoTimelineIsConsistent(t *testing.T) {
	t.Parallel()
	st, _ := demo(t)
	for _, table := range entryTables {
		if n := testenv.Count(t, st, `SELECT count(*) FROM `+table+` WHERE published_at < created_at`); n > 0 {
			t.Errorf("%s: %d entries published before they were created", table, n)
		}
		if n := testenv.Count(t, st, `SELECT count(*) FROM `+table+` WHERE updated_at < created_at OR (version = 1 AND published_at IS NOT NULL AND updated_at <> created_at)`); n > 0 {
			t.Errorf("%s: %d entries updated before they were created, or first versions dated after", table, n)
		}
		if n := testenv.Count(t, st, `SELECT count(*) FROM `+table+` e JOIN departments d ON d.code = e.department_code
			WHERE NOT (d.valid_from <= vn_date(COALESCE(e.published_at, e.created_at))
			           AND (d.valid_to IS NULL OR d.valid_to >= vn_date(COALESCE(e.published_at, e.created_at))))`); n > 0 {
			t.Errorf("%s: %d entries attributed to a body not competent on their publication date", table, n)
		}
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM audit_log a JOIN departments d ON d.code = a.department_code
		WHERE NOT (d.valid_from <= vn_date(a.at) AND (d.valid_to IS NULL OR d.valid_to >= vn_date(a.at)))`); n > 0 {
		t.Errorf("%d history lines name a body not competent on their date", n)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM commitment_updates u JOIN departments d ON d.code = u.department_code
		WHERE NOT (d.valid_from <= u.on_date AND (d.valid_to IS NULL OR d.valid_to >= u.on_date))`); n > 0 {
		t.Errorf("%d ledger updates signed by a body not competent on their date", n)
	}
	if n := testenv.Count(t, st, `SELECT count(*) FROM audit_log a JOIN departments d ON d.code = a.department_code
		WHERE a.at >= '2025-03-01' AND d.code LIKE '%soldtbxh'`); n > 0 {
		t.Errorf("%d history lines after 01/03/2025 name the dissolved Sở LĐ-TB&XH", n)
	}
	for table, entity := range map[string]string{"policies": "policy", "jobs": "job", "schools": "school", "commitments": "commitment"} {
		if n := testenv.Count(t, st, `SELECT count(*) FROM `+table+` e JOIN audit_log a ON a.entity_type = $1 AND a.entity_id = e.id AND a.action = 'create'
			WHERE e.published_at IS NOT NULL AND a.at <> e.published_at`, entity); n > 0 {
			t.Errorf("%s: %d published entries whose history does not start on their publication date", table, n)
		}
	}
	var first time.Time
	if err := st.DB().GetContext(ctx, &first, `SELECT a.at FROM audit_log a JOIN policies p ON p.id = a.entity_id AND a.entity_type = 'policy'
		WHERE p.external_id = 'demo-program-2024' ORDER BY a.at LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if got := first.In(time.FixedZone("ICT", 7*3600)).Format("02/01/2006"); got != "28/06/2024" {
		t.Errorf("the program's history starts on %s, want 28/06/2024", got)
	}
	p, err := store.ByExternalID[domain.Policy](ctx, st, "demo-program-2024")
	if err != nil {
		t.Fatal(err)
	}
	text := p.Summary + "\n" + p.Body
	for _, want := range []string{"28/6/2024", "Hội trường Ủy ban nhân dân TP. Cần Thơ", "Lê Văn Thinh", "Trần Thị Xuân Mai",
		"2024 – 2025", "lao động, người có công và xã hội", "## Nguyên tắc hợp tác", "## Nội dung hợp tác",
		"tiếp cận, đầu tư và hỗ trợ giáo dục nghề nghiệp, giải quyết việc làm, quản lý lao động"} {
		if !strings.Contains(text, want) {
			t.Errorf("the program does not say %q", want)
		}
	}
	if p.EffectiveFrom == nil || p.EffectiveTo == nil || p.EffectiveFrom.Year() != 2024 || p.EffectiveTo.Year() != 2025 {
		t.Errorf("program period = %v – %v, want 2024 – 2025", p.EffectiveFrom, p.EffectiveTo)
	}
	unmarked := testenv.Count(t, st, `SELECT count(*) FROM commitment_evidence WHERE NOT example OR source = ''`)
	if unmarked > 0 || testenv.Count(t, st, `SELECT count(*) FROM commitment_evidence`) == 0 {
		t.Errorf("%d demo evidence links are not marked as examples with a source", unmarked)
	}
}
