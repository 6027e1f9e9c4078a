-- +goose Up
-- Several Meilisearch instances, each a full copy of the index. Every
-- change in search_outbox must reach each of them, whichever is down, so
-- each replica has its own queue: one delivery row per (replica, outbox
-- row), added by a trigger in the writing transaction and deleted once
-- that replica has the change. An outbox row is done when its last
-- delivery is; pruning removes only done rows, so it never takes a change
-- a replica still lacks.
CREATE TABLE search_replicas (
    name           text PRIMARY KEY,   -- the index's address: <MEILI_URL>/indexes/<index>
    added_at       timestamptz NOT NULL DEFAULT now(),
    -- Set when the replica joined after changes were pruned: it cannot
    -- catch up from the outbox and waits for `hoptac reindex --replica`.
    rebuild_needed boolean NOT NULL DEFAULT false
);

CREATE TABLE search_deliveries (
    replica         text NOT NULL REFERENCES search_replicas (name) ON DELETE CASCADE,
    outbox_id       bigint NOT NULL REFERENCES search_outbox (id) ON DELETE CASCADE,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text NOT NULL DEFAULT '',
    parked_at       timestamptz,
    PRIMARY KEY (replica, outbox_id)
);
-- Claims read a replica's due deliveries in outbox order.
CREATE INDEX search_deliveries_due_idx ON search_deliveries (replica, outbox_id) WHERE parked_at IS NULL;
CREATE INDEX search_deliveries_outbox_idx ON search_deliveries (outbox_id);

-- +goose StatementBegin
CREATE FUNCTION deliver_search_change() RETURNS trigger AS $$
BEGIN
    INSERT INTO search_deliveries (replica, outbox_id)
        SELECT name, NEW.id FROM search_replicas WHERE NOT rebuild_needed;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER search_outbox_deliver AFTER INSERT ON search_outbox
    FOR EACH ROW EXECUTE FUNCTION deliver_search_change();

-- +goose Down
DROP TRIGGER search_outbox_deliver ON search_outbox;
DROP FUNCTION deliver_search_change();
DROP TABLE search_deliveries;
DROP TABLE search_replicas;
