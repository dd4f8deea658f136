package org.edgemec.platform.notification;

import jakarta.ws.rs.core.UriInfo;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SubscriptionLinkList;

import java.util.List;
import java.util.function.Function;

/** The MEC 011 SubscriptionLinkList of a subscriptions collection, with hrefs relative to the requested URI. */
public final class SubscriptionLinks {

    private SubscriptionLinks() {
    }

    public static <T> SubscriptionLinkList of(UriInfo uri, List<Stored<T>> subscriptions,
                                              Function<T, String> subscriptionType) {
        var items = subscriptions.stream()
                .map(s -> new SubscriptionLinkList.Subscription(
                        uri.getAbsolutePathBuilder().path(s.id()).build().toString(),
                        subscriptionType.apply(s.body())))
                .toList();
        return new SubscriptionLinkList(new SubscriptionLinkList.Links(
                new LinkType(uri.getAbsolutePath().toString()), items));
    }
}
