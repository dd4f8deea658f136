package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.edgemec.applcm.domain.lcm.AppInstanceService;
import org.edgemec.applcm.domain.lcm.LifecycleService;
import org.edgemec.applcm.domain.lcm.OpOcc;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceInfo;
import org.edgemec.mp1api.mec0102.lcm.ConfigPlatformForAppRequest;
import org.edgemec.mp1api.mec0102.lcm.CreateAppInstanceRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.OperateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.TerminateAppRequest;

/** MEC 010-2 application instances and their operations (each answers 202 + Location of the op occ). */
@Path(LcmMapper.BASE + "/app_instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppInstancesResource {

    private final AppInstanceService instances;
    private final LifecycleService lifecycle;
    private final LcmMapper mapper;
    private final ObjectMapper json;

    public AppInstancesResource(AppInstanceService instances, LifecycleService lifecycle, LcmMapper mapper,
            ObjectMapper json) {
        this.instances = instances;
        this.lifecycle = lifecycle;
        this.mapper = mapper;
        this.json = json;
    }

    @POST
    public Response create(@Valid @NotNull CreateAppInstanceRequest body) {
        AppInstanceInfo info = mapper.instance(instances.create(body));
        return Response.created(URI.create(info.links().self().href())).entity(info).build();
    }

    @GET
    public List<AppInstanceInfo> list(@QueryParam("filter") String filter) {
        return AttributeFilter.apply(instances.list().stream().map(mapper::instance).toList(), filter, json);
    }

    @GET
    @Path("/{appInstanceId}")
    public AppInstanceInfo get(@PathParam("appInstanceId") String id) {
        return mapper.instance(instances.get(id));
    }

    @DELETE
    @Path("/{appInstanceId}")
    public Response delete(@PathParam("appInstanceId") String id) {
        instances.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{appInstanceId}/instantiate")
    public Response instantiate(@PathParam("appInstanceId") String id, @Valid @NotNull InstantiateAppRequest body) {
        return accepted(lifecycle.instantiate(id, body));
    }

    @POST
    @Path("/{appInstanceId}/terminate")
    public Response terminate(@PathParam("appInstanceId") String id, @Valid @NotNull TerminateAppRequest body) {
        return accepted(lifecycle.terminate(id, body));
    }

    @POST
    @Path("/{appInstanceId}/operate")
    public Response operate(@PathParam("appInstanceId") String id, @Valid @NotNull OperateAppRequest body) {
        return accepted(lifecycle.operate(id, body));
    }

    @POST
    @Path("/{appInstanceId}/configure_platform_for_app")
    public Response configurePlatform(@PathParam("appInstanceId") String id,
            @Valid @NotNull ConfigPlatformForAppRequest body) {
        return accepted(lifecycle.configurePlatform(id, body));
    }

    private Response accepted(OpOcc op) {
        return Response.accepted().location(URI.create(mapper.opOccHref(op))).build();
    }
}
