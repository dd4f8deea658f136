package org.edgemec.relocation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec021.AdjacentAppInfoNotification;
import org.edgemec.mp1api.mec021.AdjacentAppInfoSubscription;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.mec021.MobilityProcedureNotification;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;
import org.edgemec.mp1api.mec021.MobilityStatus;
import org.edgemec.mp1api.mec021.TargetAppInfo;
import org.edgemec.relocation.persistence.AmsSubscriptionEntity;
import org.edgemec.relocation.persistence.AmsSubscriptionRepository;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Tells subscribers about the mobility of an application instance: the relocation saga reports each step of a
 * move here, and every matching subscription gets its notification through the outbox, in the caller's transaction
 * (or a new one), so a notification exists exactly when the change that caused it committed.
 */
@ApplicationScoped
@Transactional
public class MobilityProcedureNotifier {

    private static final Logger LOG = Logger.getLogger(MobilityProcedureNotifier.class);

    private final AmsSubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;
    private final AmsLinks links;
    private final JsonColumn json;

    public MobilityProcedureNotifier(AmsSubscriptionRepository subscriptions, NotificationOutbox outbox,
                                     AmsLinks links, JsonColumn json) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.links = links;
        this.json = json;
    }

    /** A MobilityProcedureNotification for every matching MobilityProcedureSubscription; returns how many. */
    public int mobilityProcedure(String appInstanceId, List<AssociateId> associateId, MobilityStatus mobilityStatus,
                                 TargetAppInfo targetAppInfo) {
        TimeStamp now = TimeStamp.now();
        int sent = 0;
        for (AmsSubscriptionEntity e : subscriptions.candidates(MobilityProcedureSubscription.TYPE, appInstanceId)) {
            MobilityProcedureSubscription s = json.read(e.body, MobilityProcedureSubscription.class);
            if (SubscriptionMatching.matches(s.filterCriteria(), appInstanceId, associateId, mobilityStatus)) {
                outbox.enqueue(e.subscriptionId, e.callbackReference, new MobilityProcedureNotification(
                        MobilityProcedureNotification.TYPE, now, associateId, mobilityStatus, targetAppInfo,
                        links.notificationLinks(e.subscriptionId)));
                sent++;
            }
        }
        LOG.infof("mobility procedure of %s (%s): %d notification(s)", appInstanceId, mobilityStatus, sent);
        return sent;
    }

    /** An AdjacentAppInfoNotification for every matching AdjacentAppInfoSubscription; returns how many. */
    public int adjacentAppInfo(String appInstanceId, List<AssociateId> associateId,
                               List<AdjacentAppInfoNotification.AdjacentAppInfo> adjacentAppInfo) {
        TimeStamp now = TimeStamp.now();
        int sent = 0;
        for (AmsSubscriptionEntity e : subscriptions.candidates(AdjacentAppInfoSubscription.TYPE, appInstanceId)) {
            AdjacentAppInfoSubscription s = json.read(e.body, AdjacentAppInfoSubscription.class);
            if (SubscriptionMatching.matches(s.filterCriteria(), appInstanceId)) {
                outbox.enqueue(e.subscriptionId, e.callbackReference, new AdjacentAppInfoNotification(
                        AdjacentAppInfoNotification.TYPE, now, associateId, adjacentAppInfo,
                        links.notificationLinks(e.subscriptionId)));
                sent++;
            }
        }
        LOG.infof("adjacent app info of %s: %d notification(s)", appInstanceId, sent);
        return sent;
    }
}
