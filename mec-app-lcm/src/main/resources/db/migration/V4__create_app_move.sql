-- Checkpoint/restore moves of app instances between MEC hosts (/app_lcm_ext/v1/app_moves): one row per move,
-- updated and committed at every phase so a restarted LCM can finish or compensate what it was doing.
CREATE TABLE app_move (
    move_id               VARCHAR(64) PRIMARY KEY,
    app_instance_id       VARCHAR(64)  NOT NULL,
    source_host           VARCHAR(63)  NOT NULL,
    target_host           VARCHAR(63)  NOT NULL,
    mode                  VARCHAR(16)  NOT NULL,
    commit_mode           VARCHAR(8)   NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    phase                 VARCHAR(16)  NOT NULL,
    -- JSON array of {"phase", "at"}: every phase reached, in order
    phases                TEXT         NOT NULL,
    source_container_id   VARCHAR(128) NOT NULL,
    container_name        VARCHAR(255) NOT NULL,
    target_container_id   VARCHAR(128),
    -- JSON AppEndpoint {"host", "port"}
    source_endpoint       TEXT,
    target_endpoint       TEXT,
    -- JSON {"grantMs", "imageCopyMs", "freezeDumpMs", "transferRestoreMs", "firstResponseMs", "totalMs"}
    timings               TEXT         NOT NULL,
    archive_bytes         BIGINT,
    target_provisioned    BOOLEAN      NOT NULL,
    grant_id              VARCHAR(64),
    deprovision_source    BOOLEAN      NOT NULL,
    source_deprovisioned  BOOLEAN      NOT NULL,
    -- JSON ProblemDetails
    error                 TEXT,
    -- the replica working on the move and until when its claim holds (renewed while it works)
    claimed_by            VARCHAR(128),
    lease_until           TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX app_move_instance ON app_move (app_instance_id, created_at);
CREATE INDEX app_move_unfinished ON app_move (state) WHERE state IN ('PROCESSING', 'ROLLING_BACK');
-- at most one unfinished move per app instance (the service checks first under the instance's row lock)
CREATE UNIQUE INDEX app_move_one_open ON app_move (app_instance_id)
    WHERE state IN ('PROCESSING', 'AWAITING_COMMIT', 'ROLLING_BACK');
