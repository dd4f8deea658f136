package org.edgemec.platform.security;

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

import java.util.Set;

/** OAuth 2.0 client credentials (RFC 6749 4.4) for app instances: issues and verifies signed JWT bearer tokens. */
@ApplicationScoped
public class TokenService {

    static final String APP_GROUP = "mec-app";

    private final AppInstanceRepository instances;
    private final PlatformKeys keys;
    private final SecurityConfig config;
    private volatile DefaultJWTParser parser;

    public TokenService(AppInstanceRepository instances, PlatformKeys keys, SecurityConfig config) {
        this.instances = instances;
        this.keys = keys;
        this.config = config;
    }

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IssuedToken issue(String clientId, String clientSecret) {
        AppInstanceEntity instance = instances.find("clientId", clientId).firstResult();
        if (instance == null || !ClientSecrets.matches(clientSecret, instance.clientSecretHash)) {
            throw new UnauthorizedException("invalid client credentials");
        }
        long lifetime = config.tokenLifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .subject(instance.appInstanceId)
                .groups(Set.of(APP_GROUP))
                .expiresIn(lifetime)
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new IssuedToken(token, lifetime);
    }

    /** @return the app instance id the token was issued to */
    public String verify(String token) {
        try {
            JsonWebToken jwt = parser().parse(token);
            if (!jwt.getGroups().contains(APP_GROUP) || jwt.getSubject() == null) {
                throw new UnauthorizedException("the bearer token is not an app instance token");
            }
            return jwt.getSubject();
        } catch (ParseException e) {
            throw new UnauthorizedException("invalid or expired bearer token");
        }
    }

    private DefaultJWTParser parser() {
        if (parser == null) {
            JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), config.issuer());
            parser = new DefaultJWTParser(info);
        }
        return parser;
    }
}
