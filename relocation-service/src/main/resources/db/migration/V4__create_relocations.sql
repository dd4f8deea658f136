-- The relocation saga (org.edgemec.relocation.saga): one row per relocation, one row per step it ran.
CREATE TABLE relocation (
    relocation_id    VARCHAR(64)  PRIMARY KEY,
    idempotency_key  VARCHAR(255) UNIQUE,
    app_instance_id  VARCHAR(128) NOT NULL,
    app_d_id         VARCHAR(128),
    source_host      VARCHAR(128),
    target_host      VARCHAR(128),
    -- the request as accepted (placement, steering, state transfer, associateId), JSON
    request          TEXT         NOT NULL,
    steering         VARCHAR(32)  NOT NULL,
    state_transfer   VARCHAR(32)  NOT NULL,
    state            VARCHAR(32)  NOT NULL,
    current_step     VARCHAR(32),
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    -- what the steps learnt and did (move id, endpoints, handovers), JSON; read by the next step and by compensation
    context          TEXT         NOT NULL,
    downtime_ms      BIGINT,
    error            TEXT,
    lease_owner      VARCHAR(128),
    lease_until      TIMESTAMPTZ,
    next_run_at      TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    ended_at         TIMESTAMPTZ
);
-- at most one unfinished relocation per app instance, enforced by the database (a concurrent second POST is a 409)
CREATE UNIQUE INDEX relocation_one_active_per_instance ON relocation (app_instance_id)
    WHERE state IN ('PENDING', 'RUNNING', 'COMPENSATING');
CREATE INDEX relocation_due ON relocation (next_run_at) WHERE state IN ('PENDING', 'RUNNING', 'COMPENSATING');
CREATE INDEX relocation_created ON relocation (created_at);

CREATE TABLE relocation_step (
    relocation_id VARCHAR(64) NOT NULL REFERENCES relocation (relocation_id) ON DELETE CASCADE,
    seq           INT         NOT NULL,
    name          VARCHAR(32) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    duration_ms   BIGINT,
    attempts      INT         NOT NULL,
    detail        TEXT,
    error         TEXT,
    PRIMARY KEY (relocation_id, seq)
);
