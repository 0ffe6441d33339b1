-- Inventory System: stock levels and reservations.

CREATE TABLE stock_levels (
    sku             TEXT NOT NULL,
    warehouse_code  TEXT NOT NULL,
    on_hand         INTEGER NOT NULL CHECK (on_hand >= 0),
    held            INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
    safety_stock    INTEGER NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, warehouse_code),
    CHECK (held <= on_hand)
);

CREATE TYPE reservation_status AS ENUM ('HELD', 'CONSUMED', 'RELEASED', 'EXPIRED');

CREATE TABLE reservations (
    reservation_id  UUID PRIMARY KEY,
    checkout_id     UUID NOT NULL,
    status          reservation_status NOT NULL DEFAULT 'HELD',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);

-- At most one live hold per checkout.
CREATE UNIQUE INDEX one_active_reservation_per_checkout
    ON reservations (checkout_id) WHERE status = 'HELD';

CREATE INDEX reservations_expiring ON reservations (expires_at) WHERE status = 'HELD';

CREATE TABLE reservation_lines (
    reservation_id  UUID NOT NULL REFERENCES reservations (reservation_id),
    sku             TEXT NOT NULL,
    warehouse_code  TEXT NOT NULL,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, sku, warehouse_code),
    FOREIGN KEY (sku, warehouse_code) REFERENCES stock_levels (sku, warehouse_code)
);
