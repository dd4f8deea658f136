package org.edgemec.applcm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.edgemec.applcm.domain.lcm.LcmSubscriptionService;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceSubscriptionLinkList;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceSubscriptionType;
import org.edgemec.mp1api.mec0102.lcm.LcmSubscriptionRequest;

/** MEC 010-2 LCM subscriptions; user_defined_notification is not served (501). */
@Path(LcmMapper.BASE)
@Produces(MediaType.APPLICATION_JSON)
public class LcmSubscriptionsResource {

    private final LcmSubscriptionService subscriptions;
    private final LcmMapper mapper;

    public LcmSubscriptionsResource(LcmSubscriptionService subscriptions, LcmMapper mapper) {
        this.subscriptions = subscriptions;
        this.mapper = mapper;
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull LcmSubscriptionRequest body) {
        LcmSubscriptionService.LcmSubscription s = subscriptions.create(body);
        return Response.created(URI.create(mapper.subscriptionHref(s.id()))).entity(mapper.subscription(s)).build();
    }

    @GET
    @Path("/subscriptions")
    public AppInstanceSubscriptionLinkList list() {
        return new AppInstanceSubscriptionLinkList(new AppInstanceSubscriptionLinkList.Links(
                new LinkType(mapper.subscriptionHref("").replaceAll("/$", "")),
                subscriptions.list().stream().map(s -> new AppInstanceSubscriptionLinkList.Subscription(
                        mapper.subscriptionHref(s.id()), AppInstanceSubscriptionType.valueOf(s.type()))).toList()));
    }

    @GET
    @Path("/subscriptions/{subscriptionId}")
    public Object get(@PathParam("subscriptionId") String id) {
        return mapper.subscription(subscriptions.get(id));
    }

    @DELETE
    @Path("/subscriptions/{subscriptionId}")
    public Response delete(@PathParam("subscriptionId") String id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/user_defined_notification")
    public Response userDefinedNotification() {
        return NotServedResource.notServed("user_defined_notification (lifecycle management)");
    }
}
