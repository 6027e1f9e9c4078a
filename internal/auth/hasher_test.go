package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"
)

const pw = "sông Hậu chiều mưa 17"

func TestHashParametersAreOWASPMinimum(t *testing.T) {
	h, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, "$m=19456,t=2,p=1$") {
		t.Errorf("HashPassword = %q, want m=19456,t=2,p=1", h)
	}
	if NeedsRehash(h) {
		t.Errorf("NeedsRehash(today's hash) = true")
	}
}

func TestOlderHashesStillVerifyAndAskForARehash(t *testing.T) {
	// The parameters of every hash stored before this change.
	old, err := argon2id.CreateHash(pw, &argon2id.Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32})
	if err != nil {
		t.Fatal(err)
	}
	h := NewHasher(4, time.Second)
	if ok, err := h.Verify(context.Background(), pw, old); !ok || err != nil {
		t.Errorf("Verify(right password, old hash) = %v, %v; want true", ok, err)
	}
	if ok, _ := h.Verify(context.Background(), "sai rồi", old); ok {
		t.Error("Verify(wrong password, old hash) = true")
	}
	if !NeedsRehash(old) {
		t.Error("NeedsRehash(old hash) = false, want true")
	}
}

func TestEveryOutcomeCostsOneCheck(t *testing.T) {
	h := NewHasher(4, time.Second)
	stored, _ := HashPassword(pw)
	for name, hash := range map[string]string{"no account": "", "malformed": "$argon2id$nonsense", "account": stored} {
		before := h.Checks()
		ok, err := h.Verify(context.Background(), "sai rồi", hash)
		if ok || err != nil || h.Checks() != before+1 {
			t.Errorf("%s: Verify = %v, %v after %d checks; want false, nil after one", name, ok, err, h.Checks()-before)
		}
	}
	if ok, _ := h.Verify(context.Background(), "this account does not exist", ""); ok {
		t.Error("the dummy hash's own password logs in to no account")
	}
}

func TestHasherRefusesPastItsBudget(t *testing.T) {
	h := NewHasher(1, 50*time.Millisecond)
	ctx := context.Background()
	if err := h.acquire(ctx, HashMemoryKiB); err != nil { // the one slot, taken
		t.Fatal(err)
	}
	stored, _ := HashPassword(pw)
	start := time.Now()
	if _, err := h.Verify(ctx, pw, stored); !errors.Is(err, ErrBusy) {
		t.Errorf("Verify with the budget spent = %v, want ErrBusy", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("Verify waited %s for a slot, want about 50ms", waited)
	}
	if h.Checks() != 0 {
		t.Errorf("a refused check computed a hash")
	}
	h.release(HashMemoryKiB)
	if ok, err := h.Verify(ctx, pw, stored); !ok || err != nil {
		t.Errorf("Verify once the slot is free = %v, %v", ok, err)
	}
}
