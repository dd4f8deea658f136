package org.edgemec.platform.provisioning;

/** Answer to a provisioning: the client credentials of the app instance and where to exchange them for a token. */
public record AppInstanceCredentials(String appInstanceId, String clientId, String clientSecret,
                                     String tokenEndpoint) {
}
