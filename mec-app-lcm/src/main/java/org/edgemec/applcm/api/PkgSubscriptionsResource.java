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
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.pkg.PkgSubscriptionService;
import org.edgemec.applcm.domain.pkg.PkgSubscriptionService.PkgSubscription;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SelfLinks;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgSubscription;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgSubscriptionInfo;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgSubscriptionLinkList;

/** MEC 010-2 package management subscriptions; notifications go out through the outbox. */
@Path(PackageMapper.BASE + "/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class PkgSubscriptionsResource {

    private final PkgSubscriptionService subscriptions;
    private final String base;

    public PkgSubscriptionsResource(PkgSubscriptionService subscriptions, LcmConfig config) {
        this.subscriptions = subscriptions;
        this.base = config.baseUrl() + PackageMapper.BASE + "/subscriptions";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull AppPkgSubscription body) {
        AppPkgSubscriptionInfo info = info(subscriptions.create(body));
        return Response.created(URI.create(info.links().self().href())).entity(info).build();
    }

    @GET
    public AppPkgSubscriptionLinkList list() {
        return new AppPkgSubscriptionLinkList(new AppPkgSubscriptionLinkList.Links(new LinkType(base),
                subscriptions.list().stream().map(s -> new AppPkgSubscriptionLinkList.Subscription(
                        base + "/" + s.id(), s.type())).toList()));
    }

    @GET
    @Path("/{subscriptionId}")
    public AppPkgSubscriptionInfo get(@PathParam("subscriptionId") String id) {
        return info(subscriptions.get(id));
    }

    @DELETE
    @Path("/{subscriptionId}")
    public Response delete(@PathParam("subscriptionId") String id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    private AppPkgSubscriptionInfo info(PkgSubscription s) {
        return new AppPkgSubscriptionInfo(s.id(), s.type(), s.callbackUri(),
                new SelfLinks(new LinkType(base + "/" + s.id())));
    }
}
