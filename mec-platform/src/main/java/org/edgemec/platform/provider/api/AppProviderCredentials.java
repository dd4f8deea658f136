package org.edgemec.platform.provider.api;

/**
 * Answer to the creation of an app provider: its OAuth 2.0 client credentials (the secret is shown only here) and
 * where to exchange them for its Mp1 bearer token.
 */
public record AppProviderCredentials(String providerId, String appProvider, String clientId, String clientSecret,
                                     String tokenEndpoint) {
}
