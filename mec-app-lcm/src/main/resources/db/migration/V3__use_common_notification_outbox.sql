-- The outbox is mec-common's (org.edgemec.common.outbox), shared by every service: same columns as mec-platform's.
-- Rows keep their delivery state: delivered -> DELIVERED, given up -> GIVEN_UP, otherwise PENDING.
ALTER TABLE notification_outbox RENAME COLUMN body TO payload;
ALTER TABLE notification_outbox ALTER COLUMN subscription_id DROP NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN status VARCHAR(16);
ALTER TABLE notification_outbox ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE notification_outbox SET status = CASE WHEN delivered_at IS NOT NULL THEN 'DELIVERED'
                                            WHEN given_up THEN 'GIVEN_UP' ELSE 'PENDING' END;
ALTER TABLE notification_outbox ALTER COLUMN status SET NOT NULL;
ALTER TABLE notification_outbox DROP COLUMN given_up;
DROP INDEX IF EXISTS notification_outbox_due;
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
