-- MEC 021 application mobility service registrations (RegistrationInfo) of this AMS. The body is the stored
-- RegistrationInfo as JSON; the other columns are what lookups, ownership and expiry work on.

CREATE TABLE app_mobility_service (
    app_mobility_service_id VARCHAR(64)  PRIMARY KEY,
    app_instance_id         VARCHAR(128),
    mep_id                  VARCHAR(128),
    body                    TEXT         NOT NULL,
    -- expiryTime of the registration in seconds; NULL or 0: never expires
    expiry_time             BIGINT,
    -- when the timer started by the last accepted POST/PUT runs out; NULL: never
    expires_at              TIMESTAMP WITH TIME ZONE,
    version                 INTEGER      NOT NULL,
    registered_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_mobility_service_one_consumer
        CHECK ((app_instance_id IS NULL) <> (mep_id IS NULL))
);
CREATE INDEX app_mobility_service_app_instance ON app_mobility_service (app_instance_id);
CREATE INDEX app_mobility_service_mep ON app_mobility_service (mep_id);
CREATE INDEX app_mobility_service_expiry ON app_mobility_service (expires_at) WHERE expires_at IS NOT NULL;
