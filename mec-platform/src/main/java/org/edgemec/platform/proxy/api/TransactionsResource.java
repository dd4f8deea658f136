package org.edgemec.platform.proxy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.platform.proxy.dataplane.TransactionLog;
import org.edgemec.platform.proxy.domain.FrontedInstances;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The requests the proxies of this platform took lately (a bounded in-memory ring): for monitoring. */
@Path("/edge_proxy/v1/transactions")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class TransactionsResource {

    private static final Set<String> FILTERS = Set.of("since", "appInstanceId");

    private final TransactionLog log;
    private final FrontedInstances fronted;

    public TransactionsResource(TransactionLog log, FrontedInstances fronted) {
        this.log = log;
        this.fronted = fronted;
    }

    /** One transaction; {@code appInstanceId} is the instance the platform fronts for its service host now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransactionView(long seq, long time, String proxy, String serviceHost, String appInstanceId,
                                  String clientId, String method, String path, int status, long durationMs,
                                  String servedBy) {
    }

    /** Oldest first; {@code since} (epoch ms, default 0) keeps those answered at or after it. */
    @GET
    public List<TransactionView> list(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        QueryParams.allowOnly(query, FILTERS, "the filters are since and appInstanceId");
        long since = since(QueryParams.single(query, "since"));
        String appInstanceId = QueryParams.single(query, "appInstanceId");
        Map<String, String> instances = fronted.byServiceHost();
        return log.since(since).stream()
                .map(t -> new TransactionView(t.seq(), t.time(), t.proxy(), t.serviceHost(),
                        instances.get(t.serviceHost()), t.clientId(), t.method(), t.path(), t.status(),
                        t.durationMs(), t.servedBy()))
                .filter(t -> appInstanceId == null || appInstanceId.equals(t.appInstanceId()))
                .toList();
    }

    private static long since(String value) {
        if (value == null) {
            return 0;
        }
        try {
            long since = Long.parseLong(value);
            if (since >= 0) {
                return since;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("since", "must be a time in milliseconds since the epoch (0 or more)");
    }
}
