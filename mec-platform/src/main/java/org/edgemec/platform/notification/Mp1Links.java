package org.edgemec.platform.notification;

import java.net.URI;

/**
 * Absolute hrefs of Mp1 resources, built from the base URI the client used (so links work behind any host name
 * and port). Notifications are built in the request that causes them, so the request's base URI is available.
 */
public record Mp1Links(String base) {

    public static final String APP_SUPPORT = "mec_app_support/v2";
    public static final String SERVICE_MGMT = "mec_service_mgmt/v1";

    public static Mp1Links of(URI baseUri) {
        String text = baseUri.toString();
        return new Mp1Links(text.endsWith("/") ? text : text + "/");
    }

    public String appSubscription(String appInstanceId, String subscriptionId) {
        return base + APP_SUPPORT + "/applications/" + appInstanceId + "/subscriptions/" + subscriptionId;
    }

    public String appSubscriptions(String appInstanceId) {
        return base + APP_SUPPORT + "/applications/" + appInstanceId + "/subscriptions";
    }

    public String confirmTermination(String appInstanceId) {
        return base + APP_SUPPORT + "/applications/" + appInstanceId + "/confirm_termination";
    }

    public String serviceSubscription(String appInstanceId, String subscriptionId) {
        return base + SERVICE_MGMT + "/applications/" + appInstanceId + "/subscriptions/" + subscriptionId;
    }

    public String serviceSubscriptions(String appInstanceId) {
        return base + SERVICE_MGMT + "/applications/" + appInstanceId + "/subscriptions";
    }

    public String service(String appInstanceId, String serInstanceId) {
        return base + SERVICE_MGMT + "/applications/" + appInstanceId + "/services/" + serInstanceId;
    }

    public String liveness(String appInstanceId, String serInstanceId) {
        return service(appInstanceId, serInstanceId) + "/liveness";
    }
}
