package org.edgemec.applcm.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.common.error.InvalidFieldException;

/** Extension API (not ETSI): the MEC hosts the LCM deploys to. Operator-facing, like MEC 010-2 itself. */
@Path("/app_lcm_ext/v1/mec_hosts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MecHostsResource {

    private final MecHostService hosts;

    public MecHostsResource(MecHostService hosts) {
        this.hosts = hosts;
    }

    @GET
    public List<MecHostInfo> list() {
        return hosts.list().stream().map(MecHostInfo::of).toList();
    }

    @GET
    @Path("/{name}")
    public MecHostInfo get(@PathParam("name") String name) {
        return MecHostInfo.of(hosts.get(name));
    }

    @POST
    public Response create(MecHostInfo body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidFieldException("body", "a MecHostInfo is required");
        }
        MecHostInfo created = MecHostInfo.of(hosts.create(body.name(), body.engineKind(), body.engineEndpoint(),
                body.platformUrl(), body.zone(), body.capacityCpu(), body.capacityMemoryMb()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        hosts.delete(name);
        return Response.noContent().build();
    }
}
