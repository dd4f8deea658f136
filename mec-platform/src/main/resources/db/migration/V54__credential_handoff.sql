-- An app instance moved here from another host keeps its Mp1 identity: the tokens signed by the keys it was given
-- there (JSON list of {issuer, publicKey}) stay valid here.
ALTER TABLE app_instance ADD COLUMN adopted_token_keys TEXT;

-- An app instance that moved away: its client credentials still get tokens here, and its Mp1 calls are redirected
-- (307) to the platform of the host it moved to, because the restored process keeps this host's addresses.
CREATE TABLE moved_app_instance (
    app_instance_id    VARCHAR(128)  PRIMARY KEY,
    client_id          VARCHAR(64)   NOT NULL UNIQUE,
    client_secret_hash VARCHAR(128)  NOT NULL,
    token_keys         TEXT,
    moved_to           VARCHAR(2048) NOT NULL,
    moved_at           TIMESTAMPTZ   NOT NULL
);
