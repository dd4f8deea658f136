package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.UUID;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.persistence.AppInstanceEntity;
import org.edgemec.applcm.persistence.LcmOpOccEntity;
import org.edgemec.applcm.persistence.LcmSubscriptionEntity;
import org.edgemec.applcm.persistence.LcmSubscriptionRepository;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SubscriptionLinks;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.events.LcmStateChangedEvent;
import org.edgemec.mp1api.mec0102.lcm.AppInstNotification;
import org.edgemec.mp1api.mec0102.lcm.AppInstSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceIdentifierCreationNotification;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceIdentifierDeletionNotification;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceState;
import org.edgemec.mp1api.mec0102.lcm.AppInstIdCreationSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.AppInstIdDeletionSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccNotification;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccSubscriptionFilter;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.LcmOperationState;
import org.edgemec.mp1api.mec0102.lcm.LcmSubscriptionRequest;

/**
 * Announces LCM changes in the transaction that makes them: notifications to matching subscriptions (outbox) and
 * a Kafka event (published after commit by the Kafka adapter).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LcmNotifier {

    private final LcmSubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;
    private final Event<LcmStateChangedEvent> events;
    private final ObjectMapper json;
    private final String base;
    private final String source;

    public LcmNotifier(LcmSubscriptionRepository subscriptions, NotificationOutbox outbox,
            Event<LcmStateChangedEvent> events, ObjectMapper json, LcmConfig config,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "edgemec.instance-name") String source) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
        this.base = config.baseUrl();
        this.source = source;
    }

    public void opOccChanged(LcmOpOccEntity op, AppInstanceEntity inst) {
        events.fire(LcmStateChangedEvent.of(source, LcmStateChangedEvent.OP_OCC, op.appInstanceId, op.id,
                op.lcmOperation, op.operationState, inst.hostName, op.errorDetail));
        String id = UUID.randomUUID().toString();
        for (LcmSubscriptionEntity s : subscriptions.list("subscriptionType", "AppLcmOpOccStateChangeSubscription")) {
            if (read(s) instanceof AppLcmOpOccSubscriptionRequest r && matches(r.appLcmOpOccSubscriptionFilter(), op, inst)) {
                outbox.enqueue(s.id, s.callbackUri, new OpOccNotification(id, s.subscriptionType,
                        op.lcmOperation, LcmOperationState.valueOf(op.operationState), s.id,
                        TimeStamp.now(), op.id, op.appInstanceId, new AppLcmOpOccNotification.Links(
                        link("/app_lcm/v1/app_instances/" + inst.id), link("/app_lcm/v1/subscriptions/" + s.id),
                        link("/app_lcm/v1/app_lcm_op_occs/" + op.id))));
            }
        }
    }

    public void instanceStateChanged(AppInstanceEntity inst, AppInstanceState state) {
        events.fire(LcmStateChangedEvent.of(source, LcmStateChangedEvent.APP_INSTANCE, inst.id, null, null,
                state.name(), inst.hostName, null));
        String id = UUID.randomUUID().toString();
        for (LcmSubscriptionEntity s : subscriptions.list("subscriptionType", "AppInstanceStateChangeSubscription")) {
            if (read(s) instanceof AppInstSubscriptionRequest r
                    && (r.appInstanceState() == null || r.appInstanceState() == state)
                    && SelectorFilter.matches(r.appInstanceSubscriptionFilter(), inst)) {
                outbox.enqueue(s.id, s.callbackUri, new AppInstNotification(id, s.subscriptionType, state, s.id,
                        TimeStamp.now(), inst.id, inst.appPkgId, inst.appDId, null,
                        new SubscriptionLinks(link("/app_lcm/v1/subscriptions/" + s.id))));
            }
        }
    }

    public void identifier(AppInstanceEntity inst, boolean created) {
        String type = created ? "AppIdentifierCreationSubscription" : "AppIdentifierDeletionSubscription";
        String id = UUID.randomUUID().toString();
        for (LcmSubscriptionEntity s : subscriptions.list("subscriptionType", type)) {
            LcmSubscriptionRequest r = read(s);
            var filter = r instanceof AppInstIdCreationSubscriptionRequest c ? c.appInstanceSubscriptionFilter()
                    : r instanceof AppInstIdDeletionSubscriptionRequest d ? d.appInstanceSubscriptionFilter() : null;
            if (SelectorFilter.matches(filter, inst)) {
                var links = new AppInstanceIdentifierCreationNotification.Links(
                        link("/app_lcm/v1/subscriptions/" + s.id), link("/app_lcm/v1/app_instances/" + inst.id));
                outbox.enqueue(s.id, s.callbackUri, created
                        ? new AppInstanceIdentifierCreationNotification(id, type, s.id, TimeStamp.now(), inst.id, links)
                        : new AppInstanceIdentifierDeletionNotification(id, type, s.id, TimeStamp.now(), inst.id, links));
            }
        }
    }

    private static boolean matches(AppLcmOpOccSubscriptionFilter f, LcmOpOccEntity op, AppInstanceEntity inst) {
        return f == null || ((f.operationTypes() == null || f.operationTypes().name().equals(op.lcmOperation))
                && (f.operationStates() == null || f.operationStates().name().equals(op.operationState))
                && SelectorFilter.matches(f.appInstanceSubscriptionFilter(), inst));
    }

    private LcmSubscriptionRequest read(LcmSubscriptionEntity s) {
        try {
            return json.readValue(s.requestJson, LcmSubscriptionRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored subscription " + s.id + " is unreadable", e);
        }
    }

    private LinkType link(String path) {
        return new LinkType(base + path);
    }
}
