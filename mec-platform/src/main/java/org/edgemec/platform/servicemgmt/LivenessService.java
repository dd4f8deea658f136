package org.edgemec.platform.servicemgmt;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceLivenessInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceLivenessUpdate;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceReferences.ChangeType;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceState;
import org.edgemec.platform.persistence.ServiceEntity;
import org.edgemec.platform.persistence.changes.TableChanges;
import org.edgemec.platform.security.AppAccess;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Service liveness (MEC 011 livenessInterval): the app PATCHes state ACTIVE at least every interval; a service whose
 * heartbeat is more than two intervals old (one late heartbeat is tolerated) becomes SUSPENDED and subscribers are
 * told; the next heartbeat makes it ACTIVE again.
 */
@ApplicationScoped
@Transactional
public class LivenessService {

    private static final Logger LOG = Logger.getLogger(LivenessService.class);

    private final ServiceInfoService services;
    private final AppAccess access;
    private final JsonColumn json;
    private final ServiceAvailabilityNotifier notifier;
    private final EntityManager em;
    private final TableChanges changes;

    public LivenessService(ServiceInfoService services, AppAccess access, JsonColumn json,
                           ServiceAvailabilityNotifier notifier, EntityManager em, TableChanges changes) {
        this.changes = changes;
        this.services = services;
        this.access = access;
        this.json = json;
        this.notifier = notifier;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceLivenessInfo get(String appInstanceId, String serviceId) {
        access.require(appInstanceId);
        return info(monitored(appInstanceId, serviceId));
    }

    public ServiceLivenessInfo heartbeat(String appInstanceId, String serviceId, ServiceLivenessUpdate update) {
        access.require(appInstanceId);
        if (update.state() != ServiceState.ACTIVE) {
            throw new InvalidFieldException("state", "a liveness update sets state ACTIVE");
        }
        // locked: a revival changes the representation (version), like a PUT it must not be lost beside one
        ServiceEntity entity = monitored(services.findForUpdate(appInstanceId, serviceId));
        entity.lastHeartbeat = OffsetDateTime.now();
        if (ServiceState.SUSPENDED.name().equals(entity.state)) {
            setState(entity, ServiceState.ACTIVE);
            LOG.infof("service %s revived by a heartbeat", serviceId);
        }
        return info(entity);
    }

    @Scheduled(every = "${edgemec.mp1.liveness-check-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void suspendSilentServices() {
        @SuppressWarnings("unchecked")
        List<ServiceEntity> silent = em.createNativeQuery("SELECT * FROM {h-schema}mec_service WHERE state = 'ACTIVE' "
                + "AND liveness_interval IS NOT NULL "
                + "AND last_heartbeat < now() - make_interval(secs => 2 * liveness_interval) "
                + "FOR UPDATE SKIP LOCKED", ServiceEntity.class).getResultList();
        for (ServiceEntity entity : silent) {
            setState(entity, ServiceState.SUSPENDED);
            LOG.infof("service %s suspended: no heartbeat within 2 x %d s", entity.serInstanceId,
                    entity.livenessInterval);
        }
    }

    private void setState(ServiceEntity entity, ServiceState state) {
        ServiceInfo before = json.read(entity.body, ServiceInfo.class);
        ServiceInfo after = new ServiceInfo(before.serInstanceId(), before.serName(), before.serCategory(),
                before.version(), state, before.transportId(), before.transportInfo(), before.serializer(),
                before.scopeOfLocality(), before.consumedLocalOnly(), before.isLocal(), before.livenessInterval(),
                before.links());
        entity.state = state.name();
        entity.body = json.write(after);
        entity.version++; // a new representation: a PUT with the ETag from before gets 412
        changes.onCommit(ServiceDiscovery.TABLE);
        notifier.changed(entity.appInstanceId, after, ChangeType.STATE_CHANGED);
    }

    private ServiceEntity monitored(String appInstanceId, String serviceId) {
        return monitored(services.find(appInstanceId, serviceId));
    }

    private static ServiceEntity monitored(ServiceEntity entity) {
        if (entity.livenessInterval == null) {
            throw new NotFoundException("service " + entity.serInstanceId
                    + " has no livenessInterval, so no liveness resource");
        }
        return entity;
    }

    private static ServiceLivenessInfo info(ServiceEntity entity) {
        return new ServiceLivenessInfo(ServiceState.valueOf(entity.state), TimeStamp.of(entity.lastHeartbeat.toInstant()),
                entity.livenessInterval);
    }
}
