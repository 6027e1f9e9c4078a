package store

import "math/rand/v2"

// jitter returns a random duration in [0, n) nanoseconds.
func jitter(n int64) int64 {
	if n <= 0 {
		return 0
	}
	return rand.Int64N(n)
}
