package org.edgemec.relocation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.edgemec.mp1api.mec021.AdjacentAppInstanceInfo;
import org.edgemec.relocation.api.query.AttributeSchema;
import org.edgemec.relocation.api.query.ListQuery;
import org.edgemec.relocation.domain.adjacent.AdjacentAppInstances;
import org.edgemec.relocation.security.Caller;

/**
 * MEC 021 queries/adjacent_app_instances: the app instances of the MEC system as mec-app-lcm and the hosts'
 * platforms know them, narrowed with {@code filter} (e.g. {@code (eq,appDId,...)}) and shaped with the attribute
 * selectors. The operator sees every instance; an app instance (its Mp1 token) sees the other instances of its own
 * AppD. The query parameters are checked before the LCM is asked.
 */
@Path(AmsPaths.BASE + "/queries/adjacent_app_instances")
@Produces(MediaType.APPLICATION_JSON)
@AmsAccess
public class AdjacentAppInstancesResource {

    private static final AttributeSchema SCHEMA = AttributeSchema.of(AdjacentAppInstanceInfo.class);
    /** The file's exclude_default for AdjacentAppInstanceInfo: "n/a". */
    private static final Set<String> DEFAULT_EXCLUDE = Set.of();

    private final AdjacentAppInstances adjacent;
    private final ObjectMapper json;
    private final Caller caller;

    public AdjacentAppInstancesResource(AdjacentAppInstances adjacent, ObjectMapper json, Caller caller) {
        this.adjacent = adjacent;
        this.json = json;
        this.caller = caller;
    }

    @GET
    public List<JsonNode> query(@Context UriInfo uri) {
        ListQuery query = ListQuery.of(uri, SCHEMA, DEFAULT_EXCLUDE);
        return query.apply(caller.appInstanceId().map(adjacent::adjacentTo).orElseGet(adjacent::all), json);
    }
}
