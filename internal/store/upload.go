package store

import (
	"context"
	"database/sql"
	"errors"
)

// Upload is a file waiting between an import's preview and its confirmation.
type Upload struct {
	UserID    int64  `db:"user_id"`
	Filename  string `db:"filename"`
	EntryType string `db:"entry_type"`
	Content   []byte `db:"content"`
}

// SaveUpload keeps an uploaded file under the hash of token, and drops
// uploads older than a day.
func (s *Store) SaveUpload(ctx context.Context, token string, u Upload) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM import_uploads WHERE created_at < now() - interval '1 day'`); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO import_uploads (token_hash, user_id, filename, entry_type, content) VALUES ($1, $2, $3, $4, $5)`,
		TokenHash(token), u.UserID, u.Filename, u.EntryType, u.Content)
	return err
}

// TakeUpload returns and removes the upload of token if it belongs to user.
func (s *Store) TakeUpload(ctx context.Context, token string, userID int64) (Upload, error) {
	var u Upload
	err := s.db.GetContext(ctx, &u, `DELETE FROM import_uploads WHERE token_hash = $1 AND user_id = $2
		RETURNING user_id, filename, entry_type, content`, TokenHash(token), userID)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// Upload returns the upload of token if it belongs to user, and keeps it:
// the preview's pages read it again.
func (s *Store) Upload(ctx context.Context, token string, userID int64) (Upload, error) {
	var u Upload
	err := s.db.GetContext(ctx, &u, `SELECT user_id, filename, entry_type, content FROM import_uploads
		WHERE token_hash = $1 AND user_id = $2`, TokenHash(token), userID)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}
