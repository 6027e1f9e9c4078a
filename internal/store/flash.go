package store

import (
	"context"
	"database/sql"
	"errors"
)

// Flash is a message for an official's next page.
type Flash struct {
	Kind string `db:"flash_kind"` // "ok" or "error"
	Text string `db:"flash"`
}

const (
	setFlashSQL  = `UPDATE sessions SET flash_kind = $2, flash = $3 WHERE token_hash = $1`
	takeFlashSQL = `UPDATE sessions s SET flash_kind = NULL, flash = NULL
		FROM (SELECT token_hash, flash_kind, flash FROM sessions WHERE token_hash = $1 AND flash IS NOT NULL FOR UPDATE) old
		WHERE s.token_hash = old.token_hash
		RETURNING old.flash_kind, old.flash`
)

// SetFlash keeps a message in the session of token for its next page.
func (s *Store) SetFlash(ctx context.Context, token string, f Flash) error {
	_, err := s.db.ExecContext(ctx, setFlashSQL, TokenHash(token), f.Kind, f.Text)
	return err
}

// TakeFlash returns the session's message and forgets it; a session with
// none gives the zero Flash.
func (s *Store) TakeFlash(ctx context.Context, token string) (Flash, error) {
	var f Flash
	err := s.db.GetContext(ctx, &f, takeFlashSQL, TokenHash(token))
	if errors.Is(err, sql.ErrNoRows) {
		return Flash{}, nil
	}
	return f, err
}
