package org.edgemec.platform.security.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.edgemec.platform.config.SecurityConfig;
import org.edgemec.platform.security.PlatformKeys;

/**
 * The public key that verifies this platform's Mp1 access tokens, as a JSON Web Key Set (RFC 7517): other services
 * (the Application Mobility Service) check an app's bearer token with it. Public, like the token endpoint.
 */
@Path("/mec_platform_mgmt/v1/oauth/jwks")
public class JwksResource {

    private final PlatformKeys keys;
    private final SecurityConfig config;

    public JwksResource(PlatformKeys keys, SecurityConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.publicKey();
        return Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", keys.keyId(),
                "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()))),
                "issuer", config.issuer());
    }

    /** Unsigned big-endian bytes, base64url without padding (RFC 7518 6.3.1). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
