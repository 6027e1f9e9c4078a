package store_test

import (
	"context"
	"testing"

	"hoptac/internal/domain"
	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

func TestAuditTrailRecordsWhoChangedWhatAndCannotBeRewritten(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	dept := "cantho-sonv"
	city := "cantho"
	u := store.User{Email: "an@cantho.gov.vn", Name: "Nguyễn Văn An", Role: "editor", City: &city, DepartmentCode: &dept, PasswordHash: "x"}
	if err := st.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	c := createEditPublishArchive(t, st, store.WithActor(ctx, store.Actor{UserID: u.ID, DepartmentCode: dept}))
	log, err := st.AuditLog(ctx, store.AuditFilter{EntityType: "company", EntityID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	checkAuditActions(t, log.Items, u.ID, dept)
	update := log.Items[2].Changes()
	if ch, ok := update["name"]; !ok || string(ch.From) != `"Công ty Lúa gạo Cái Răng"` || string(ch.To) != `"Công ty Lúa gạo Cái Răng Xanh"` {
		t.Errorf("update changes = %v, want name before → after", update)
	}
	if log.Items[0].Reason != "Ngừng hoạt động" {
		t.Errorf("archive reason = %q", log.Items[0].Reason)
	}
	history, err := st.History(ctx, "company", c.ID)
	if err != nil || len(history) != 4 {
		t.Fatalf("History = %d entries, %v", len(history), err)
	}
	checkAuditCannotBeRewritten(t, st, c.ID)
}

// createEditPublishArchive takes a company of Cần Thơ through its life
// as the actor of actx: created, renamed, published, archived.
func createEditPublishArchive(t *testing.T, st *store.Store, actx context.Context) domain.Company {
	t.Helper()
	c := domain.Company{Meta: domain.Meta{Status: domain.StatusDraft, DepartmentCode: "cantho-sonv"}, TaxCode: testenv.TaxCode(t, 5000),
		Name: "Công ty Lúa gạo Cái Răng", IndustryCode: "C", City: "cantho"}
	if err := st.Create(actx, &c); err != nil {
		t.Fatal(err)
	}
	c.Name = "Công ty Lúa gạo Cái Răng Xanh"
	if err := st.Update(actx, &c); err != nil {
		t.Fatal(err)
	}
	v, err := st.SetStatus(actx, store.Companies, c.ID, c.Version, domain.StatusPublished, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetStatus(actx, store.Companies, c.ID, v, domain.StatusArchived, "Ngừng hoạt động"); err != nil {
		t.Fatal(err)
	}
	return c
}

// checkAuditActions: the entries, newest first, are create, update,
// publish and archive, each by the user and department.
func checkAuditActions(t *testing.T, items []store.AuditEntry, userID int64, dept string) {
	t.Helper()
	var actions []string
	for i := len(items) - 1; i >= 0; i-- {
		e := items[i]
		actions = append(actions, e.Action)
		if e.UserID == nil || *e.UserID != userID || e.DepartmentCode == nil || *e.DepartmentCode != dept {
			t.Errorf("%s entry by user %v dept %v, want %d and %s", e.Action, e.UserID, e.DepartmentCode, userID, dept)
		}
	}
	if got := actions; len(got) != 4 || got[0] != "create" || got[1] != "update" || got[2] != "publish" || got[3] != "archive" {
		t.Fatalf("actions = %v, want create, update, publish, archive", got)
	}
}

// checkAuditCannotBeRewritten: the database refuses to change, delete or
// truncate the audit log, and the company's rows stay.
func checkAuditCannotBeRewritten(t *testing.T, st *store.Store, companyID int64) {
	t.Helper()
	for _, stmt := range []string{
		`UPDATE audit_log SET action = 'update'`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
	} {
		if _, err := st.DB().Exec(stmt); err == nil {
			t.Errorf("%s succeeded; the audit log must refuse it", stmt)
		}
	}
	var n int
	_ = st.DB().Get(&n, `SELECT count(*) FROM audit_log WHERE entity_type = 'company' AND entity_id = $1`, companyID)
	if n != 4 {
		t.Errorf("audit rows after the attempts = %d, want 4", n)
	}
}
