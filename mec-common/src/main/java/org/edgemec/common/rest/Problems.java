package org.edgemec.common.rest;

import jakarta.ws.rs.core.Response;
import org.edgemec.mp1api.common.ProblemDetails;

import java.net.URI;

/** Renders ProblemDetails answers with the RFC 7807 media type that ETSI MEC APIs use. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(int status, String title, String detail, URI instance) {
        ProblemDetails body = new ProblemDetails(null, title, (long) status, detail, instance == null ? null : instance.toString());
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
