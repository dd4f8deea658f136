-- The replica running an op occ and until when its claim holds (renewed while it works): an op occ left STARTING or
-- PROCESSING by a process that died is found by its lapsed lease and set FAILED_TEMP (OpOccRecovery). Rows from
-- before this migration have no lease and count as abandoned.
ALTER TABLE lcm_op_occ ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE lcm_op_occ ADD COLUMN lease_until TIMESTAMPTZ;
CREATE INDEX lcm_op_occ_running ON lcm_op_occ (operation_state) WHERE operation_state IN ('STARTING', 'PROCESSING');
