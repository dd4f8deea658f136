package org.edgemec.platform.servicemgmt;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.mp1api.common.EndPointInfo;
import org.edgemec.mp1api.common.OAuth2Info;
import org.edgemec.mp1api.common.SecurityInfo;
import org.edgemec.mp1api.common.TransportType;
import org.edgemec.mp1api.mec011.servicemgmt.TransportInfo;
import org.edgemec.platform.notification.Mp1Links;

import java.util.List;
import java.util.Optional;

/** The transports this platform offers to services: REST over HTTP secured by the platform's OAuth 2.0 tokens. */
@ApplicationScoped
public class TransportCatalog {

    public static final String REST_HTTP_ID = "rest-http-oauth2";

    private final Mp1Links links;

    public TransportCatalog(Mp1Links links) {
        this.links = links;
    }

    public List<TransportInfo> all() {
        String base = links.base();
        SecurityInfo security = new SecurityInfo(new OAuth2Info(List.of(OAuth2Info.GrantType.OAUTH2_CLIENT_CREDENTIALS),
                base + "mec_platform_mgmt/v1/oauth/token"));
        return List.of(new TransportInfo(REST_HTTP_ID, "REST over HTTP",
                "REST API over HTTP/1.1, bearer tokens from the platform's OAuth 2.0 token endpoint",
                TransportType.REST_HTTP, "HTTP", "1.1", new EndPointInfo(List.of(base), null, null, null), security,
                null));
    }

    public Optional<TransportInfo> find(String transportId) {
        return all().stream().filter(t -> t.id().equals(transportId)).findFirst();
    }
}
