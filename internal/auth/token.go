package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"time"
)

// Session timing: idle sessions end after IdleTimeout, every session after
// AbsoluteTimeout, whatever its activity.
const (
	IdleTimeout     = 30 * time.Minute
	AbsoluteTimeout = 12 * time.Hour
)

// NewToken returns 256 random bits, URL-safe.
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// SameToken compares two tokens in constant time.
func SameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// Login throttling: past these many failures within ThrottleWindow, logins
// for that account, or from that client address, are refused until the
// window has passed.
const (
	ThrottleWindow     = 15 * time.Minute
	MaxAccountFailures = 5
	MaxClientFailures  = 20
)
