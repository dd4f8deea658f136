-- MEC 021 subscriptions (MobilityProcedureSubscription, AdjacentAppInfoSubscription) of this AMS. The body is the
-- stored subscription as JSON; the other columns are what notification matching and expiry work on.
CREATE TABLE ams_subscription (
    subscription_id     VARCHAR(64)   PRIMARY KEY,
    subscription_type   VARCHAR(64)   NOT NULL,
    -- filterCriteria.appInstanceId; NULL: every application instance
    app_instance_id     VARCHAR(128),
    callback_reference  VARCHAR(2048) NOT NULL,
    body                TEXT          NOT NULL,
    -- expiryDeadline; NULL: never expires
    expiry_deadline     TIMESTAMP WITH TIME ZONE,
    -- when the ExpiryNotification ahead of the deadline was enqueued; NULL: not yet
    expiry_notified_at  TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ams_subscription_match ON ams_subscription (subscription_type, app_instance_id);
CREATE INDEX ams_subscription_expiry ON ams_subscription (expiry_deadline) WHERE expiry_deadline IS NOT NULL;
