package org.edgemec.relocation.domain;

import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SelfLinks;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec021.AdjacentAppInfoSubscription;
import org.edgemec.mp1api.mec021.AmsSubscription;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;
import org.edgemec.mp1api.mec021.MobilityStatus;

import java.util.List;

/** The attributes the two subscription types share but {@link AmsSubscription} does not expose, and the stored form. */
final class Subscriptions {

    private Subscriptions() {
    }

    static TimeStamp expiryDeadline(AmsSubscription s) {
        return s instanceof MobilityProcedureSubscription m ? m.expiryDeadline()
                : ((AdjacentAppInfoSubscription) s).expiryDeadline();
    }

    static boolean requestsTestNotification(AmsSubscription s) {
        Boolean asked = s instanceof MobilityProcedureSubscription m ? m.requestTestNotification()
                : ((AdjacentAppInfoSubscription) s).requestTestNotification();
        return Boolean.TRUE.equals(asked);
    }

    static String appInstanceId(AmsSubscription s) {
        return s instanceof MobilityProcedureSubscription m ? m.filterCriteria().appInstanceId()
                : ((AdjacentAppInfoSubscription) s).filterCriteria().appInstanceId();
    }

    static SelfLinks links(AmsSubscription s) {
        return s instanceof MobilityProcedureSubscription m ? m.links() : ((AdjacentAppInfoSubscription) s).links();
    }

    /**
     * What the AMS stores and returns: its own _links.self; callbackReference as the one delivery alternative (so
     * websockNotifConfig is not returned, MEC 009 clause 6.12a); a MobilityProcedureSubscription without
     * mobilityStatus gets the file's default, 1 = INTERHOST_MOVEOUT_TRIGGERED, "included in the response".
     */
    static AmsSubscription stored(AmsSubscription s, String selfHref) {
        SelfLinks links = new SelfLinks(new LinkType(selfHref));
        if (s instanceof MobilityProcedureSubscription m) {
            MobilityProcedureSubscription.FilterCriteria f = m.filterCriteria();
            MobilityProcedureSubscription.FilterCriteria criteria = f.mobilityStatus() != null ? f
                    : new MobilityProcedureSubscription.FilterCriteria(f.appInstanceId(), f.associateId(),
                            List.of(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED));
            return new MobilityProcedureSubscription(m.subscriptionType(), m.callbackReference(),
                    m.requestTestNotification(), null, links, criteria, m.expiryDeadline());
        }
        AdjacentAppInfoSubscription a = (AdjacentAppInfoSubscription) s;
        return new AdjacentAppInfoSubscription(a.subscriptionType(), a.callbackReference(), a.requestTestNotification(),
                null, links, a.filterCriteria(), a.expiryDeadline());
    }
}
