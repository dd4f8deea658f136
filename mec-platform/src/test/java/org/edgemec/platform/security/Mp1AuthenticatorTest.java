package org.edgemec.platform.security;

import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.platform.config.OperatorConfig;
import org.edgemec.platform.config.SecurityConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The security switch and the operator check, on the class alone (the HTTP paths are in TokenAndAccessTest). */
class Mp1AuthenticatorTest {

    private static SecurityConfig security(boolean enabled) {
        return new SecurityConfig() {
            public boolean enabled() {
                return enabled;
            }

            public Duration tokenLifetime() {
                return Duration.ofHours(1);
            }

            public String issuer() {
                return "test";
            }

            public long verifiedTokenCacheSize() {
                return 10;
            }
        };
    }

    private static final OperatorConfig OPERATOR = () -> "op-secret";

    @Test
    void shouldNotAskForATokenWhenSecurityIsDisabled() {
        Caller caller = new Caller();
        Mp1Authenticator authenticator = new Mp1Authenticator(null, caller, security(false), OPERATOR);
        assertDoesNotThrow(() -> authenticator.authenticateApp(() -> {
            throw new UnauthorizedException("the token must not be read");
        }));
        assertNull(caller.appInstanceId(), "no identity: ownership checks are off");
        assertDoesNotThrow(() -> caller.requireOwner("any-app"));
    }

    @Test
    void shouldRequireATokenWhenSecurityIsEnabled() {
        Mp1Authenticator authenticator = new Mp1Authenticator(null, new Caller(), security(true), OPERATOR);
        assertThrows(UnauthorizedException.class, () -> authenticator.authenticateApp(() -> {
            throw new UnauthorizedException("missing");
        }));
    }

    @Test
    void shouldCheckTheOperatorTokenEvenWhenSecurityIsDisabled() {
        Mp1Authenticator authenticator = new Mp1Authenticator(null, new Caller(), security(false), OPERATOR);
        assertDoesNotThrow(() -> authenticator.requireOperator("op-secret"));
        assertThrows(UnauthorizedException.class, () -> authenticator.requireOperator("op-secreT"));
        assertThrows(UnauthorizedException.class, () -> authenticator.requireOperator(null));
    }
}
