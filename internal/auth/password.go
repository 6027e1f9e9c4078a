// Package auth holds what officials' accounts need apart from storage:
// password rules and hashing, session tokens, login throttling and the
// rules of who may change what.
package auth

import (
	_ "embed"
	"errors"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"

	"hoptac/internal/vn"
)

// hashParams are argon2id's parameters: 19 MiB, 2 passes, 1 lane — OWASP's
// minimum. Memory is what bounds a login flood (see Hasher), so it stays
// at the minimum and the passes carry the cost.
var hashParams = &argon2id.Params{Memory: HashMemoryKiB, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashMemoryKiB is the memory one password check with hashParams takes.
const HashMemoryKiB = 19 * 1024

// HashPassword returns the argon2id hash of a password that passes CheckPassword.
func HashPassword(password string) (string, error) {
	return argon2id.CreateHash(password, hashParams)
}

// VerifyPassword tells whether password matches hash, whatever parameters
// the hash was made with.
func VerifyPassword(password, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

// NeedsRehash tells whether hash was made with other parameters than
// today's, so a successful login should store a new one.
func NeedsRehash(hash string) bool {
	p, _, _, err := argon2id.DecodeHash(hash)
	return err != nil || p.Memory != hashParams.Memory || p.Iterations != hashParams.Iterations ||
		p.Parallelism != hashParams.Parallelism || p.KeyLength != hashParams.KeyLength
}

// hashMemory is what checking hash costs, in KiB; a hash that does not
// decode is checked against the dummy hash instead.
func hashMemory(hash string) (int64, bool) {
	p, _, _, err := argon2id.DecodeHash(hash)
	if err != nil {
		return 0, false
	}
	return int64(p.Memory), true
}

// dummyHash is verified against when the account does not exist, so a
// wrong email takes as long as a wrong password. It is made on first use,
// which commands other than serve should not pay for.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("this account does not exist")
	return h
})

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

//go:embed common-passwords.txt
var commonPasswordList string

var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}()

// Password problems, in Vietnamese for the person choosing one.
var (
	ErrPasswordShort  = errors.New("Mật khẩu phải có ít nhất 12 ký tự.")
	ErrPasswordCommon = errors.New("Mật khẩu này quá phổ biến hoặc dễ đoán. Vui lòng chọn mật khẩu khác.")
)

// CheckPassword applies the rules: long enough, not a common password, not
// one character repeated, not built from the email.
func CheckPassword(password, email string) error {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return ErrPasswordShort
	}
	lower := strings.ToLower(password)
	folded := vn.Slug(password) // accents, case and punctuation gone
	folded = strings.ReplaceAll(folded, "-", "")
	if commonPasswords[lower] || commonPasswords[folded] {
		return ErrPasswordCommon
	}
	if strings.Count(lower, string([]rune(lower)[0])) == utf8.RuneCountInString(lower) {
		return ErrPasswordCommon
	}
	for _, base := range commonPasswordList0() {
		if strings.Contains(folded, base) && len(folded) < len(base)+7 {
			return ErrPasswordCommon
		}
	}
	if local, _, ok := strings.Cut(strings.ToLower(email), "@"); ok && len(local) >= 4 && strings.Contains(lower, local) {
		return ErrPasswordCommon
	}
	return nil
}

// commonPasswordList0 are stems that padding with a few digits or a "!"
// does not make safe ("matkhau123!").
func commonPasswordList0() []string {
	return []string{"password", "matkhau", "123456", "qwerty", "iloveyou", "anhyeuem", "emyeuanh", "admin", "hoptac", "laodong"}
}
