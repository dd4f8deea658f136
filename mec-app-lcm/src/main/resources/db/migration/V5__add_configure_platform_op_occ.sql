-- configure_platform_for_app is an LCM operation occurrence too: its lcmOperation CONFIGURE_PLATFORM_FOR_APP does not
-- fit 16 characters, and it keeps the platform's provisioning and the instance's Mp1 identity from before the change
-- (JSON), so a failure can put them back and a retry can carry on; cleared when the operation completes.
ALTER TABLE lcm_op_occ ALTER COLUMN lcm_operation TYPE VARCHAR(32);
ALTER TABLE lcm_op_occ ADD COLUMN platform_snapshot TEXT;
