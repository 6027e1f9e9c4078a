package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// DefaultMaxPreSessions bounds the live pre-sessions: anyone can open the
// login form, so a flood of visits must not grow the table without end.
// Past the bound the ones closest to expiry go first (their form asks again).
const DefaultMaxPreSessions = 20000

// createPreSessionSQL stores a pre-session and, in the same statement,
// removes the expired ones and those past the bound ($4).
const createPreSessionSQL = `WITH expired AS (DELETE FROM login_presessions WHERE expires_at < now()),
	overflow AS (DELETE FROM login_presessions WHERE id_hash IN (
		SELECT id_hash FROM login_presessions ORDER BY expires_at DESC OFFSET $4))
INSERT INTO login_presessions (id_hash, csrf_token, expires_at) VALUES ($1, $2, $3)`

// CreatePreSession stores the login form's pre-session: the hash of id
// (the cookie's value) and the form's CSRF token, until expires.
func (s *Store) CreatePreSession(ctx context.Context, id, csrf string, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, createPreSessionSQL, TokenHash(id), csrf, expires, s.maxPreSessions-1)
	return translate(err)
}

// PreSessionCSRF returns the CSRF token of the live pre-session id, or
// ErrNotFound.
func (s *Store) PreSessionCSRF(ctx context.Context, id string) (string, error) {
	var csrf string
	err := s.db.GetContext(ctx, &csrf, `SELECT csrf_token FROM login_presessions WHERE id_hash = $1 AND expires_at > now()`, TokenHash(id))
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return csrf, err
}

// DeletePreSession ends a pre-session (at a successful login).
func (s *Store) DeletePreSession(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_presessions WHERE id_hash = $1`, TokenHash(id))
	return err
}
