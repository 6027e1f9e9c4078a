-- A message for the official's next page ("Đã lưu bản nháp"), kept in
-- their session instead of the URL: reopening a link shows nothing stale,
-- and no query string can put words on an admin page.

-- +goose Up
ALTER TABLE sessions
    ADD COLUMN flash_kind text CHECK (flash_kind IN ('ok', 'error')),
    ADD COLUMN flash text CHECK (length(flash) <= 1000);

-- +goose Down
ALTER TABLE sessions DROP COLUMN flash, DROP COLUMN flash_kind;
