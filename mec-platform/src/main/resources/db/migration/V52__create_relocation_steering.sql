-- Relocation steering: while (and after) an app instance moved to another host, this host's DNS server answers its
-- domain names with the new host (strategy DNS), or its edge proxy forwards its fronted names there (TRAFFIC_RULE).
-- No foreign key to app_instance: a steering outlives the instance when it is deprovisioned with keepSteering=true.
CREATE TABLE steering (
    app_instance_id VARCHAR(128) PRIMARY KEY,
    strategy        VARCHAR(16)  NOT NULL,   -- DNS, TRAFFIC_RULE
    target_host     VARCHAR(255) NOT NULL,
    target_port     INTEGER,
    ttl             BIGINT,                  -- DNS answer TTL; NULL: the TTL of the instance's rule for each name
    expires_after   VARCHAR(64),             -- as requested (ISO-8601 duration), to recognise the same body again
    relocation_id   VARCHAR(128),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX steering_expiry ON steering (expires_at) WHERE expires_at IS NOT NULL;

-- The domain names a steering covers, recorded at PUT (so they survive the instance's rules), with the TTL the
-- instance's DnsRules gave each name then.
CREATE TABLE steering_name (
    id              BIGSERIAL    PRIMARY KEY,
    app_instance_id VARCHAR(128) NOT NULL REFERENCES steering (app_instance_id) ON DELETE CASCADE,
    domain_name     VARCHAR(255) NOT NULL,   -- lower case, without the trailing dot
    rule_ttl        BIGINT       NOT NULL,
    position        INTEGER      NOT NULL,
    UNIQUE (app_instance_id, domain_name)
);
CREATE INDEX steering_name_domain ON steering_name (domain_name);

-- An AppD DNS rule with the unspecified address (0.0.0.0 / ::) follows the instance's reported endpoint: the
-- endpoint's host is stored as the rule's ipAddress when it is reported; until then the rule is not answered.
ALTER TABLE dns_rule ADD COLUMN follows_endpoint BOOLEAN NOT NULL DEFAULT FALSE;
