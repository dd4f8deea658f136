-- mec-common's notification outbox (org.edgemec.common.outbox), the same table in every service's schema: AMS
-- notifications are written here in the transaction of the change and delivered with retries and backoff.
CREATE TABLE notification_outbox (
    id              VARCHAR(64)   PRIMARY KEY,
    subscription_id VARCHAR(64),
    callback_uri    VARCHAR(2048) NOT NULL,
    payload         TEXT          NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    status          VARCHAR(16)   NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
