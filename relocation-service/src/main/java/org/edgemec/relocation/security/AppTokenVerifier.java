package org.edgemec.relocation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks an app instance's Mp1 bearer token the way its platform would: RS256 with the key the issuing platform
 * publishes (its JWKS), the platform's issuer, not expired, the app group; the subject is the app instance id.
 */
@ApplicationScoped
public class AppTokenVerifier {

    /** The group mec-platform puts into every app instance token. */
    static final String APP_GROUP = "mec-app";

    private final PlatformKeySets keySets;
    private final ObjectMapper json;

    public AppTokenVerifier(PlatformKeySets keySets, ObjectMapper json) {
        this.keySets = keySets;
        this.json = json;
    }

    /** The app instance id of a valid app token; empty for anything else (unknown issuer, bad signature, expired). */
    public Optional<String> appInstanceOf(String token) {
        Optional<String> issuer = unverifiedIssuer(token);
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> jwks = keySets.forIssuer(issuer.get());
        if (jwks.isEmpty()) {
            return Optional.empty();
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(jwks.get());
        info.setIssuedBy(issuer.get());
        try {
            JsonWebToken jwt = new DefaultJWTParser(info).parse(token);
            if (jwt.getSubject() == null || jwt.getGroups() == null || !jwt.getGroups().contains(APP_GROUP)) {
                return Optional.empty();
            }
            return Optional.of(jwt.getSubject());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Only to pick the key set: the signature check that follows decides. */
    private Optional<String> unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Optional.ofNullable(payload.path("iss").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
