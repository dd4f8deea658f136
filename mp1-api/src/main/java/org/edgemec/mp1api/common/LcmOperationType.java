package org.edgemec.mp1api.common;

/** MEC 010-2 LCM operation (AppLcmOpOcc.lcmOperation, notifications, GrantRequest.operation). */
public enum LcmOperationType {
    INSTANTIATE, OPERATE, TERMINATE
}
