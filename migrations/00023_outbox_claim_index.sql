-- +goose Up
-- Pending rows (not yet in every replica) by id, without reading done
-- ones: what OutboxState counts and what the delivery queues (00021,
-- claimed by their own index) point at. The old index led with
-- next_attempt_at, which claims no longer read on this table.
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
