-- +goose Up
-- The worker claims pending rows in id order (ProcessOutbox: ORDER BY id
-- LIMIT n FOR UPDATE SKIP LOCKED). An index on id over pending rows only
-- hands them over in that order without reading done ones; the old index
-- led with next_attempt_at and made PostgreSQL sort every pending row.
CREATE INDEX search_outbox_claim_idx ON search_outbox (id)
    WHERE done_at IS NULL AND parked_at IS NULL;
DROP INDEX search_outbox_pending_idx;
-- Pruning deletes by done_at.
CREATE INDEX search_outbox_done_idx ON search_outbox (done_at) WHERE done_at IS NOT NULL;

-- +goose Down
DROP INDEX search_outbox_done_idx;
CREATE INDEX search_outbox_pending_idx ON search_outbox (next_attempt_at, id)
    WHERE done_at IS NULL AND parked_at IS NULL;
DROP INDEX search_outbox_claim_idx;
