package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.mp1api.mec011.appsupport.AppInfo;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.persistence.AppProviderEntity;
import org.edgemec.platform.persistence.AppProviderRepository;
import org.edgemec.platform.persistence.RegistrationRepository;
import org.edgemec.platform.persistence.StoredLimits;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The registration of an app not instantiated by the MEC management (MEC 011 AppInfo {@code isInsByMec} false), made
 * with its app provider's token: the AppInfo must say so and carry the endpoint MEC 011 then requires; the platform
 * allocates the app instance id (or takes one of the provider's own instances that is not registered now) and records
 * the instance as the provider's.
 */
@ApplicationScoped
public class ProviderRegistrations {

    private static final Logger LOG = Logger.getLogger(ProviderRegistrations.class);

    private final AppProviderRepository providers;
    private final AppInstanceRepository instances;
    private final RegistrationRepository registrations;
    private final RegistrationDependencies dependencies;

    public ProviderRegistrations(AppProviderRepository providers, AppInstanceRepository instances,
                                 RegistrationRepository registrations, RegistrationDependencies dependencies) {
        this.providers = providers;
        this.instances = instances;
        this.registrations = registrations;
        this.dependencies = dependencies;
    }

    /** Checks the body, records a new instance when none is named, and returns the AppInfo to store. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppInfo prepare(AppInfo body, String providerId) {
        // shared lock: a deletion of the provider waits for this registration, or this one sees the provider gone
        AppProviderEntity provider = providers.findById(providerId, LockModeType.PESSIMISTIC_READ);
        if (provider == null) {
            throw new UnauthorizedException("the app provider of this token is no longer known here");
        }
        requireNotInstantiatedByMec(body, provider);
        String appInstanceId = body.appInstanceId();
        if (appInstanceId != null) {
            requireOwnUnregistered(appInstanceId, providerId);
        }
        dependencies.check(body);
        if (appInstanceId == null) {
            appInstanceId = allocate(providerId);
        }
        return conformed(body, provider, appInstanceId);
    }

    /** A PUT of the registration of such an instance: the same rules (the id was checked against the URI). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppInfo update(AppInfo body, AppInstanceEntity instance) {
        AppProviderEntity provider = providers.findById(instance.appProviderId);
        requireNotInstantiatedByMec(body, provider);
        return conformed(body, provider, instance.appInstanceId);
    }

    private static void requireNotInstantiatedByMec(AppInfo body, AppProviderEntity provider) {
        if (Boolean.TRUE.equals(body.isInsByMec())) {
            throw new InvalidFieldException("isInsByMec", "must be false or absent for an app registered with its app "
                    + "provider's token (an app instantiated by the MEC management registers with its own app "
                    + "instance token)");
        }
        if (body.endpoint() == null) {
            throw new InvalidFieldException("endpoint", "is required when isInsByMec is false");
        }
        if (body.appProvider() != null && !body.appProvider().equals(provider.appProvider)) {
            throw new InvalidFieldException("appProvider", "must be '" + provider.appProvider
                    + "', the app provider of the token");
        }
    }

    /** As stored: the provider's name and isInsByMec false stated, the instance id filled in. */
    private static AppInfo conformed(AppInfo body, AppProviderEntity provider, String appInstanceId) {
        return new AppInfo(body.appName(), provider.appProvider, body.appCategory(), body.appDId(), appInstanceId,
                body.endpoint(), body.appServiceRequired(), body.appServiceOptional(), body.appFeatureRequired(),
                body.appFeatureOptional(), false, body.appProfile());
    }

    /** A re-registration: the id must be one of the provider's instances (any other: 400, as for an unknown one). */
    private void requireOwnUnregistered(String appInstanceId, String providerId) {
        StoredLimits.maxLength("appInstanceId", appInstanceId, StoredLimits.APP_INSTANCE_ID);
        AppInstanceEntity instance = instances.findById(appInstanceId);
        if (instance == null || !providerId.equals(instance.appProviderId)) {
            throw new InvalidFieldException("appInstanceId", "'" + appInstanceId + "' is not an app instance of this "
                    + "app provider on this host (leave it out: the platform allocates one)");
        }
        if (registrations.findById(appInstanceId) != null) {
            throw new ConflictException("app instance " + appInstanceId + " is already registered");
        }
    }

    private String allocate(String providerId) {
        AppInstanceEntity instance = new AppInstanceEntity();
        instance.appInstanceId = UUID.randomUUID().toString();
        instance.insByMec = false;
        instance.appProviderId = providerId;
        instance.createdAt = OffsetDateTime.now();
        instances.persistAndFlush(instance);
        LOG.infof("app instance %s allocated for app provider %s (not instantiated by the MEC)",
                instance.appInstanceId, providerId);
        return instance.appInstanceId;
    }
}
