-- The login form's pre-sessions: before anyone signs in, the form's CSRF
-- token is bound to a random id kept in a cookie. Only a SHA-256 of the id
-- is stored, with the token, until it expires; an equal cookie and form
-- field that the server never issued do not pass.

-- +goose Up
CREATE TABLE login_presessions (
    id_hash    bytea PRIMARY KEY,
    csrf_token text NOT NULL CHECK (length(csrf_token) BETWEEN 32 AND 128),
    expires_at timestamptz NOT NULL
);
CREATE INDEX login_presessions_expires_idx ON login_presessions (expires_at);

-- +goose Down
DROP TABLE login_presessions;
