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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.domain.ClientStateService;
import org.edgemec.platform.proxy.domain.ProxyDirectory;
import org.edgemec.platform.proxy.domain.ProxyRef;
import org.edgemec.platform.proxy.domain.ProxyStates;

import java.util.List;

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

    @GET
    @Path("/{proxyName}/clients")
    public List<ClientStateBody> clients(@PathParam("proxyName") String proxyName) {
        return states.list(local(proxyName).name()).stream().map(ClientStateBody::of).toList();
    }

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
