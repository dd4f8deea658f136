-- The edge proxy keeps its traffic rules compiled in memory and rebuilds them when the rules or the host names they
-- are scoped to change (TableChanges); a change by another replica or a bulk statement reaches it as this NOTIFY.
CREATE TRIGGER traffic_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON traffic_rule
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
CREATE TRIGGER proxy_service_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON proxy_service
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
