-- Accounts managed in the back office: an account made by an admin gets a
-- temporary password that must be changed at first sign-in, and every
-- change to an account (made, changed, disabled, re-enabled) is in the
-- audit log as entity_type 'user'.

-- +goose Up
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'archive', 'restore', 'delete', 'disable', 'enable'));

-- +goose Down
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'archive', 'restore', 'delete'));
ALTER TABLE users DROP COLUMN must_change_password;
