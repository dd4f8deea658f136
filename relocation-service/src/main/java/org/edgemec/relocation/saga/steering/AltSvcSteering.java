package org.edgemec.relocation.saga.steering;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.Steering;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.ports.PlatformSteering;
import org.edgemec.relocation.saga.ports.ProxyHandovers;

/**
 * Alt-Svc handover (seed 000): every client whose state at the source proxy forwards to the moving instance is handed
 * over to the target host's proxy with that forwarding rewritten to the restored instance. The handover id is derived
 * from the relocation and the client, so a repeated run asks for the same handovers.
 */
@ApplicationScoped
public class AltSvcSteering implements SteeringStrategy {

    private final ProxyHandovers proxies;
    private final PlatformSteering platforms;
    private final RelocationConfig config;

    public AltSvcSteering(ProxyHandovers proxies, PlatformSteering platforms, RelocationConfig config) {
        this.proxies = proxies;
        this.platforms = platforms;
        this.config = config;
    }

    @Override
    public Steering kind() {
        return Steering.ALT_SVC;
    }

    @Override
    public String steer(RelocationRun run, SagaContext ctx) {
        if (ctx.sourcePlatformUrl == null || ctx.targetPlatformUrl == null) {
            throw new IllegalStateException("ALT_SVC steering needs a mec-platform (edge proxy) on both hosts");
        }
        if (ctx.sourceEndpoint == null || ctx.sourceEndpoint.port() == null || ctx.targetEndpoint == null
                || ctx.targetEndpoint.port() == null) {
            throw new IllegalStateException("ALT_SVC steering needs the source and target endpoints with a port; "
                    + "source " + ctx.sourceEndpoint + ", target " + ctx.targetEndpoint);
        }
        ctx.sourceProxy = proxies.localProxy(ctx.sourcePlatformUrl);
        ctx.targetProxy = proxies.localProxy(ctx.targetPlatformUrl);
        String from = ctx.sourceEndpoint.authority();
        String to = ctx.targetEndpoint.authority();
        List<ProxyHandovers.Client> clients = proxies.clientsForwardingTo(ctx.sourcePlatformUrl, ctx.sourceProxy, from);
        for (ProxyHandovers.Client c : clients) {
            Map<String, String> forwarding = new LinkedHashMap<>();
            c.forwarding().forEach((host, backend) -> {
                if (backend.equals(from)) {
                    forwarding.put(host, to);
                }
            });
            String id = handoverId(run.relocationId(), c.clientId());
            proxies.handover(ctx.sourcePlatformUrl, id, c.clientId(), ctx.targetProxy, forwarding);
            if (!ctx.handoverIds.contains(id)) {
                ctx.handoverIds.add(id);
            }
        }
        // requests still reaching the source proxy (held during the freeze, or from a client that has not followed
        // Alt-Svc yet) go to the target too
        platforms.steer(ctx.sourcePlatformUrl, run.appInstanceId(), Steering.TRAFFIC_RULE, ctx.targetEndpoint,
                run.relocationId(), config.steeringLinger());
        ctx.steered = true;
        return clients.size() + " client(s) of " + from + " handed over from proxy " + ctx.sourceProxy + " to "
                + ctx.targetProxy + ", forwarding to " + to + "; the source proxy forwards the rest there";
    }

    @Override
    public String revert(RelocationRun run, SagaContext ctx) {
        if (ctx.sourcePlatformUrl == null) {
            return "nothing steered";
        }
        platforms.unsteer(ctx.sourcePlatformUrl, run.appInstanceId());
        for (String id : ctx.handoverIds) {
            proxies.cancel(ctx.sourcePlatformUrl, id);
        }
        ctx.steered = false;
        return ctx.handoverIds.size() + " handover(s) cancelled at " + ctx.sourceProxy + ", its forwarding reverted";
    }

    /** 45 characters of [0-9a-f-]: the relocation id and a digest of the client id. */
    static String handoverId(String relocationId, String clientId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8));
            return relocationId + "-" + HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
