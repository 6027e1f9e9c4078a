-- Files uploaded to the back office's import page wait here between the
-- preview (a dry run) and the official's confirmation, so any portal
-- instance can finish the import. Rows older than a day are removed.

-- +goose Up
CREATE TABLE import_uploads (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    filename   text NOT NULL,
    entry_type text NOT NULL DEFAULT '',
    content    bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE import_uploads;
