package org.edgemec.platform.appsupport.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.edgemec.mp1api.mec011.appsupport.TrafficRule;
import org.edgemec.platform.appsupport.Tagged;
import org.edgemec.platform.appsupport.TrafficRuleService;

import java.util.List;

/** MEC 011 traffic rules of an app instance: read, and update with ETag / If-Match. */
@Path(AppSupportPaths.BASE + "/applications/{appInstanceId}/traffic_rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrafficRulesResource {

    private final TrafficRuleService rules;

    public TrafficRulesResource(TrafficRuleService rules) {
        this.rules = rules;
    }

    @GET
    public List<TrafficRule> list(@PathParam("appInstanceId") String appInstanceId) {
        return rules.list(appInstanceId);
    }

    @GET
    @Path("/{trafficRuleId}")
    public Response get(@PathParam("appInstanceId") String appInstanceId,
                        @PathParam("trafficRuleId") String trafficRuleId) {
        return tagged(rules.get(appInstanceId, trafficRuleId));
    }

    @PUT
    @Path("/{trafficRuleId}")
    public Response update(@PathParam("appInstanceId") String appInstanceId,
                           @PathParam("trafficRuleId") String trafficRuleId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TrafficRule body) {
        return tagged(rules.update(appInstanceId, trafficRuleId, body, ifMatch));
    }

    static Response tagged(Tagged<?> tagged) {
        return Response.ok(tagged.body()).header(HttpHeaders.ETAG, tagged.etag()).build();
    }
}
