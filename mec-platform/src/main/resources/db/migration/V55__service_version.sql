-- The version of a service's representation, for its ETag (GET) and If-Match (PUT, 412 when stale); every change of
-- the stored ServiceInfo (PUT, a liveness state change) increments it. Rows that exist start at version 1.
ALTER TABLE mec_service ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
