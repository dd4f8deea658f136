package org.edgemec.relocation.domain;

import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.mec021.ContextTransferState;
import org.edgemec.mp1api.mec021.DeviceInformation;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.edgemec.mp1api.mec021.ServiceConsumerId;

import java.util.List;

/**
 * What a RegistrationInfo must satisfy beyond its Bean Validation constraints: the rules of the MEC 021 text and the
 * limits of this AMS (column sizes, and an event that still fits a Kafka record), each a 400 naming the field.
 */
final class RegistrationRules {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_ASSOCIATE_ID_LENGTH = 256;
    static final int MAX_DEVICES = 1000;
    static final long MAX_UINT32 = 4_294_967_295L;

    private RegistrationRules() {
    }

    /** POST: additionally, "in the initial application mobility registration" contextTransferState is the default. */
    static void checkInitial(RegistrationInfo registration) {
        check(registration);
        List<DeviceInformation> devices = registration.deviceInformation();
        for (int i = 0; devices != null && i < devices.size(); i++) {
            if (devices.get(i).contextTransferState() == ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED) {
                throw new InvalidFieldException("deviceInformation[" + i + "].contextTransferState",
                        "must be 0 (NOT_TRANSFERRED) in the initial registration");
            }
        }
    }

    static void check(RegistrationInfo registration) {
        ServiceConsumerId consumer = registration.serviceConsumerId();
        if ((consumer.appInstanceId() == null) == (consumer.mepId() == null)) {
            throw new InvalidFieldException("serviceConsumerId",
                    "exactly one of appInstanceId (an application instance) and mepId (a MEC platform) is required");
        }
        identifier("serviceConsumerId.appInstanceId", consumer.appInstanceId(), MAX_ID_LENGTH);
        identifier("serviceConsumerId.mepId", consumer.mepId(), MAX_ID_LENGTH);
        Long expiry = registration.expiryTime();
        if (expiry != null && (expiry < 0 || expiry > MAX_UINT32)) {
            throw new InvalidFieldException("expiryTime",
                    "must be between 0 (no expiry) and " + MAX_UINT32 + " seconds");
        }
        List<DeviceInformation> devices = registration.deviceInformation();
        if (devices == null) {
            return;
        }
        if (devices.size() > MAX_DEVICES) {
            throw new InvalidFieldException("deviceInformation", "at most " + MAX_DEVICES + " devices per registration");
        }
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i) == null) {
                throw new InvalidFieldException("deviceInformation[" + i + "]", "must not be null");
            }
            identifier("deviceInformation[" + i + "].associateId.value", devices.get(i).associateId().value(),
                    MAX_ASSOCIATE_ID_LENGTH);
        }
    }

    private static void identifier(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "at most " + maxLength + " characters (got " + value.length() + ")");
        }
    }
}
