package org.edgemec.platform.proxy.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import org.edgemec.common.error.MecException;
import org.edgemec.common.error.ProblemStatus;
import org.edgemec.common.rest.Problems;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.platform.proxy.domain.PeerCallException;

/** RFC 7807 answers of the data plane, rendered like the JAX-RS mappers do for the REST APIs. */
final class ProxyProblems {

    private final ObjectMapper json;

    ProxyProblems(ObjectMapper json) {
        this.json = json;
    }

    Future<ProxyResponse> respond(ProxyContext ctx, int status, String title, String detail) {
        ProxyResponse response = ctx.request().response()
                .setStatusCode(status)
                .putHeader("content-type", Problems.MEDIA_TYPE)
                .setBody(Body.body(body(status, title, detail, ctx.request().getURI())));
        return Future.succeededFuture(response);
    }

    Future<ProxyResponse> respond(ProxyContext ctx, MecException e) {
        return respond(ctx, status(e), e.title(), e.getMessage());
    }

    static int status(MecException e) {
        return e instanceof PeerCallException peer ? peer.status() : ProblemStatus.of(e);
    }

    void write(HttpServerResponse response, int status, String title, String detail, String instance) {
        response.setStatusCode(status).putHeader("content-type", Problems.MEDIA_TYPE)
                .end(body(status, title, detail, instance));
    }

    void write(HttpServerResponse response, MecException e, String instance) {
        write(response, status(e), e.title(), e.getMessage(), instance);
    }

    private Buffer body(int status, String title, String detail, String instance) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(
                    new ProblemDetails(null, title, (long) status, detail, instance)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
