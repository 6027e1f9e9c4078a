package store_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"hoptac/internal/store"
	"hoptac/internal/testenv"
)

func TestPreSessions(t *testing.T) {
	st := testenv.Store(t)
	token := "csrf-token-of-at-least-32-characters-long"
	if err := st.CreatePreSession(ctx, "old-id", token, time.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PreSessionCSRF(ctx, "old-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PreSessionCSRF(expired) = %v, want ErrNotFound", err)
	}
	if err := st.CreatePreSession(ctx, "new-id", token, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, err := st.PreSessionCSRF(ctx, "new-id"); err != nil || got != token {
		t.Errorf("PreSessionCSRF(live) = %q, %v; want the token", got, err)
	}
	var ids [][]byte
	if err := st.DB().Select(&ids, `SELECT id_hash FROM login_presessions`); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || string(ids[0]) != string(store.TokenHash("new-id")) {
		t.Errorf("stored pre-sessions = %d, want only the live one, by the hash of its id (the expired one removed)", len(ids))
	}
	if err := st.DeletePreSession(ctx, "new-id"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PreSessionCSRF(ctx, "new-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PreSessionCSRF(deleted) = %v, want ErrNotFound", err)
	}
	if err := st.CreatePreSession(ctx, "short", "too short", time.Now().Add(time.Hour)); err == nil {
		t.Error("CreatePreSession with a short token succeeded, want the CHECK to refuse it")
	}
}

// TestPreSessionsAreBounded: a flood of login-form visits keeps at most
// Options.MaxPreSessions rows, dropping those closest to expiry.
func TestPreSessionsAreBounded(t *testing.T) {
	st, err := store.Open(ctx, testenv.DatabaseURL(t), store.Options{MaxOpenConns: 2, MaxPreSessions: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	token := strings.Repeat("t", 43)
	base := time.Now().Add(time.Hour)
	for i := 0; i < 12; i++ {
		if err := st.CreatePreSession(ctx, fmt.Sprintf("visit-%d", i), token, base.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM login_presessions`); err != nil || n != 5 {
		t.Fatalf("pre-sessions after 12 visits = %d, %v; want 5", n, err)
	}
	if _, err := st.PreSessionCSRF(ctx, "visit-11"); err != nil {
		t.Errorf("the newest pre-session is gone: %v", err)
	}
	if _, err := st.PreSessionCSRF(ctx, "visit-0"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PreSessionCSRF(oldest) = %v, want ErrNotFound", err)
	}
}
