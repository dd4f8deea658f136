package org.edgemec.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.platform.config.OperatorConfig;
import org.edgemec.platform.config.SecurityConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Decides who a request comes from: the operator (provisioning API), or an app instance or app provider (Mp1 bearer
 * token).
 */
@ApplicationScoped
public class Mp1Authenticator {

    private static final Logger LOG = Logger.getLogger(Mp1Authenticator.class);

    private final TokenService tokens;
    private final Caller caller;
    private final SecurityConfig security;
    private final OperatorConfig operator;

    public Mp1Authenticator(TokenService tokens, Caller caller, SecurityConfig security, OperatorConfig operator) {
        this.tokens = tokens;
        this.caller = caller;
        this.security = security;
        this.operator = operator;
    }

    void warnWhenDisabled(@Observes StartupEvent event) {
        if (!security.enabled()) {
            LOG.warn("!!! edgemec.security.enabled=false: Mp1 authentication and authorisation are OFF. "
                    + "Any client can read and change every registration, service, rule and subscription. "
                    + "Development only !!!");
        }
    }

    public void requireOperator(String bearerToken) {
        byte[] expected = operator.token().getBytes(StandardCharsets.UTF_8);
        if (bearerToken == null || !MessageDigest.isEqual(expected, bearerToken.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("invalid operator token");
        }
    }

    /**
     * Mp1 call: with security on, the bearer token must be a valid app instance or app provider token.
     *
     * @return the caller's app instance id, null for a provider token and when security is off
     */
    public String authenticateApp(java.util.function.Supplier<String> bearerToken) {
        if (!security.enabled()) {
            return null;
        }
        TokenService.Bearer bearer = tokens.verify(bearerToken.get());
        if (bearer.providerId() != null) {
            caller.authenticateProvider(bearer.providerId());
            return null;
        }
        caller.authenticate(bearer.appInstanceId());
        return bearer.appInstanceId();
    }
}
