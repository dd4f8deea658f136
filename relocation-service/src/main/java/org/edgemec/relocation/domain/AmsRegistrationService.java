package org.edgemec.relocation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.events.AmsDeviceAttachmentChangedEvent;
import org.edgemec.mp1api.events.AmsRegistrationChangedEvent;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.edgemec.relocation.persistence.AppMobilityServiceEntity;
import org.edgemec.relocation.persistence.AppMobilityServiceRepository;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.edgemec.common.rest.EntityTags;

/**
 * MEC 021 application mobility service registrations. Every accepted change fires an
 * {@link AmsRegistrationChangedEvent}, which is published once the transaction committed.
 */
@ApplicationScoped
@Transactional
public class AmsRegistrationService {

    private static final Logger LOG = Logger.getLogger(AmsRegistrationService.class);

    private final AppMobilityServiceRepository registrations;
    private final JsonColumn json;
    private final Event<AmsRegistrationChangedEvent> events;
    private final Event<AmsDeviceAttachmentChangedEvent> deviceEvents;
    private final String source;

    public AmsRegistrationService(AppMobilityServiceRepository registrations, JsonColumn json,
                                  Event<AmsRegistrationChangedEvent> events,
                                  Event<AmsDeviceAttachmentChangedEvent> deviceEvents,
                                  @ConfigProperty(name = "edgemec.instance-name") String source) {
        this.registrations = registrations;
        this.json = json;
        this.events = events;
        this.deviceEvents = deviceEvents;
        this.source = source;
    }

    /** The AMS allocates appMobilityServiceId; one sent by the client is replaced. */
    public Versioned<RegistrationInfo> register(RegistrationInfo body) {
        RegistrationRules.checkInitial(body);
        OffsetDateTime now = now();
        RegistrationInfo stored = withId(body, UUID.randomUUID().toString());
        AppMobilityServiceEntity entity = new AppMobilityServiceEntity();
        entity.appMobilityServiceId = stored.appMobilityServiceId();
        entity.registeredAt = now;
        entity.version = 1;
        write(entity, stored, now);
        registrations.persist(entity);
        events.fire(AmsRegistrationChangedEvent.of(source, AmsRegistrationChangedEvent.REGISTERED, null, stored));
        devicesChanged(null, stored);
        LOG.infof("application mobility service %s registered for %s", entity.appMobilityServiceId, consumer(stored));
        return new Versioned<>(stored, entity.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationInfo> list() {
        return registrations.listInRegistrationOrder().stream()
                .map(e -> json.read(e.body, RegistrationInfo.class)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<RegistrationInfo> get(String appMobilityServiceId) {
        AppMobilityServiceEntity entity = find(registrations.findById(appMobilityServiceId), appMobilityServiceId);
        return new Versioned<>(json.read(entity.body, RegistrationInfo.class), entity.version);
    }

    /**
     * Replaces the registration. The body's appMobilityServiceId is the resource's or absent; an If-Match that names
     * another version than the current one is refused (412).
     */
    public Versioned<RegistrationInfo> update(String appMobilityServiceId, RegistrationInfo body, String ifMatch) {
        AppMobilityServiceEntity entity = find(registrations.findForUpdate(appMobilityServiceId), appMobilityServiceId);
        if (body.appMobilityServiceId() != null && !body.appMobilityServiceId().equals(appMobilityServiceId)) {
            throw new InvalidFieldException("appMobilityServiceId",
                    "must be absent or equal the appMobilityServiceId of the resource URI");
        }
        RegistrationRules.check(body);
        if (!EntityTags.matches(ifMatch, entity.version)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current ETag "
                    + EntityTags.of(entity.version));
        }
        RegistrationInfo before = json.read(entity.body, RegistrationInfo.class);
        RegistrationInfo stored = withId(body, appMobilityServiceId);
        entity.version++;
        write(entity, stored, now());
        events.fire(AmsRegistrationChangedEvent.of(source, AmsRegistrationChangedEvent.UPDATED, null, stored));
        devicesChanged(before, stored);
        return new Versioned<>(stored, entity.version);
    }

    /** DELETE: the consumer deregisters the service. */
    public void delete(String appMobilityServiceId) {
        remove(appMobilityServiceId, AmsRegistrationChangedEvent.CAUSE_DELETE);
    }

    /**
     * POST .../deregister_task: deregistration "on expiry of the timer associated with the service". The consumer
     * (or its timer) says the registration ended, so it is removed at once, like DELETE.
     */
    public void deregisterOnExpiry(String appMobilityServiceId) {
        remove(appMobilityServiceId, AmsRegistrationChangedEvent.CAUSE_DEREGISTER_TASK);
    }

    /**
     * Removes the registrations whose {@code expiryTime} passed since they were last registered or updated (the
     * timer of MEC 021); called by {@link RegistrationExpiry}. Returns how many.
     */
    public int removeExpired(OffsetDateTime now, int limit) {
        List<AppMobilityServiceEntity> expired = registrations.claimExpired(now, limit);
        expired.forEach(e -> removeEntity(e, AmsRegistrationChangedEvent.CAUSE_EXPIRED));
        return expired.size();
    }

    private void remove(String appMobilityServiceId, String cause) {
        removeEntity(find(registrations.findForUpdate(appMobilityServiceId), appMobilityServiceId), cause);
    }

    private void removeEntity(AppMobilityServiceEntity entity, String cause) {
        String appMobilityServiceId = entity.appMobilityServiceId;
        RegistrationInfo last = json.read(entity.body, RegistrationInfo.class);
        registrations.delete(entity);
        events.fire(AmsRegistrationChangedEvent.of(source, AmsRegistrationChangedEvent.DEREGISTERED, cause, last));
        devicesChanged(last, null);
        LOG.infof("application mobility service %s deregistered (%s)", appMobilityServiceId, cause);
    }

    private void devicesChanged(RegistrationInfo before, RegistrationInfo after) {
        AmsDeviceAttachmentChangedEvent.between(source, before, after).ifPresent(deviceEvents::fire);
    }

    private void write(AppMobilityServiceEntity entity, RegistrationInfo stored, OffsetDateTime now) {
        entity.appInstanceId = stored.serviceConsumerId().appInstanceId();
        entity.mepId = stored.serviceConsumerId().mepId();
        entity.body = json.write(stored);
        entity.expiryTime = stored.expiryTime();
        // the timer runs from the acceptance of the registration (MEC 021 expiryTime); a PUT restarts it
        entity.expiresAt = stored.expiryTime() == null || stored.expiryTime() == 0 ? null
                : now.plusSeconds(stored.expiryTime());
        entity.updatedAt = now;
    }

    private static AppMobilityServiceEntity find(AppMobilityServiceEntity entity, String appMobilityServiceId) {
        if (entity == null) {
            throw new NotFoundException("application mobility service " + appMobilityServiceId + " does not exist");
        }
        return entity;
    }

    private static RegistrationInfo withId(RegistrationInfo r, String appMobilityServiceId) {
        return new RegistrationInfo(appMobilityServiceId, r.serviceConsumerId(), r.deviceInformation(), r.expiryTime());
    }

    private static String consumer(RegistrationInfo r) {
        return r.serviceConsumerId().appInstanceId() != null ? "app instance " + r.serviceConsumerId().appInstanceId()
                : "MEC platform " + r.serviceConsumerId().mepId();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
