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
import org.edgemec.mp1api.mec011.appsupport.DnsRule;
import org.edgemec.platform.appsupport.DnsRuleService;

import java.util.List;

/** MEC 011 DNS rules of an app instance: read, and update with ETag / If-Match. */
@Path(AppSupportPaths.BASE + "/applications/{appInstanceId}/dns_rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DnsRulesResource {

    private final DnsRuleService rules;

    public DnsRulesResource(DnsRuleService rules) {
        this.rules = rules;
    }

    @GET
    public List<DnsRule> list(@PathParam("appInstanceId") String appInstanceId) {
        return rules.list(appInstanceId);
    }

    @GET
    @Path("/{dnsRuleId}")
    public Response get(@PathParam("appInstanceId") String appInstanceId, @PathParam("dnsRuleId") String dnsRuleId) {
        return TrafficRulesResource.tagged(rules.get(appInstanceId, dnsRuleId));
    }

    @PUT
    @Path("/{dnsRuleId}")
    public Response update(@PathParam("appInstanceId") String appInstanceId, @PathParam("dnsRuleId") String dnsRuleId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid DnsRule body) {
        return TrafficRulesResource.tagged(rules.update(appInstanceId, dnsRuleId, body, ifMatch));
    }
}
