package auth

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

// ErrBusy means every password-check slot stayed taken for the whole wait:
// the caller should answer at once (503 with Retry-After) rather than queue.
var ErrBusy = errors.New("auth: too many password checks at once")

// HashWait is the longest a login waits for a password-check slot before
// it is told to come back.
const HashWait = 250 * time.Millisecond

// Hasher runs password checks within a memory budget. Each argon2 check
// holds its hash's memory (HashMemoryKiB for today's hashes, more for an
// older, bigger one) from a weighted semaphore, so a flood of logins costs
// at most the budget, however many arrive; those that find no room within
// the wait get ErrBusy.
type Hasher struct {
	sem    *semaphore.Weighted
	budget int64 // KiB
	wait   time.Duration
	checks atomic.Int64
}

// NewHasher allows maxConcurrent checks of today's hashes at once and lets
// a check wait at most wait for room.
func NewHasher(maxConcurrent int, wait time.Duration) *Hasher {
	budget := int64(max(maxConcurrent, 1)) * HashMemoryKiB
	return &Hasher{sem: semaphore.NewWeighted(budget), budget: budget, wait: wait}
}

// Checks counts the argon2 computations done so far (tests compare the
// work of different login outcomes with it).
func (h *Hasher) Checks() int64 { return h.checks.Load() }

// Verify tells whether password matches hash. An empty or malformed hash
// (no such account) is checked against a dummy hash, so every outcome
// costs one argon2 computation.
func (h *Hasher) Verify(ctx context.Context, password, hash string) (bool, error) {
	mem, ok := hashMemory(hash)
	if !ok {
		hash, mem = dummyHash(), HashMemoryKiB
	}
	if err := h.acquire(ctx, mem); err != nil {
		return false, err
	}
	defer h.release(mem)
	h.checks.Add(1)
	return VerifyPassword(password, hash) && ok, nil
}

// Hash makes a new hash of password within the budget (the upgrade of an
// older hash at login).
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx, HashMemoryKiB); err != nil {
		return "", err
	}
	defer h.release(HashMemoryKiB)
	h.checks.Add(1)
	return HashPassword(password)
}

func (h *Hasher) acquire(ctx context.Context, mem int64) error {
	ctx, cancel := context.WithTimeout(ctx, h.wait)
	defer cancel()
	if err := h.sem.Acquire(ctx, min(mem, h.budget)); err != nil {
		return ErrBusy
	}
	return nil
}

func (h *Hasher) release(mem int64) { h.sem.Release(min(mem, h.budget)) }
