package org.edgemec.relocation.domain;

import org.edgemec.mp1api.mec021.AdjacentAppInfoSubscription;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;
import org.edgemec.mp1api.mec021.MobilityStatus;

import java.util.List;

/**
 * Whether an event reaches a subscriber: every criterion the filterCriteria give must hold, an absent (or empty)
 * one holds for everything.
 */
final class SubscriptionMatching {

    private SubscriptionMatching() {
    }

    /** associateId holds when the procedure concerns at least one of the listed UEs/flows. */
    static boolean matches(MobilityProcedureSubscription.FilterCriteria f, String appInstanceId,
                           List<AssociateId> associateIds, MobilityStatus status) {
        return appInstance(f.appInstanceId(), appInstanceId)
                && (empty(f.associateId()) || associateIds.stream().anyMatch(f.associateId()::contains))
                && (empty(f.mobilityStatus()) || f.mobilityStatus().contains(status));
    }

    static boolean matches(AdjacentAppInfoSubscription.FilterCriteria f, String appInstanceId) {
        return appInstance(f.appInstanceId(), appInstanceId);
    }

    private static boolean appInstance(String criterion, String appInstanceId) {
        return criterion == null || criterion.equals(appInstanceId);
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
