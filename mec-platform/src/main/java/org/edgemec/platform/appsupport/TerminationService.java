package org.edgemec.platform.appsupport;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.mec011.appsupport.AppTerminationConfirmation;
import org.edgemec.mp1api.mec011.appsupport.AppTerminationNotification;
import org.edgemec.mp1api.mec011.appsupport.OperationActionType;
import org.edgemec.platform.notification.Mp1Links;
import org.edgemec.platform.persistence.SubscriptionEntity;
import org.edgemec.platform.persistence.TerminationEntity;
import org.edgemec.platform.persistence.TerminationRepository;
import org.edgemec.platform.provisioning.AppInstanceRemoval;
import org.edgemec.platform.security.AppAccess;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graceful termination (MEC 011 5.2.12): subscribed apps get an AppTerminationNotification with the graceful timeout;
 * the termination ends when the app confirms or when the timeout expires, whichever comes first. The wait is a row,
 * not a thread, so it survives restarts.
 */
@ApplicationScoped
@Transactional
public class TerminationService {

    private static final Logger LOG = Logger.getLogger(TerminationService.class);

    private final TerminationRepository terminations;
    private final AppSubscriptionService subscriptions;
    private final NotificationOutbox outbox;
    private final Mp1Links links;
    private final AppAccess access;
    private final AppInstanceRemoval removal;

    public TerminationService(TerminationRepository terminations, AppSubscriptionService subscriptions,
                              NotificationOutbox outbox, Mp1Links links, AppAccess access, AppInstanceRemoval removal) {
        this.terminations = terminations;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.links = links;
        this.access = access;
        this.removal = removal;
    }

    /**
     * Notifies the app's termination subscribers and records the wait.
     *
     * @param removeInstance deprovision the instance when the termination ends
     * @return false when the app has no termination subscription, so there is nobody to wait for
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean begin(String appInstanceId, OperationActionType action, boolean removeInstance, Duration timeout) {
        List<SubscriptionEntity> subscribers = subscriptions.ofApp(appInstanceId);
        if (subscribers.isEmpty()) {
            return false;
        }
        TerminationEntity termination = terminations.findById(appInstanceId);
        boolean isNew = termination == null;
        if (isNew) {
            termination = new TerminationEntity();
            termination.appInstanceId = appInstanceId;
        }
        termination.operationAction = action.name();
        termination.removeInstance = termination.removeInstance || removeInstance;
        termination.deadline = OffsetDateTime.now().plus(timeout);
        if (isNew) {
            terminations.persist(termination);
        }
        for (SubscriptionEntity subscriber : subscribers) {
            AppTerminationNotification notification = new AppTerminationNotification(AppTerminationNotification.TYPE,
                    action, timeout.toSeconds(), new AppTerminationNotification.Links(
                    new LinkType(links.appSubscription(appInstanceId, subscriber.subscriptionId)),
                    new LinkType(links.confirmTermination(appInstanceId))));
            outbox.enqueue(subscriber.subscriptionId, subscriber.callbackReference, notification);
        }
        LOG.infof("termination of %s started (%s, graceful timeout %d s)", appInstanceId, action, timeout.toSeconds());
        return true;
    }

    /** confirm_termination: 409 when no termination is pending, 400 when the action differs from the notified one. */
    public void confirm(String appInstanceId, AppTerminationConfirmation confirmation) {
        access.require(appInstanceId);
        TerminationEntity termination = terminations.findById(appInstanceId);
        if (termination == null) {
            throw new ConflictException("no termination of app instance " + appInstanceId + " is pending");
        }
        if (!termination.operationAction.equals(confirmation.operationAction().name())) {
            throw new InvalidFieldException("operationAction", "the pending operation is "
                    + termination.operationAction);
        }
        finish(termination);
    }

    @Scheduled(every = "${edgemec.mp1.termination-check-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void finishExpired() {
        terminations.list("deadline < ?1", OffsetDateTime.now()).forEach(termination -> {
            LOG.infof("graceful timeout of %s expired without confirmation", termination.appInstanceId);
            finish(termination);
        });
    }

    private void finish(TerminationEntity termination) {
        String appInstanceId = termination.appInstanceId;
        boolean remove = termination.removeInstance;
        terminations.delete(termination);
        if (remove) {
            removal.remove(appInstanceId);
        }
        LOG.infof("termination of %s finished", appInstanceId);
    }
}
