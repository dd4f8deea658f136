package org.edgemec.relocation.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.edgemec.relocation.api.OperatorOnly;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's data (the page itself is static, {@code /dashboard/}): operator token, as a bearer header or, for
 * the browser's EventSource that cannot send headers, as {@code ?token=} ({@link DashboardTokenParameter}).
 */
@Path("/dashboard/v1")
@OperatorOnly
public class DashboardResource {

    private final DashboardFeed feed;

    public DashboardResource(DashboardFeed feed) {
        this.feed = feed;
    }

    @GET
    @Path("/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hosts, instances, proxies and their clients, latest relocations, recent transactions")
    public DashboardSnapshot snapshot(@QueryParam(DashboardTokenParameter.NAME) String token) {
        // token: read by DashboardTokenParameter before this runs; declared so that it is a known query parameter
        return feed.snapshot();
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The snapshot as Server-Sent Events 'snapshot', one per poll interval")
    public void events(@Context SseEventSink sink, @Context Sse sse,
                       @QueryParam(DashboardTokenParameter.NAME) String token) {
        feed.watch(sink, sse);
    }
}
