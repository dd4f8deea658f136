package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.edgemec.applcm.domain.lcm.LcmOpOccService;
import org.edgemec.applcm.domain.lcm.LifecycleService;
import org.edgemec.applcm.domain.lcm.OpOcc;
import org.edgemec.mp1api.mec0102.lcm.CancelMode;

/** MEC 010-2 LCM operation occurrences and their cancel / fail / retry tasks. */
@Path(LcmMapper.BASE + "/app_lcm_op_occs")
@Produces(MediaType.APPLICATION_JSON)
public class AppLcmOpOccsResource {

    private final LcmOpOccService ops;
    private final LifecycleService lifecycle;
    private final LcmMapper mapper;
    private final ObjectMapper json;

    public AppLcmOpOccsResource(LcmOpOccService ops, LifecycleService lifecycle, LcmMapper mapper,
            ObjectMapper json) {
        this.ops = ops;
        this.lifecycle = lifecycle;
        this.mapper = mapper;
        this.json = json;
    }

    @GET
    public List<LcmOpOccInfo> list(@QueryParam("filter") String filter) {
        return AttributeFilter.apply(ops.list().stream().map(mapper::opOcc).toList(), filter, json);
    }

    @GET
    @Path("/{appLcmOpOccId}")
    public LcmOpOccInfo get(@PathParam("appLcmOpOccId") String id) {
        return mapper.opOcc(ops.get(id));
    }

    @POST
    @Path("/{appLcmOpOccId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("appLcmOpOccId") String id, @Valid @NotNull CancelMode body) {
        OpOcc op = lifecycle.cancel(id, body.cancelMode().name());
        return Response.accepted().location(URI.create(mapper.opOccHref(op))).build();
    }

    @POST
    @Path("/{appLcmOpOccId}/fail")
    public LcmOpOccInfo fail(@PathParam("appLcmOpOccId") String id) {
        return mapper.opOcc(ops.fail(id));
    }

    @POST
    @Path("/{appLcmOpOccId}/retry")
    public Response retry(@PathParam("appLcmOpOccId") String id) {
        OpOcc op = lifecycle.retry(id);
        return Response.accepted().location(URI.create(mapper.opOccHref(op))).build();
    }
}
