package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.mec011.appsupport.AppInfo;
import org.edgemec.mp1api.mec011.appsupport.AppReadyConfirmation;
import org.edgemec.mp1api.mec011.appsupport.OperationActionType;
import org.edgemec.platform.config.Mp1Config;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.RegistrationEntity;
import org.edgemec.platform.persistence.RegistrationRepository;
import org.edgemec.platform.persistence.StoredLimits;
import org.edgemec.platform.security.AppAccess;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/** Mp1 registrations (AppInfo) and the readiness confirmation of the app instances on this host. */
@ApplicationScoped
@Transactional
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);

    private final RegistrationRepository registrations;
    private final AppAccess access;
    private final JsonColumn json;
    private final TerminationService terminations;
    private final Mp1Config config;
    private final RegistrationDependencies dependencies;
    private final ProviderRegistrations providerRegistrations;

    public RegistrationService(RegistrationRepository registrations, AppAccess access, JsonColumn json,
                               TerminationService terminations, Mp1Config config,
                               RegistrationDependencies dependencies, ProviderRegistrations providerRegistrations) {
        this.dependencies = dependencies;
        this.providerRegistrations = providerRegistrations;
        this.registrations = registrations;
        this.access = access;
        this.json = json;
        this.terminations = terminations;
        this.config = config;
    }

    /**
     * With an app instance token the instance is the one of the token (a body naming another one: 404, as an unknown
     * one). With an app provider token, an app not instantiated by the MEC registers ({@link ProviderRegistrations}).
     */
    public AppInfo register(AppInfo body) {
        if (access.caller().providerId() != null) {
            return store(providerRegistrations.prepare(body, access.caller().providerId()));
        }
        String appInstanceId = body.appInstanceId() != null ? body.appInstanceId() : access.caller().appInstanceId();
        if (appInstanceId == null) {
            throw new InvalidFieldException("appInstanceId", "is required when the platform runs without security");
        }
        access.require(appInstanceId);
        if (registrations.findById(appInstanceId) != null) {
            throw new ConflictException("app instance " + appInstanceId + " is already registered");
        }
        dependencies.check(body);
        return store(withInstanceId(body, appInstanceId));
    }

    private AppInfo store(AppInfo stored) {
        String appInstanceId = stored.appInstanceId();
        RegistrationEntity entity = new RegistrationEntity();
        entity.appInstanceId = appInstanceId;
        entity.body = json.write(stored);
        entity.registeredAt = OffsetDateTime.now();
        try {
            // flushed here: a registration racing this one for the same instance fails now, as 409, not at commit
            registrations.persistAndFlush(entity);
        } catch (jakarta.persistence.PersistenceException e) {
            if (StoredLimits.isDuplicate(e)) {
                throw new ConflictException("app instance " + appInstanceId + " is already registered");
            }
            throw e;
        }
        LOG.infof("app instance %s registered", appInstanceId);
        return stored;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppInfo get(String appInstanceId) {
        access.require(appInstanceId);
        return json.read(find(appInstanceId).body, AppInfo.class);
    }

    public AppInfo update(String appInstanceId, AppInfo body) {
        AppInstanceEntity instance = access.require(appInstanceId);
        RegistrationEntity entity = find(appInstanceId);
        if (body.appInstanceId() != null && !appInstanceId.equals(body.appInstanceId())) {
            throw new InvalidFieldException("appInstanceId", "must equal the appInstanceId of the resource URI");
        }
        dependencies.check(body);
        AppInfo stored = instance.insByMec ? withInstanceId(body, appInstanceId)
                : providerRegistrations.update(body, instance);
        entity.body = json.write(stored);
        return stored;
    }

    /** Removes the registration; subscribed apps are told (TERMINATING) and may confirm within the timeout. */
    public void deregister(String appInstanceId) {
        access.require(appInstanceId);
        registrations.delete(find(appInstanceId));
        terminations.begin(appInstanceId, OperationActionType.TERMINATING, false, config.gracefulTimeout());
        LOG.infof("app instance %s deregistered", appInstanceId);
    }

    public void confirmReady(String appInstanceId, AppReadyConfirmation confirmation) {
        AppInstanceEntity instance = access.require(appInstanceId);
        if (!"READY".equals(confirmation.indication())) {
            throw new InvalidFieldException("indication", "must be READY");
        }
        instance.readyAt = OffsetDateTime.now();
        LOG.infof("app instance %s confirmed ready", appInstanceId);
    }

    private RegistrationEntity find(String appInstanceId) {
        RegistrationEntity entity = registrations.findById(appInstanceId);
        if (entity == null) {
            throw new NotFoundException("app instance " + appInstanceId + " is not registered");
        }
        return entity;
    }

    private static AppInfo withInstanceId(AppInfo a, String appInstanceId) {
        return new AppInfo(a.appName(), a.appProvider(), a.appCategory(), a.appDId(), appInstanceId, a.endpoint(),
                a.appServiceRequired(), a.appServiceOptional(), a.appFeatureRequired(), a.appFeatureOptional(),
                a.isInsByMec(), a.appProfile());
    }
}
