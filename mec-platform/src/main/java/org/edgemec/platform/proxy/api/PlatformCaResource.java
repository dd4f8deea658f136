package org.edgemec.platform.proxy.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.edgemec.platform.proxy.tls.PlatformCa;

/** The installation's CA certificate, for clients to trust the proxies ({@code curl --cacert}). Public. */
@Path("/edge_proxy/v1/ca.pem")
public class PlatformCaResource {

    private final PlatformCa ca;

    public PlatformCaResource(PlatformCa ca) {
        this.ca = ca;
    }

    @GET
    @Produces("application/x-pem-file")
    public String certificate() {
        return ca.certificatePem();
    }
}
