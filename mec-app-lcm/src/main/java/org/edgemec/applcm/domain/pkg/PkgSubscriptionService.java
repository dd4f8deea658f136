package org.edgemec.applcm.domain.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgemec.common.callback.CallbackAllowList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.edgemec.applcm.persistence.PkgSubscriptionEntity;
import org.edgemec.applcm.persistence.PkgSubscriptionRepository;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgSubscription;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgSubscriptionType;

/** Subscriptions to package notifications (AppPkgSubscription). */
@ApplicationScoped
@Transactional
public class PkgSubscriptionService {

    public record PkgSubscription(String id, AppPkgSubscriptionType type, String callbackUri) {
    }

    private final PkgSubscriptionRepository subscriptions;
    private final ObjectMapper json;
    private final CallbackAllowList callbacks;

    public PkgSubscriptionService(PkgSubscriptionRepository subscriptions, ObjectMapper json,
                                  CallbackAllowList callbacks) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.callbacks = callbacks;
    }

    public PkgSubscription create(AppPkgSubscription request) {
        PkgSubscriptionEntity e = new PkgSubscriptionEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionType = request.subscriptionType().name();
        e.callbackUri = callback(request.callbackUri());
        callbacks.check("callbackUri", e.callbackUri);
        try {
            e.filterJson = request.appPkgFilter() == null ? null : json.writeValueAsString(request.appPkgFilter());
        } catch (JsonProcessingException ex) {
            throw new InvalidFieldException("appPkgFilter", "cannot be stored");
        }
        e.createdAt = OffsetDateTime.now();
        subscriptions.persist(e);
        return view(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PkgSubscription> list() {
        return subscriptions.list("order by createdAt").stream().map(PkgSubscriptionService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PkgSubscription get(String id) {
        PkgSubscriptionEntity e = subscriptions.findById(id);
        if (e == null) {
            throw new NotFoundException("subscription " + id + " does not exist");
        }
        return view(e);
    }

    public void delete(String id) {
        if (!subscriptions.deleteById(id)) {
            throw new NotFoundException("subscription " + id + " does not exist");
        }
    }

    /** Callbacks must be absolute http(s) URIs. */
    public static String callback(String value) {
        try {
            URI uri = URI.create(value.trim());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new InvalidFieldException("callbackUri", "must be an absolute http or https URI");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("callbackUri", "is not a URI");
        }
    }

    private static PkgSubscription view(PkgSubscriptionEntity e) {
        return new PkgSubscription(e.id, AppPkgSubscriptionType.valueOf(e.subscriptionType), e.callbackUri);
    }
}
