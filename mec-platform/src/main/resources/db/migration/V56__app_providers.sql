-- App providers (EdgeMEC operator extension): an app not instantiated by the MEC management (AppInfo isInsByMec
-- false) registers over Mp1 with its provider's client credentials, which the operator issues here.
CREATE TABLE app_provider (
    provider_id        VARCHAR(36)  PRIMARY KEY,
    app_provider       VARCHAR(255) NOT NULL UNIQUE,
    client_id          VARCHAR(64)  NOT NULL UNIQUE,
    client_secret_hash VARCHAR(128) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An instance registered by a provider has neither an LCM provisioning nor credentials of its own (the provider's
-- token acts for it); an instance provisioned by the LCM has both and no provider. Removing a provider removes its
-- instances first (with their services, announced REMOVED), so the reference has no cascade.
ALTER TABLE app_instance ADD COLUMN ins_by_mec BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE app_instance ADD COLUMN app_provider_id VARCHAR(36) REFERENCES app_provider (provider_id);
ALTER TABLE app_instance ALTER COLUMN provisioning DROP NOT NULL;
ALTER TABLE app_instance ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE app_instance ALTER COLUMN client_secret_hash DROP NOT NULL;
ALTER TABLE app_instance ADD CONSTRAINT app_instance_origin CHECK (
    (ins_by_mec AND provisioning IS NOT NULL AND client_id IS NOT NULL AND client_secret_hash IS NOT NULL
        AND app_provider_id IS NULL)
    OR (NOT ins_by_mec AND provisioning IS NULL AND client_id IS NULL AND client_secret_hash IS NULL
        AND app_provider_id IS NOT NULL));
CREATE INDEX app_instance_provider ON app_instance (app_provider_id);
