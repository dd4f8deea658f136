-- Mp1 state of one MEC host: provisioned app instances, registrations, rules, services, subscriptions,
-- the notification outbox and the platform's token signing key.

CREATE TABLE app_instance (
    app_instance_id    VARCHAR(128) PRIMARY KEY,
    client_id          VARCHAR(64)  NOT NULL UNIQUE,
    client_secret_hash VARCHAR(128) NOT NULL,
    provisioning       TEXT         NOT NULL,
    ready_at           TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_registration (
    app_instance_id VARCHAR(128) PRIMARY KEY REFERENCES app_instance (app_instance_id) ON DELETE CASCADE,
    body            TEXT NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE traffic_rule (
    id              BIGSERIAL PRIMARY KEY,
    app_instance_id VARCHAR(128) NOT NULL REFERENCES app_instance (app_instance_id) ON DELETE CASCADE,
    traffic_rule_id VARCHAR(128) NOT NULL,
    priority        INTEGER      NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    body            TEXT         NOT NULL,
    version         INTEGER      NOT NULL,
    UNIQUE (app_instance_id, traffic_rule_id)
);
CREATE INDEX traffic_rule_active ON traffic_rule (state, priority);

CREATE TABLE dns_rule (
    id              BIGSERIAL PRIMARY KEY,
    app_instance_id VARCHAR(128) NOT NULL REFERENCES app_instance (app_instance_id) ON DELETE CASCADE,
    dns_rule_id     VARCHAR(128) NOT NULL,
    domain_name     VARCHAR(255) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    body            TEXT         NOT NULL,
    version         INTEGER      NOT NULL,
    UNIQUE (app_instance_id, dns_rule_id)
);
CREATE INDEX dns_rule_domain ON dns_rule (domain_name, state);

CREATE TABLE mec_service (
    ser_instance_id     VARCHAR(64)  PRIMARY KEY,
    app_instance_id     VARCHAR(128) NOT NULL REFERENCES app_instance (app_instance_id) ON DELETE CASCADE,
    ser_name            VARCHAR(255) NOT NULL,
    ser_category_id     VARCHAR(255),
    state               VARCHAR(16)  NOT NULL,
    is_local            BOOLEAN      NOT NULL,
    consumed_local_only BOOLEAN      NOT NULL,
    scope_of_locality   VARCHAR(32),
    liveness_interval   INTEGER,
    last_heartbeat      TIMESTAMP WITH TIME ZONE,
    body                TEXT         NOT NULL
);

CREATE TABLE mp1_subscription (
    subscription_id    VARCHAR(64)  PRIMARY KEY,
    app_instance_id    VARCHAR(128) NOT NULL REFERENCES app_instance (app_instance_id) ON DELETE CASCADE,
    subscription_type  VARCHAR(64)  NOT NULL,
    callback_reference VARCHAR(2048) NOT NULL,
    body               TEXT         NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mp1_subscription_app ON mp1_subscription (app_instance_id, subscription_type);

-- Pending graceful terminations: ended by confirm_termination or by the deadline.
CREATE TABLE app_termination (
    app_instance_id  VARCHAR(128) PRIMARY KEY REFERENCES app_instance (app_instance_id) ON DELETE CASCADE,
    operation_action VARCHAR(16) NOT NULL,
    remove_instance  BOOLEAN     NOT NULL,
    deadline         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at     TIMESTAMP WITH TIME ZONE
);

-- Notifications are written here in the transaction of the change and delivered from here (no loss on restart).
CREATE TABLE notification_outbox (
    id              VARCHAR(64)   PRIMARY KEY,
    subscription_id VARCHAR(64),
    callback_uri    VARCHAR(2048) NOT NULL,
    payload         TEXT          NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    status          VARCHAR(16)   NOT NULL,
    last_error      VARCHAR(512),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);

CREATE TABLE platform_key (
    id          INTEGER PRIMARY KEY,
    private_key TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
