-- The subscription's version, its entity tag: a PUT with If-Match naming another version is a 412 (MEC 021 PUT).
ALTER TABLE ams_subscription ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
