-- A service the proxy fronts for an app instance provisioned on this host (its AppD DNS names -> its endpoint):
-- removed with the instance. NULL for services the operator put through the control API.
ALTER TABLE proxy_service
    ADD COLUMN app_instance_id VARCHAR(128) REFERENCES app_instance (app_instance_id) ON DELETE CASCADE;
CREATE INDEX proxy_service_app_instance_idx ON proxy_service (app_instance_id);
