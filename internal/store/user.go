package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// User is an official's account.
type User struct {
	ID             int64      `db:"id"`
	Email          string     `db:"email"`
	Name           string     `db:"name"`
	Role           string     `db:"role"` // admin or editor
	City           *string    `db:"city"` // nil for admins
	DepartmentCode *string    `db:"department_code"`
	PasswordHash   string     `db:"password_hash"`
	DisabledAt     *time.Time `db:"disabled_at"`
	CreatedAt      time.Time  `db:"created_at"`
	// MustChangePassword: the password is a temporary one an admin gave.
	MustChangePassword bool `db:"must_change_password"`
}

const userColumns = `id, email, name, role, city, department_code, password_hash, disabled_at, created_at, must_change_password`

// CreateUser adds an account; the email is stored lower-cased.
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		return translate(tx.GetContext(ctx, u, `INSERT INTO users (email, name, role, city, department_code, password_hash)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING `+userColumns,
			u.Email, u.Name, u.Role, u.City, u.DepartmentCode, u.PasswordHash))
	})
}

// UserByEmail finds an account by email (any case).
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	var u User
	err := get(ctx, s.db, &u, `SELECT `+userColumns+` FROM users WHERE email = $1`, strings.ToLower(strings.TrimSpace(email)))
	return u, err
}

// Users lists every account.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := s.db.SelectContext(ctx, &out, `SELECT `+userColumns+` FROM users ORDER BY role, email`)
	return out, err
}

// DisableUser disables an account and ends its sessions, in one transaction.
func (s *Store) DisableUser(ctx context.Context, email string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var id int64
		err := tx.GetContext(ctx, &id, `UPDATE users SET disabled_at = COALESCE(disabled_at, now()) WHERE email = $1 RETURNING id`,
			strings.ToLower(strings.TrimSpace(email)))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
		return err
	})
}

// Session is a signed-in official's server-side session.
type Session struct {
	User      User
	CSRFToken string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// TokenHash is what is stored of a session token.
func TokenHash(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// CreateSession stores a new session for token (only its hash is kept).
func (s *Store) CreateSession(ctx context.Context, userID int64, token, csrf string, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`,
		TokenHash(token), userID, csrf, expires)
	return err
}

// SessionByToken returns the live session of token and notes the visit. A
// session is dead once expired (absolute limit), idle longer than idle, or
// its account disabled.
func (s *Store) SessionByToken(ctx context.Context, token string, idle time.Duration) (Session, error) {
	var row struct {
		User
		CSRF     string    `db:"csrf_token"`
		SCreated time.Time `db:"session_created_at"`
		SExpires time.Time `db:"expires_at"`
	}
	err := s.db.GetContext(ctx, &row, `UPDATE sessions s SET last_seen_at = now()
		FROM users u
		WHERE s.token_hash = $1 AND u.id = s.user_id AND u.disabled_at IS NULL
		  AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)
		RETURNING u.id, u.email, u.name, u.role, u.city, u.department_code, u.password_hash, u.disabled_at, u.created_at, u.must_change_password,
		          s.csrf_token, s.created_at AS session_created_at, s.expires_at`, TokenHash(token), idle.Seconds())
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrNotFound
	}
	if err != nil {
		return Session{}, fmt.Errorf("read session: %w", err)
	}
	return Session{User: row.User, CSRFToken: row.CSRF, CreatedAt: row.SCreated, ExpiresAt: row.SExpires}, nil
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, TokenHash(token))
	return err
}

// RecordLoginFailure notes a failed login for the account and the client.
func (s *Store) RecordLoginFailure(ctx context.Context, email, client string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO login_failures (email, client) VALUES ($1, $2)`,
		strings.ToLower(strings.TrimSpace(email)), client)
	return err
}

// LoginFailures counts the failures of an account and of a client since.
func (s *Store) LoginFailures(ctx context.Context, email, client string, since time.Time) (byEmail, byClient int, err error) {
	err = s.db.QueryRowxContext(ctx, `SELECT
		(SELECT count(*) FROM login_failures WHERE email = $1 AND failed_at > $3),
		(SELECT count(*) FROM login_failures WHERE client = $2 AND failed_at > $3)`,
		strings.ToLower(strings.TrimSpace(email)), client, since).Scan(&byEmail, &byClient)
	return byEmail, byClient, err
}

// ClearLoginFailures forgets an account's failures after a good login.
func (s *Store) ClearLoginFailures(ctx context.Context, email string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_failures WHERE email = $1`, strings.ToLower(strings.TrimSpace(email)))
	return err
}

// UpgradePasswordHash replaces an account's password hash made with older
// parameters, unless the password was changed meanwhile (old no longer
// stored): then nothing changes.
func (s *Store) UpgradePasswordHash(ctx context.Context, userID int64, old, hash string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, userID, old, hash)
	return err
}

// SignIn is a successful login: the new session, and the pre-session and
// the account's failed logins it leaves behind.
type SignIn struct {
	UserID     int64
	Email      string
	Token      string // the session cookie's value; only its hash is stored
	CSRF       string
	PreSession string // the login form's pre-session id
	Expires    time.Time
}

// CreateSignIn stores the session, forgets the account's failures and
// ends the login form's pre-session, in one transaction.
func (s *Store) CreateSignIn(ctx context.Context, in SignIn) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`,
			TokenHash(in.Token), in.UserID, in.CSRF, in.Expires); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE email = $1`, strings.ToLower(strings.TrimSpace(in.Email))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM login_presessions WHERE id_hash = $1`, TokenHash(in.PreSession))
		return err
	})
}
