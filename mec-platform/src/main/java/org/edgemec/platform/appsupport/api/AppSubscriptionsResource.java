package org.edgemec.platform.appsupport.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SelfLinks;
import org.edgemec.mp1api.common.SubscriptionLinkList;
import org.edgemec.mp1api.mec011.appsupport.AppTerminationNotificationSubscription;
import org.edgemec.platform.appsupport.AppSubscriptionService;
import org.edgemec.platform.notification.Stored;
import org.edgemec.platform.notification.SubscriptionLinks;

/** MEC 011 application subscriptions (AppTerminationNotificationSubscription). */
@Path(AppSupportPaths.BASE + "/applications/{appInstanceId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppSubscriptionsResource {

    private final AppSubscriptionService subscriptions;

    public AppSubscriptionsResource(AppSubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    public Response create(@PathParam("appInstanceId") String appInstanceId,
                           @NotNull @Valid AppTerminationNotificationSubscription body, @Context UriInfo uri) {
        Stored<AppTerminationNotificationSubscription> created = subscriptions.create(appInstanceId, body);
        String self = uri.getAbsolutePathBuilder().path(created.id()).build().toString();
        return Response.created(java.net.URI.create(self)).entity(withSelf(created.body(), self)).build();
    }

    @GET
    public SubscriptionLinkList list(@PathParam("appInstanceId") String appInstanceId, @Context UriInfo uri) {
        return SubscriptionLinks.of(uri, subscriptions.list(appInstanceId), AppTerminationNotificationSubscription::subscriptionType);
    }

    @GET
    @Path("/{subscriptionId}")
    public AppTerminationNotificationSubscription get(@PathParam("appInstanceId") String appInstanceId,
                                                      @PathParam("subscriptionId") String subscriptionId,
                                                      @Context UriInfo uri) {
        return withSelf(subscriptions.get(appInstanceId, subscriptionId).body(), uri.getAbsolutePath().toString());
    }

    @DELETE
    @Path("/{subscriptionId}")
    public Response delete(@PathParam("appInstanceId") String appInstanceId,
                           @PathParam("subscriptionId") String subscriptionId) {
        subscriptions.delete(appInstanceId, subscriptionId);
        return Response.noContent().build();
    }

    private static AppTerminationNotificationSubscription withSelf(AppTerminationNotificationSubscription s,
                                                                   String self) {
        return new AppTerminationNotificationSubscription(s.subscriptionType(), s.callbackReference(),
                new SelfLinks(new LinkType(self)), s.appInstanceId());
    }
}
