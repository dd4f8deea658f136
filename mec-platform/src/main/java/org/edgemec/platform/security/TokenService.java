package org.edgemec.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.platform.config.SecurityConfig;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.persistence.AppProviderEntity;
import org.edgemec.platform.persistence.AppProviderRepository;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgemec.mp1api.provisioning.CredentialHandoff.TokenKey;
import org.edgemec.platform.persistence.MovedAppInstanceEntity;

/**
 * OAuth 2.0 client credentials (RFC 6749 4.4) for app instances and app providers: issues and verifies signed JWT
 * bearer tokens. Tokens are signed with this platform's key; an instance that arrived from another host also presents
 * tokens signed there (see {@link CredentialHandoffs}), which are accepted for that instance only. The group claim
 * tells an app instance token (subject: the instance) from a provider token (subject: the provider id), so one is
 * never taken for the other.
 */
@ApplicationScoped
public class TokenService {

    static final String APP_GROUP = "mec-app";
    static final String PROVIDER_GROUP = "mec-app-provider";
    /** Leeway for exp between hosts (smallrye-jwt's default, set explicitly since the token cache uses it too). */
    static final int CLOCK_SKEW_SECONDS = 60;

    private final AppInstanceRepository instances;
    private final AppProviderRepository providers;
    private final PlatformKeys keys;
    private final SecurityConfig config;
    private final CredentialHandoffs handoffs;
    private final ObjectMapper json;
    private final Map<TokenKey, DefaultJWTParser> adoptedParsers = new ConcurrentHashMap<>();
    private volatile DefaultJWTParser parser;
    /** Every Mp1 request presents a token: an RS256 check per request would bound the Mp1 throughput. */
    private final Cache<String, VerifiedToken> verified;

    public TokenService(AppInstanceRepository instances, AppProviderRepository providers, PlatformKeys keys,
                        SecurityConfig config, CredentialHandoffs handoffs, ObjectMapper json) {
        this.instances = instances;
        this.verified = Caffeine.newBuilder().maximumSize(config.verifiedTokenCacheSize()).build();
        this.providers = providers;
        this.keys = keys;
        this.config = config;
        this.handoffs = handoffs;
        this.json = json;
    }

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    /** A token whose signature and claims were checked, until it expires ({@code exp}, epoch seconds). */
    private record VerifiedToken(Bearer bearer, long expiresAt) {
    }

    /** Whom a verified token was issued to: an app instance, or an app provider (exactly one is set). */
    public record Bearer(String appInstanceId, String providerId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IssuedToken issue(String clientId, String clientSecret) {
        AppInstanceEntity instance = instances.find("clientId", clientId).firstResult();
        String appInstanceId;
        String secretHash;
        if (instance != null) {
            appInstanceId = instance.appInstanceId;
            secretHash = instance.clientSecretHash;
        } else {
            // moved away: the process still asks this host for tokens, which its Mp1 calls here redirect with
            MovedAppInstanceEntity moved = handoffs.movedClient(clientId).orElse(null);
            appInstanceId = moved == null ? null : moved.appInstanceId;
            secretHash = moved == null ? null : moved.clientSecretHash;
        }
        String group = APP_GROUP;
        if (appInstanceId == null) {
            AppProviderEntity provider = providers.find("clientId", clientId).firstResult();
            if (provider != null) {
                appInstanceId = provider.providerId;
                secretHash = provider.clientSecretHash;
                group = PROVIDER_GROUP;
            }
        }
        if (appInstanceId == null || !ClientSecrets.matches(clientSecret, secretHash)) {
            throw new UnauthorizedException("invalid client credentials");
        }
        long lifetime = config.tokenLifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .subject(appInstanceId)
                .groups(Set.of(group))
                .expiresIn(lifetime)
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new IssuedToken(token, lifetime);
    }

    /**
     * Non-blocking: whom the token was issued to when it was verified before and has not expired, else empty (then
     * only {@link #verify} can tell).
     */
    public Optional<Bearer> verifiedBefore(String token) {
        VerifiedToken known = token == null ? null : verified.getIfPresent(token);
        return known != null && Instant.now().getEpochSecond() < known.expiresAt()
                ? Optional.of(known.bearer()) : Optional.empty();
    }

    /** @return the app instance or app provider the token was issued to */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Bearer verify(String token) {
        VerifiedToken known = verified.getIfPresent(token);
        if (known != null) {
            if (Instant.now().getEpochSecond() < known.expiresAt()) {
                return known.bearer();
            }
            verified.invalidate(token);
        }
        JsonWebToken jwt;
        boolean signedHere = true;
        try {
            jwt = parser().parse(token);
        } catch (ParseException e) {
            jwt = verifyAdopted(token);
            signedHere = false;
        }
        if (jwt.getSubject() == null) {
            throw new UnauthorizedException("the bearer token names nobody");
        }
        if (jwt.getGroups().contains(APP_GROUP)) {
            Bearer bearer = new Bearer(jwt.getSubject(), null);
            // only tokens of this platform's key: an adopted token's validity depends on the instance's stored keys
            if (signedHere) {
                // the parser accepts a token up to its clock skew after exp: the cache as well
                verified.put(token, new VerifiedToken(bearer, jwt.getExpirationTime() + CLOCK_SKEW_SECONDS));
            }
            return bearer;
        }
        if (jwt.getGroups().contains(PROVIDER_GROUP)) {
            // a removed provider's tokens end with it (its instances are gone too)
            if (providers.findById(jwt.getSubject()) == null) {
                throw new UnauthorizedException("the app provider of this token is no longer known here");
            }
            return new Bearer(null, jwt.getSubject());
        }
        throw new UnauthorizedException("the bearer token is neither an app instance nor an app provider token");
    }

    /**
     * A token not signed here: valid only if signed by a key that the instance it names brought from its previous
     * host, and it still names that instance.
     */
    private JsonWebToken verifyAdopted(String token) {
        String subject = unverifiedSubject(token);
        List<TokenKey> trusted = List.of();
        if (subject != null) {
            AppInstanceEntity instance = instances.findById(subject);
            String stored = instance != null ? instance.adoptedTokenKeys
                    : handoffs.moved(subject).map(m -> m.tokenKeys).orElse(null);
            trusted = handoffs.readKeys(stored);
        }
        for (TokenKey key : trusted) {
            try {
                JsonWebToken jwt = adoptedParser(key).parse(token);
                if (subject.equals(jwt.getSubject())) {
                    return jwt;
                }
            } catch (ParseException e) {
                // not this key: try the next one
            }
        }
        throw new UnauthorizedException("invalid or expired bearer token");
    }

    /** The {@code sub} claim read without checking the signature: only to pick the keys to check it with. */
    private String unverifiedSubject(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("sub").isTextual() ? claims.path("sub").asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private DefaultJWTParser adoptedParser(TokenKey key) {
        return adoptedParsers.computeIfAbsent(key, k -> {
            try {
                PublicKey publicKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(k.publicKey())));
                return new DefaultJWTParser(new JWTAuthContextInfo(publicKey, k.issuer()));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new UnauthorizedException("an adopted token key of this instance is unusable");
            }
        });
    }

    private DefaultJWTParser parser() {
        if (parser == null) {
            JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), config.issuer());
            info.setClockSkew(CLOCK_SKEW_SECONDS);
            parser = new DefaultJWTParser(info);
        }
        return parser;
    }
}
