package org.edgemec.platform.servicemgmt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.mec011.servicemgmt.LocalityType;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceReferences.ChangeType;
import org.edgemec.platform.appsupport.Tagged;
import org.edgemec.platform.notification.Mp1Links;
import org.edgemec.platform.persistence.ServiceEntity;
import org.edgemec.platform.persistence.ServiceRepository;
import org.edgemec.platform.persistence.StoredLimits;
import org.edgemec.platform.persistence.changes.TableChanges;
import org.edgemec.platform.security.AppAccess;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The services app instances offer on this host (Mp1 appServices); every change is announced to subscribers. */
@ApplicationScoped
@Transactional
public class ServiceInfoService {

    private final ServiceRepository services;
    private final AppAccess access;
    private final JsonColumn json;
    private final Mp1Links links;
    private final TransportCatalog transports;
    private final ServiceAvailabilityNotifier notifier;
    private final TableChanges changes;

    public ServiceInfoService(ServiceRepository services, AppAccess access, JsonColumn json, Mp1Links links,
                              TransportCatalog transports, ServiceAvailabilityNotifier notifier,
                              TableChanges changes) {
        this.changes = changes;
        this.services = services;
        this.access = access;
        this.json = json;
        this.links = links;
        this.transports = transports;
        this.notifier = notifier;
    }

    public ServiceInfo create(String appInstanceId, ServiceInfo body) {
        access.require(appInstanceId);
        if (body.serInstanceId() != null) {
            throw new InvalidFieldException("serInstanceId", "shall be absent in a create request");
        }
        ServiceEntity entity = new ServiceEntity();
        entity.serInstanceId = UUID.randomUUID().toString();
        entity.appInstanceId = appInstanceId;
        ServiceInfo stored = complete(appInstanceId, entity.serInstanceId, body);
        apply(entity, stored);
        services.persist(entity);
        changes.onCommit(ServiceDiscovery.TABLE);
        notifier.changed(appInstanceId, stored, ChangeType.ADDED);
        return stored;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tagged<ServiceInfo> get(String appInstanceId, String serviceId) {
        access.require(appInstanceId);
        ServiceEntity entity = find(appInstanceId, serviceId);
        return new Tagged<>(json.read(entity.body, ServiceInfo.class), Tagged.etagOf(entity.version));
    }

    /**
     * The row is read {@code FOR UPDATE}: a concurrent PUT (or liveness change) of the same service waits for this
     * transaction and then sees the new version, so two PUTs with the same If-Match cannot both win (the second gets
     * 412).
     */
    public Tagged<ServiceInfo> update(String appInstanceId, String serviceId, ServiceInfo body, String ifMatch) {
        access.require(appInstanceId);
        ServiceEntity entity = findForUpdate(appInstanceId, serviceId);
        if (body.serInstanceId() != null && !serviceId.equals(body.serInstanceId())) {
            throw new InvalidFieldException("serInstanceId", "must equal the serviceId of the resource URI");
        }
        ServiceInfo before = json.read(entity.body, ServiceInfo.class);
        ServiceInfo stored = complete(appInstanceId, serviceId, body);
        if (!Tagged.matches(ifMatch, entity.version)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current ETag "
                    + Tagged.etagOf(entity.version));
        }
        apply(entity, stored);
        entity.version++;
        services.flush();
        changes.onCommit(ServiceDiscovery.TABLE);
        notifier.changed(appInstanceId, stored,
                before.state() != stored.state() ? ChangeType.STATE_CHANGED : ChangeType.ATTRIBUTES_CHANGED);
        return new Tagged<>(stored, Tagged.etagOf(entity.version));
    }

    public void delete(String appInstanceId, String serviceId) {
        access.require(appInstanceId);
        remove(find(appInstanceId, serviceId));
    }

    /** Removes every service of an app instance that leaves the host, announcing each (no access check). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAllOf(String appInstanceId) {
        services.list("appInstanceId", appInstanceId).forEach(this::remove);
    }

    private void remove(ServiceEntity entity) {
        ServiceInfo info = json.read(entity.body, ServiceInfo.class);
        services.delete(entity);
        changes.onCommit(ServiceDiscovery.TABLE);
        notifier.changed(entity.appInstanceId, info, ChangeType.REMOVED);
    }

    /** The stored form: platform-assigned id, transport resolved, locality defaults, links. */
    private ServiceInfo complete(String appInstanceId, String serInstanceId, ServiceInfo body) {
        StoredLimits.maxLength("serName", body.serName(), StoredLimits.NAME);
        StoredLimits.maxLength("serCategory.id", body.serCategory() == null ? null : body.serCategory().id(),
                StoredLimits.NAME);
        if (body.transportId() == null && body.transportInfo() == null) {
            throw new InvalidFieldException("transportInfo", "either transportId or transportInfo is required");
        }
        var transportInfo = body.transportInfo();
        if (body.transportId() != null) {
            transportInfo = transports.find(body.transportId()).orElseThrow(() -> new InvalidFieldException(
                    "transportId", "unknown transport (see GET /mec_service_mgmt/v1/transports)"));
        }
        if (body.livenessInterval() != null && body.livenessInterval() <= 0) {
            throw new InvalidFieldException("livenessInterval", "must be a positive number of seconds");
        }
        ServiceInfo.Links serviceLinks = new ServiceInfo.Links(new LinkType(links.service(appInstanceId, serInstanceId)),
                body.livenessInterval() == null ? null : new LinkType(links.liveness(appInstanceId, serInstanceId)));
        return new ServiceInfo(serInstanceId, body.serName(), body.serCategory(), body.version(), body.state(),
                body.transportId(), transportInfo, body.serializer(),
                body.scopeOfLocality() == null ? LocalityType.MEC_HOST : body.scopeOfLocality(),
                body.consumedLocalOnly() == null ? Boolean.FALSE : body.consumedLocalOnly(),
                body.isLocal() == null ? Boolean.TRUE : body.isLocal(), body.livenessInterval(), serviceLinks);
    }

    private void apply(ServiceEntity entity, ServiceInfo info) {
        entity.serName = info.serName();
        entity.serCategoryId = info.serCategory() == null ? null : info.serCategory().id();
        entity.state = info.state().name();
        entity.isLocal = Boolean.TRUE.equals(info.isLocal());
        entity.consumedLocalOnly = Boolean.TRUE.equals(info.consumedLocalOnly());
        entity.scopeOfLocality = info.scopeOfLocality() == null ? null : info.scopeOfLocality().name();
        entity.livenessInterval = info.livenessInterval();
        entity.lastHeartbeat = OffsetDateTime.now();
        entity.body = json.write(info);
    }

    /** As {@link #find}, locking the row until the transaction ends. */
    ServiceEntity findForUpdate(String appInstanceId, String serviceId) {
        ServiceEntity entity = services.find("serInstanceId = ?1 and appInstanceId = ?2", serviceId, appInstanceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (entity == null) {
            throw new NotFoundException("service " + serviceId + " of app instance " + appInstanceId);
        }
        return entity;
    }

    ServiceEntity find(String appInstanceId, String serviceId) {
        ServiceEntity entity = services.find("serInstanceId = ?1 and appInstanceId = ?2", serviceId, appInstanceId)
                .firstResult();
        if (entity == null) {
            throw new NotFoundException("service " + serviceId + " of app instance " + appInstanceId);
        }
        return entity;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceInfo> ofApp(String appInstanceId, ServiceQuery query) {
        access.require(appInstanceId);
        return query.and("appInstanceId", appInstanceId).run(services).stream()
                .map(e -> json.read(e.body, ServiceInfo.class)).toList();
    }
}
