package org.edgemec.relocation.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token check alone, with key sets given directly; the check against real platforms' JWKS (mec-platform issuing,
 * relocation-service verifying) is proved by journey-tests/.
 */
class AppTokenVerifierTest {

    static RsaJsonWebKey platformKey;
    static RsaJsonWebKey otherKey;
    static AppTokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        platformKey = RsaJwkGenerator.generateJwk(2048);
        platformKey.setKeyId("edgemec-platform-key-1");
        otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId("edgemec-platform-key-1");
        String jwks = new JsonWebKeySet(platformKey).toJson();
        Map<String, String> byIssuer = Map.of("edgemec-platform-edge1", jwks);
        PlatformKeySets sets = new PlatformKeySets(new ObjectMapper(), "http://127.0.0.1:9") {
            @Override
            public Optional<String> forIssuer(String issuer) {
                return Optional.ofNullable(byIssuer.get(issuer));
            }
        };
        verifier = new AppTokenVerifier(sets, new ObjectMapper());
    }

    static String token(RsaJsonWebKey key, String issuer, String subject, List<String> groups, long expiresIn)
            throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresIn));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void shouldNameTheAppInstanceOfAValidToken() throws Exception {
        assertEquals(Optional.of("inst-1"), verifier.appInstanceOf(token(platformKey, "edgemec-platform-edge1",
                "inst-1", List.of("mec-app"), 300)));
    }

    @Test
    void shouldRefuseWhatItsPlatformDidNotIssue() throws Exception {
        assertTrue(verifier.appInstanceOf(token(otherKey, "edgemec-platform-edge1", "inst-1", List.of("mec-app"), 300))
                .isEmpty(), "signed with another key");
        assertTrue(verifier.appInstanceOf(token(platformKey, "someone-else", "inst-1", List.of("mec-app"), 300))
                .isEmpty(), "an issuer no MEC host's platform has");
        assertTrue(verifier.appInstanceOf(token(platformKey, "edgemec-platform-edge1", "inst-1", List.of("mec-app"),
                -120)).isEmpty(), "expired");
        assertTrue(verifier.appInstanceOf(token(platformKey, "edgemec-platform-edge1", "inst-1", List.of("other"), 300))
                .isEmpty(), "not an app instance token");
        assertTrue(verifier.appInstanceOf("not-a-jwt").isEmpty());
        assertTrue(verifier.appInstanceOf("a.b.c").isEmpty());
    }
}
