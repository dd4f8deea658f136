-- In-memory read paths (service discovery, DNS answers, moved app instances) are keyed on per-table generations
-- (TableChanges). A change made by another replica, or by a statement that bypasses Hibernate, reaches them as a
-- NOTIFY, delivered by PostgreSQL when the writing transaction commits (TableChangeNotifications listens).
CREATE OR REPLACE FUNCTION notify_table_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('edgemec_table_change', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- mec_service: heartbeats write last_heartbeat only; they change nothing discovery answers
CREATE TRIGGER mec_service_inserted_or_deleted AFTER INSERT OR DELETE OR TRUNCATE ON mec_service
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
CREATE TRIGGER mec_service_body_changed AFTER UPDATE ON mec_service
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION notify_table_change();

CREATE TRIGGER dns_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dns_rule
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
CREATE TRIGGER app_instance_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_instance
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
CREATE TRIGGER steering_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON steering
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
CREATE TRIGGER steering_name_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON steering_name
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
CREATE TRIGGER moved_app_instance_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON moved_app_instance
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();

-- the discovery filters
CREATE INDEX mec_service_ser_name ON mec_service (ser_name);
CREATE INDEX mec_service_ser_category_id ON mec_service (ser_category_id);
CREATE INDEX mec_service_app_instance_id ON mec_service (app_instance_id);
