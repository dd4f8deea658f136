package org.edgemec.platform.proxy.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.domain.ClientStateService;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.ProxyDirectory;
import org.edgemec.platform.proxy.domain.ProxyRef;
import org.edgemec.platform.proxy.domain.ProxyStates;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The proxies of the installation and the client state held by the ones running on this platform. */
@Path("/edge_proxy/v1/proxies")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProxiesResource {

    private final ProxyDirectory directory;
    private final ClientStateService states;
    private final ProxyStates proxyStates;

    public ProxiesResource(ProxyDirectory directory, ClientStateService states, ProxyStates proxyStates) {
        this.directory = directory;
        this.states = states;
        this.proxyStates = proxyStates;
    }

    public record ProxyView(String name, String authority, String zone, boolean local) {
    }

    @GET
    public List<ProxyView> list() {
        return directory.all().stream()
                .map(p -> new ProxyView(p.name(), p.authority(), p.zone().orElse(null), p.local())).toList();
    }

    /**
     * The client states at a proxy of this platform; {@code backend} and {@code serviceHost} keep those that forward
     * some service host (that one, when given) to that backend: the clients of an app instance about to move.
     */
    @GET
    @Path("/{proxyName}/clients")
    public List<ClientStateBody> clients(@PathParam("proxyName") String proxyName, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        QueryParams.allowOnly(query, CLIENT_FILTERS, "the filters are backend and serviceHost");
        Endpoint backend = QueryParams.single(query, "backend") == null ? null
                : Endpoint.parse(QueryParams.single(query, "backend"), "backend");
        String serviceHost = QueryParams.single(query, "serviceHost");
        if (serviceHost != null) {
            serviceHost = serviceHost.toLowerCase(Locale.ROOT);
            serviceHost = serviceHost.endsWith(".") ? serviceHost.substring(0, serviceHost.length() - 1) : serviceHost;
            if (!ServiceCatalogue.isHostName(serviceHost)) {
                throw new InvalidFieldException("serviceHost", "must be a DNS host name");
            }
        }
        String host = serviceHost;
        return states.list(local(proxyName).name()).stream()
                .filter(s -> (backend == null && host == null) || s.forwardsTo(host, backend))
                .map(ClientStateBody::of).toList();
    }

    private static final Set<String> CLIENT_FILTERS = Set.of("backend", "serviceHost");

    @GET
    @Path("/{proxyName}/clients/{clientId}")
    public ClientStateBody client(@PathParam("proxyName") String proxyName, @PathParam("clientId") String clientId) {
        return states.find(local(proxyName).name(), clientId).map(ClientStateBody::of).orElseThrow(
                () -> new NotFoundException("client " + clientId + " has no state at proxy " + proxyName));
    }

    /** Installs (or replaces) a client's state at a proxy of this platform; used by peers during handovers. */
    @PUT
    @Path("/{proxyName}/clients/{clientId}")
    public ClientStateBody put(@PathParam("proxyName") String proxyName, @PathParam("clientId") String clientId,
                               @NotNull @Valid ClientStateBody body) {
        if (!clientId.equals(body.clientId())) {
            throw new InvalidFieldException("clientId", "must equal the clientId of the path");
        }
        ProxyRef proxy = local(proxyName);
        proxyStates.put(proxy, body.toState(proxy.name()));
        return client(proxyName, clientId);
    }

    @DELETE
    @Path("/{proxyName}/clients/{clientId}")
    public Response remove(@PathParam("proxyName") String proxyName, @PathParam("clientId") String clientId) {
        if (!states.remove(local(proxyName).name(), clientId)) {
            throw new NotFoundException("client " + clientId + " has no state at proxy " + proxyName);
        }
        return Response.noContent().build();
    }

    private ProxyRef local(String proxyName) {
        return directory.find(proxyName).filter(ProxyRef::local)
                .orElseThrow(() -> new NotFoundException("no proxy " + proxyName + " runs on this platform"));
    }
}
