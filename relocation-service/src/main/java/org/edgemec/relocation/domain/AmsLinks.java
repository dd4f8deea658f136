package org.edgemec.relocation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SubscriptionLinks;
import org.edgemec.relocation.api.AmsPaths;
import org.edgemec.relocation.config.AmsConfig;

/**
 * Absolute URLs of AMS resources, from {@code edgemec.ams.base-url}: notifications leave this service, so their
 * links cannot be relative to a request.
 */
@ApplicationScoped
public class AmsLinks {

    private final String base;

    public AmsLinks(AmsConfig config) {
        this.base = config.baseUrl().endsWith("/")
                ? config.baseUrl().substring(0, config.baseUrl().length() - 1) : config.baseUrl();
    }

    public String subscription(String subscriptionId) {
        return subscriptions() + "/" + subscriptionId;
    }

    public String subscriptions() {
        return base + AmsPaths.SUBSCRIPTIONS;
    }

    /** The _links of a notification about the subscription. */
    public SubscriptionLinks notificationLinks(String subscriptionId) {
        return new SubscriptionLinks(new LinkType(subscription(subscriptionId)));
    }
}
