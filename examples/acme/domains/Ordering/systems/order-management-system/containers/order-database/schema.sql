-- Order Management System: system of record for orders.

CREATE TYPE order_status AS ENUM ('CONFIRMED', 'COMPLETED', 'CANCELLED');

CREATE TABLE orders (
    order_id         UUID PRIMARY KEY,
    checkout_id      UUID NOT NULL UNIQUE,
    shopper_id       UUID NOT NULL,
    status           order_status NOT NULL DEFAULT 'CONFIRMED',
    total_minor      BIGINT NOT NULL CHECK (total_minor >= 0),
    currency         CHAR(3) NOT NULL,
    payment_id       UUID NOT NULL,
    reservation_id   UUID NOT NULL,
    shipping_address JSONB NOT NULL,
    placed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at        TIMESTAMPTZ
);

CREATE INDEX orders_by_shopper ON orders (shopper_id, placed_at DESC);

CREATE TABLE order_lines (
    order_id         UUID NOT NULL REFERENCES orders (order_id),
    line_number      SMALLINT NOT NULL,
    sku              TEXT NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, line_number)
);

-- A cancel that arrives before its create leaves a tombstone so the late create is refused.
CREATE TABLE order_cancellation_tombstones (
    checkout_id  UUID PRIMARY KEY,
    reason       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Transactional outbox relayed to the orders.events topic.
CREATE TABLE outbox (
    id            BIGSERIAL PRIMARY KEY,
    aggregate_id  UUID NOT NULL,
    event_type    TEXT NOT NULL,
    payload       BYTEA NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
