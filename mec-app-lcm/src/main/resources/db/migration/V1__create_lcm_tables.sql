-- MEC hosts known to the LCM: from configuration (source CONFIG) or the extension API (source API).
CREATE TABLE mec_host (
    name               VARCHAR(63) PRIMARY KEY,
    engine_kind        VARCHAR(16)  NOT NULL,
    engine_endpoint    VARCHAR(512) NOT NULL,
    platform_url       VARCHAR(512),
    zone               VARCHAR(128) NOT NULL,
    capacity_cpu       INTEGER      NOT NULL,
    capacity_memory_mb INTEGER      NOT NULL,
    source             VARCHAR(16)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);

-- MEC 010-2 application packages; the bytes are on disk under edgemec.lcm.package-dir.
CREATE TABLE app_package (
    id                 VARCHAR(64) PRIMARY KEY,
    app_d_id           VARCHAR(255) NOT NULL,
    app_pkg_name       VARCHAR(255) NOT NULL,
    app_pkg_version    VARCHAR(255) NOT NULL,
    app_pkg_path       VARCHAR(2048),
    app_provider       VARCHAR(255),
    app_name           VARCHAR(255),
    app_soft_version   VARCHAR(255),
    app_d_version      VARCHAR(255),
    checksum_algorithm VARCHAR(32)  NOT NULL,
    checksum_hash      VARCHAR(256) NOT NULL,
    user_defined_data  TEXT,
    onboarding_state   VARCHAR(16)  NOT NULL,
    operational_state  VARCHAR(16)  NOT NULL,
    usage_state        VARCHAR(16)  NOT NULL,
    failure_detail     TEXT,
    appd_json          TEXT,
    image_name         VARCHAR(512),
    image_entry        VARCHAR(512),
    image_kind         VARCHAR(16),
    content_size       BIGINT,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX app_package_app_d_id ON app_package (app_d_id);

CREATE TABLE pkg_subscription (
    id                VARCHAR(64) PRIMARY KEY,
    subscription_type VARCHAR(64)   NOT NULL,
    callback_uri      VARCHAR(2048) NOT NULL,
    filter_json       TEXT,
    created_at        TIMESTAMPTZ   NOT NULL
);

-- Notifications to subscribers: written in the transaction of the change, delivered by NotificationDispatcher.
CREATE TABLE notification_outbox (
    id              VARCHAR(64) PRIMARY KEY,
    subscription_id VARCHAR(64)   NOT NULL,
    callback_uri    VARCHAR(2048) NOT NULL,
    body            TEXT          NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    given_up        BOOLEAN       NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE delivered_at IS NULL AND NOT given_up;

CREATE TABLE app_grant (
    id                VARCHAR(64) PRIMARY KEY,
    app_instance_id   VARCHAR(64)  NOT NULL,
    app_lcm_op_occ_id VARCHAR(64)  NOT NULL,
    app_d_id          VARCHAR(255) NOT NULL,
    operation         VARCHAR(16)  NOT NULL,
    host_name         VARCHAR(63),
    cpu               INTEGER      NOT NULL,
    memory_mb         INTEGER      NOT NULL,
    active            BOOLEAN      NOT NULL,
    body_json         TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX app_grant_host ON app_grant (host_name) WHERE active;

CREATE TABLE app_instance (
    id                  VARCHAR(64) PRIMARY KEY,
    app_d_id            VARCHAR(255) NOT NULL,
    app_pkg_id          VARCHAR(64)  NOT NULL,
    name                VARCHAR(255),
    description         TEXT,
    app_provider        VARCHAR(255) NOT NULL,
    app_name            VARCHAR(255) NOT NULL,
    app_soft_version    VARCHAR(255) NOT NULL,
    app_d_version       VARCHAR(255) NOT NULL,
    placement_mep_id    VARCHAR(255),
    instantiation_state VARCHAR(32)  NOT NULL,
    operational_state   VARCHAR(16),
    host_name           VARCHAR(63),
    container_id        VARCHAR(128),
    container_name      VARCHAR(255),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE lcm_op_occ (
    id                 VARCHAR(64) PRIMARY KEY,
    app_instance_id    VARCHAR(64)  NOT NULL,
    lcm_operation      VARCHAR(16)  NOT NULL,
    operation_state    VARCHAR(16)  NOT NULL,
    state_entered_time TIMESTAMPTZ  NOT NULL,
    start_time         TIMESTAMPTZ  NOT NULL,
    operation_params   TEXT,
    is_cancel_pending  BOOLEAN      NOT NULL,
    cancel_mode        VARCHAR(16),
    error_detail       TEXT,
    steps              TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX lcm_op_occ_instance ON lcm_op_occ (app_instance_id);

CREATE TABLE lcm_subscription (
    id                VARCHAR(64) PRIMARY KEY,
    subscription_type VARCHAR(64)   NOT NULL,
    callback_uri      VARCHAR(2048) NOT NULL,
    request_json      TEXT          NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL
);
