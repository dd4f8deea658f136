package org.edgemec.platform.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.mp1api.provisioning.CredentialHandoff;
import org.edgemec.mp1api.provisioning.CredentialHandoff.TokenKey;
import org.edgemec.platform.config.SecurityConfig;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.MovedAppInstanceEntity;
import org.edgemec.platform.persistence.MovedAppInstanceRepository;
import org.edgemec.platform.persistence.changes.GenerationCache;
import org.edgemec.platform.persistence.changes.TableChanges;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An app instance's Mp1 identity across a relocation. A restored container keeps the environment it was started with:
 * the source host's Mp1 URL and client credentials, and the tokens it already holds. So the target adopts the
 * identity (same client id and secret hash, and trusts the source's token keys for that instance only), and the
 * source keeps a record of the moved instance: its credentials still get tokens, and its Mp1 calls are redirected to
 * the target's platform.
 */
@ApplicationScoped
@Transactional
public class CredentialHandoffs {

    private static final Logger LOG = Logger.getLogger(CredentialHandoffs.class);
    private static final String MOVED_TABLE = "moved_app_instance";
    private static final long MOVED_CACHE_SIZE = 10_000;
    private static final TypeReference<List<TokenKey>> KEYS = new TypeReference<>() {
    };

    private final MovedAppInstanceRepository moved;
    private final PlatformKeys keys;
    private final SecurityConfig security;
    private final ObjectMapper json;
    /** Asked on every Mp1 request: kept in memory until moved_app_instance changes. */
    private final GenerationCache<Optional<String>> movedTo;

    public CredentialHandoffs(MovedAppInstanceRepository moved, PlatformKeys keys, SecurityConfig security,
                              ObjectMapper json, TableChanges changes) {
        this.movedTo = new GenerationCache<>(MOVED_CACHE_SIZE, () -> changes.generation(MOVED_TABLE));
        this.moved = moved;
        this.keys = keys;
        this.security = security;
        this.json = json;
    }

    /** The identity to hand to the next host: this platform's key and the keys the instance brought along. */
    public CredentialHandoff export(AppInstanceEntity instance) {
        List<TokenKey> all = new ArrayList<>(readKeys(instance.adoptedTokenKeys));
        TokenKey own = ownKey();
        if (!all.contains(own)) {
            all.add(0, own);
        }
        return new CredentialHandoff(instance.clientId, instance.clientSecretHash, all);
    }

    /** Gives the new provisioning the identity of the previous host; this platform's own key needs no adopting. */
    public void adopt(AppInstanceEntity instance, CredentialHandoff handoff) {
        instance.clientId = handoff.clientId();
        instance.clientSecretHash = handoff.clientSecretHash();
        TokenKey own = ownKey();
        List<TokenKey> adopted = handoff.tokenKeys().stream().filter(k -> !k.equals(own)).distinct().toList();
        instance.adoptedTokenKeys = adopted.isEmpty() ? null : writeKeys(adopted);
    }

    /** The instance is back (or provisioned afresh): its earlier move away from here is history. */
    public void arrived(String appInstanceId) {
        if (moved.deleteById(appInstanceId)) {
            LOG.infof("app instance %s is back on this host: its forwarding record is removed", appInstanceId);
        }
    }

    /** Called when the provisioning goes because the instance moved to the host whose platform is {@code movedTo}. */
    public void left(AppInstanceEntity instance, URI movedTo) {
        MovedAppInstanceEntity record = moved.findById(instance.appInstanceId);
        if (record == null) {
            record = new MovedAppInstanceEntity();
            record.appInstanceId = instance.appInstanceId;
        }
        record.clientId = instance.clientId;
        record.clientSecretHash = instance.clientSecretHash;
        record.tokenKeys = instance.adoptedTokenKeys;
        record.movedTo = movedTo.toString();
        record.movedAt = OffsetDateTime.now();
        moved.persist(record);
        LOG.infof("app instance %s moved to %s: its Mp1 calls here are redirected there", instance.appInstanceId,
                movedTo);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MovedAppInstanceEntity> moved(String appInstanceId) {
        return appInstanceId == null ? Optional.empty() : moved.findByIdOptional(appInstanceId);
    }

    /** The platform URL of the host an instance moved to, when it moved away from here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> movedTo(String appInstanceId) {
        return appInstanceId == null ? Optional.empty()
                : movedTo.get(appInstanceId, () -> moved(appInstanceId).map(m -> m.movedTo));
    }

    /** Non-blocking: true only when this platform knows from memory that the instance has not moved away. */
    @io.quarkus.arc.NoClassInterceptors // no transaction: called on the event loop
    public boolean knownNotMoved(String appInstanceId) {
        Optional<String> known = appInstanceId == null ? null : movedTo.getIfFresh(appInstanceId);
        return known != null && known.isEmpty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MovedAppInstanceEntity> movedClient(String clientId) {
        return moved.find("clientId", clientId).firstResultOptional();
    }

    /** Removes the record of a moved instance (the instance is terminated); false when there is none. */
    public boolean forget(String appInstanceId) {
        return moved.deleteById(appInstanceId);
    }

    public List<TokenKey> readKeys(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, KEYS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored token keys unreadable", e);
        }
    }

    private String writeKeys(List<TokenKey> list) {
        try {
            return json.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TokenKey ownKey() {
        return new TokenKey(security.issuer(), Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()));
    }
}
