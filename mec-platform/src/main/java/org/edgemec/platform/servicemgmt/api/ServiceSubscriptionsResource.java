package org.edgemec.platform.servicemgmt.api;

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
import org.edgemec.mp1api.mec011.servicemgmt.SerAvailabilityNotificationSubscription;
import org.edgemec.platform.notification.Stored;
import org.edgemec.platform.notification.SubscriptionLinks;
import org.edgemec.platform.servicemgmt.SerAvailabilitySubscriptionService;

import java.net.URI;

/** MEC 011 service availability subscriptions of an app instance. */
@Path("/mec_service_mgmt/v1/applications/{appInstanceId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceSubscriptionsResource {

    private final SerAvailabilitySubscriptionService subscriptions;

    public ServiceSubscriptionsResource(SerAvailabilitySubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    public Response create(@PathParam("appInstanceId") String appInstanceId,
                           @NotNull @Valid SerAvailabilityNotificationSubscription body, @Context UriInfo uri) {
        Stored<SerAvailabilityNotificationSubscription> created = subscriptions.create(appInstanceId, body);
        String self = uri.getAbsolutePathBuilder().path(created.id()).build().toString();
        return Response.created(URI.create(self)).entity(withSelf(created.body(), self)).build();
    }

    @GET
    public SubscriptionLinkList list(@PathParam("appInstanceId") String appInstanceId, @Context UriInfo uri) {
        return SubscriptionLinks.of(uri, subscriptions.list(appInstanceId), SerAvailabilityNotificationSubscription::subscriptionType);
    }

    @GET
    @Path("/{subscriptionId}")
    public SerAvailabilityNotificationSubscription get(@PathParam("appInstanceId") String appInstanceId,
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

    private static SerAvailabilityNotificationSubscription withSelf(SerAvailabilityNotificationSubscription s,
                                                                    String self) {
        return new SerAvailabilityNotificationSubscription(s.subscriptionType(), s.callbackReference(),
                new SelfLinks(new LinkType(self)), s.filteringCriteria());
    }
}
