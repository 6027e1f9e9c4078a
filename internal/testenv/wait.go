package testenv

import "time"

// Eventually calls cond every interval until it returns true or within has
// passed, and tells whether it did; the caller says what did not happen.
func Eventually(within, interval time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(interval)
	}
}
