package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgemec.common.callback.CallbackAllowList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.edgemec.applcm.domain.pkg.PkgSubscriptionService;
import org.edgemec.applcm.persistence.LcmSubscriptionEntity;
import org.edgemec.applcm.persistence.LcmSubscriptionRepository;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.mec0102.lcm.LcmSubscriptionRequest;

/** LCM subscriptions (the four MEC 010-2 types), stored as their request bodies. */
@ApplicationScoped
@Transactional
public class LcmSubscriptionService {

    public record LcmSubscription(String id, String type, String callbackUri, LcmSubscriptionRequest request) {
    }

    private final LcmSubscriptionRepository subscriptions;
    private final ObjectMapper json;
    private final CallbackAllowList callbacks;

    public LcmSubscriptionService(LcmSubscriptionRepository subscriptions, ObjectMapper json,
                                  CallbackAllowList callbacks) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.callbacks = callbacks;
    }

    public LcmSubscription create(LcmSubscriptionRequest request) {
        LcmSubscriptionEntity e = new LcmSubscriptionEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionType = request.subscriptionType();
        e.callbackUri = PkgSubscriptionService.callback(request.callbackUri());
        callbacks.check("callbackUri", e.callbackUri);
        try {
            e.requestJson = json.writeValueAsString(request);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("subscription cannot be stored", ex);
        }
        e.createdAt = OffsetDateTime.now();
        subscriptions.persist(e);
        return new LcmSubscription(e.id, e.subscriptionType, e.callbackUri, request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LcmSubscription> list() {
        return subscriptions.list("order by createdAt").stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LcmSubscription get(String id) {
        LcmSubscriptionEntity e = subscriptions.findById(id);
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

    private LcmSubscription view(LcmSubscriptionEntity e) {
        try {
            return new LcmSubscription(e.id, e.subscriptionType, e.callbackUri,
                    json.readValue(e.requestJson, LcmSubscriptionRequest.class));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored subscription " + e.id + " is unreadable", ex);
        }
    }
}
