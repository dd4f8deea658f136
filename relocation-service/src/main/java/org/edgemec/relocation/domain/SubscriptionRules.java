package org.edgemec.relocation.domain;

import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec021.AdjacentAppInfoSubscription;
import org.edgemec.mp1api.mec021.AmsSubscription;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;
import org.edgemec.mp1api.mec021.MobilityStatus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;

/**
 * What a subscription must satisfy beyond its Bean Validation constraints: the MEC 021 / MEC 009 rules and the
 * limits of this AMS (column sizes), each a 400 naming the field.
 */
final class SubscriptionRules {

    static final int MAX_CALLBACK_LENGTH = 2048;
    static final int MAX_ASSOCIATE_IDS = 1000;

    private SubscriptionRules() {
    }

    static void check(AmsSubscription subscription, Instant now) {
        callbackReference(subscription);
        if (subscription instanceof MobilityProcedureSubscription m) {
            MobilityProcedureSubscription.FilterCriteria f = m.filterCriteria();
            identifier("filterCriteria.appInstanceId", f.appInstanceId());
            associateIds("filterCriteria.associateId", f.associateId());
            List<MobilityStatus> statuses = f.mobilityStatus();
            for (int i = 0; statuses != null && i < statuses.size(); i++) {
                if (statuses.get(i) == null) {
                    throw new InvalidFieldException("filterCriteria.mobilityStatus[" + i + "]", "must not be null");
                }
            }
            expiryDeadline(m.expiryDeadline(), now);
        } else if (subscription instanceof AdjacentAppInfoSubscription a) {
            identifier("filterCriteria.appInstanceId", a.filterCriteria().appInstanceId());
            expiryDeadline(a.expiryDeadline(), now);
        }
    }

    /** Notifications go over HTTP only: callbackReference is required; Websocket delivery is not offered. */
    private static void callbackReference(AmsSubscription subscription) {
        String callback = subscription.callbackReference();
        if (callback == null) {
            throw new InvalidFieldException(subscription.websockNotifConfig() != null ? "websockNotifConfig"
                    : "callbackReference", "this AMS delivers notifications over HTTP only: callbackReference is "
                    + "required (Websocket delivery is not supported)");
        }
        if (callback.length() > MAX_CALLBACK_LENGTH) {
            throw new InvalidFieldException("callbackReference",
                    "at most " + MAX_CALLBACK_LENGTH + " characters (got " + callback.length() + ")");
        }
        try {
            URI uri = new URI(callback);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidFieldException("callbackReference", "must be an absolute http or https URI");
            }
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("callbackReference", "is not a URI: " + e.getReason());
        }
    }

    static void associateIds(String field, List<AssociateId> ids) {
        if (ids == null) {
            return;
        }
        if (ids.size() > MAX_ASSOCIATE_IDS) {
            throw new InvalidFieldException(field, "at most " + MAX_ASSOCIATE_IDS + " entries");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "must not be null");
            }
            length(field + "[" + i + "].value", ids.get(i).value(), RegistrationRules.MAX_ASSOCIATE_ID_LENGTH);
        }
    }

    static void identifier(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        length(field, value, RegistrationRules.MAX_ID_LENGTH);
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidFieldException(field, "at most " + max + " characters (got " + value.length() + ")");
        }
    }

    private static void expiryDeadline(TimeStamp deadline, Instant now) {
        if (deadline == null) {
            return;
        }
        if (deadline.seconds() > RegistrationRules.MAX_UINT32 || deadline.nanoSeconds() > 999_999_999L) {
            throw new InvalidFieldException("expiryDeadline",
                    "seconds at most " + RegistrationRules.MAX_UINT32 + ", nanoSeconds at most 999999999");
        }
        if (!deadline.toInstant().isAfter(now)) {
            throw new InvalidFieldException("expiryDeadline", "must be in the future (got "
                    + deadline.toInstant() + ", now " + now + ")");
        }
    }
}
