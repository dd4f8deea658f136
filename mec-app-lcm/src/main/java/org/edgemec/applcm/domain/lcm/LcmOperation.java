package org.edgemec.applcm.domain.lcm;

/**
 * The LCM operation an op occ records. The first three are MEC 010-2's {@code lcmOperation} values;
 * CONFIGURE_PLATFORM_FOR_APP is this LCM's value for the configure_platform_for_app task, which MEC 010-2 V3.1.1
 * answers with an op occ but gives no {@code lcmOperation} value for.
 */
public enum LcmOperation {
    INSTANTIATE, OPERATE, TERMINATE, CONFIGURE_PLATFORM_FOR_APP
}
