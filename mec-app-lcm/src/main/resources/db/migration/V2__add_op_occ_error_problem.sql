-- The op occ's error as ProblemDetails: status and title beside the detail (error_detail), e.g. the answer of a
-- mec-platform that refused the provisioning.
ALTER TABLE lcm_op_occ ADD COLUMN error_status INTEGER;
ALTER TABLE lcm_op_occ ADD COLUMN error_title VARCHAR(255);
ALTER TABLE lcm_op_occ ADD COLUMN error_type VARCHAR(1024);
ALTER TABLE lcm_op_occ ADD COLUMN error_instance VARCHAR(1024);
