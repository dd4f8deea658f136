package org.edgemec.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.notification.Mp1Links;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.persistence.AppProviderEntity;
import org.edgemec.platform.persistence.AppProviderRepository;
import org.edgemec.platform.persistence.StoredLimits;
import org.edgemec.platform.provider.api.AppProvider;
import org.edgemec.platform.provider.api.AppProviderCredentials;
import org.edgemec.platform.provisioning.AppInstanceRemoval;
import org.edgemec.platform.security.ClientSecrets;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * App providers (EdgeMEC operator extension; MEC 011 leaves open how an app not instantiated by the MEC management
 * authenticates): the operator gives a provider client credentials, with whose token its apps register over Mp1.
 */
@ApplicationScoped
@Transactional
public class AppProviderService {

    private static final Logger LOG = Logger.getLogger(AppProviderService.class);

    private final AppProviderRepository providers;
    private final AppInstanceRepository instances;
    private final AppInstanceRemoval removal;
    private final Mp1Links links;

    public AppProviderService(AppProviderRepository providers, AppInstanceRepository instances,
                              AppInstanceRemoval removal, Mp1Links links) {
        this.providers = providers;
        this.instances = instances;
        this.removal = removal;
        this.links = links;
    }

    public AppProviderCredentials create(String appProvider) {
        if (providers.find("appProvider", appProvider).firstResult() != null) {
            throw duplicate(appProvider);
        }
        AppProviderEntity entity = new AppProviderEntity();
        entity.providerId = UUID.randomUUID().toString();
        entity.appProvider = appProvider;
        entity.clientId = UUID.randomUUID().toString();
        String secret = ClientSecrets.newSecret();
        entity.clientSecretHash = ClientSecrets.hash(secret);
        entity.createdAt = OffsetDateTime.now();
        try {
            // a creation racing this one for the same name fails here, as 409, not at commit
            providers.persistAndFlush(entity);
        } catch (jakarta.persistence.PersistenceException e) {
            if (StoredLimits.isDuplicate(e)) {
                throw duplicate(appProvider);
            }
            throw e;
        }
        LOG.infof("app provider %s (%s) created", entity.providerId, appProvider);
        return new AppProviderCredentials(entity.providerId, appProvider, entity.clientId, secret,
                links.base() + "mec_platform_mgmt/v1/oauth/token");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppProvider> list() {
        return providers.list("order by appProvider").stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppProvider get(String providerId) {
        return view(find(providerId));
    }

    /**
     * Removes the provider with every instance it registered (registration, services announced REMOVED,
     * subscriptions); its tokens stop working at once.
     */
    public void delete(String providerId) {
        // locked before its instances are listed: a registration under way finishes first (and is removed too)
        AppProviderEntity provider = find(providerId, LockModeType.PESSIMISTIC_WRITE);
        List<AppInstanceEntity> own = instances.listOfProvider(providerId);
        for (AppInstanceEntity instance : own) {
            removal.remove(instance.appInstanceId);
        }
        instances.flush(); // the instances go before the provider they reference
        providers.delete(provider);
        LOG.infof("app provider %s (%s) removed with its %d app instances", providerId, provider.appProvider,
                own.size());
    }

    private AppProvider view(AppProviderEntity p) {
        List<String> ids = instances.listOfProvider(p.providerId).stream().map(i -> i.appInstanceId).toList();
        return new AppProvider(p.providerId, p.appProvider, p.clientId, ids, p.createdAt);
    }

    private AppProviderEntity find(String providerId) {
        return find(providerId, LockModeType.NONE);
    }

    private AppProviderEntity find(String providerId, LockModeType lock) {
        AppProviderEntity entity = providerId.length() > 36 ? null : providers.findById(providerId, lock);
        if (entity == null) {
            throw new NotFoundException("app provider " + providerId + " is not known on this host");
        }
        return entity;
    }

    private static ConflictException duplicate(String appProvider) {
        return new ConflictException("app provider '" + appProvider + "' already exists on this host");
    }
}
