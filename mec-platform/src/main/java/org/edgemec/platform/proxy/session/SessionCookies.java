package org.edgemec.platform.proxy.session;

import org.edgemec.common.error.ForbiddenException;
import org.edgemec.common.error.UnauthorizedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The signed session cookie that identifies a client at every proxy of the installation:
 * {@code base64url(clientId).expiryEpochSeconds.base64url(HMAC-SHA256)}. Any proxy holding the installation key can
 * verify it, so the cookie survives a handover unchanged.
 */
public final class SessionCookies {

    public static final String NAME = "edgemec_session";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** One initialised Mac per thread: verification runs on every proxied request. */
    private final ThreadLocal<Mac> macs;
    private final Duration lifetime;
    private final Clock clock;

    public SessionCookies(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 16) {
            throw new IllegalArgumentException("session key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String clientId) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        String payload = B64.encodeToString(clientId.getBytes(StandardCharsets.UTF_8)) + "." + expiry;
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** A verified cookie: whose it is and until when (epoch seconds) it is valid. */
    public record Verified(String clientId, long expiresAt) {
    }

    /** @return the client id of a valid cookie value; 401 when absent or expired, 403 when forged or malformed */
    public String verify(String value) {
        return verified(value).clientId();
    }

    /** Whether a cookie verified earlier has not expired yet. */
    public boolean stillValid(Verified verified) {
        return clock.instant().getEpochSecond() < verified.expiresAt();
    }

    /** As {@link #verify}, with the expiry, for callers that keep the result. */
    public Verified verified(String value) {
        if (value == null || value.isBlank()) {
            throw new UnauthorizedException("no " + NAME + " cookie: log in first at /edge_proxy/v1/login");
        }
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            throw new ForbiddenException("malformed " + NAME + " cookie");
        }
        String payload = parts[0] + "." + parts[1];
        byte[] signature;
        long expiry;
        try {
            signature = B64D.decode(parts[2]);
            expiry = Long.parseLong(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("malformed " + NAME + " cookie");
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            throw new ForbiddenException("the " + NAME + " cookie was not issued by this installation");
        }
        if (clock.instant().getEpochSecond() >= expiry) {
            throw new UnauthorizedException("the " + NAME + " cookie expired: log in again");
        }
        return new Verified(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8), expiry);
    }

    private byte[] mac(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
