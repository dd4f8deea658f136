package org.edgemec.mp1api.provisioning;

/**
 * Answer to a provisioning: the app instance's OAuth 2.0 client credentials and where to exchange them for its Mp1
 * bearer token.
 */
public record AppInstanceCredentials(String appInstanceId, String clientId, String clientSecret,
        String tokenEndpoint) {
}
