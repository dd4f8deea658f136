package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.common.error.ConflictException;
import org.edgemec.mp1api.mec0102.lcm.ConfigPlatformForAppRequest;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.mp1api.provisioning.CredentialHandoff;
import org.jboss.logging.Logger;

/**
 * CONFIGURE_PLATFORM_FOR_APP: gives the instance's mec-platform new AppD rules and services while the app runs on.
 * The platform has no in-place update, so the provisioning is replaced (DELETE, then POST); the running process keeps
 * the credentials in its environment and the address it serves at, so the new provisioning adopts the instance's own
 * Mp1 identity (credential handoff, as a move does) and keeps its endpoint. What was there before is saved in the op
 * occ first: a refused or failed POST puts it back, and a retry carries on from it even when the platform lost it.
 */
@ApplicationScoped
public class ConfigureSteps {

    private static final Logger LOG = Logger.getLogger(ConfigureSteps.class);

    private final LcmOpOccService ops;
    private final MecHostService hosts;
    private final PlatformProvisioning provisioning;
    private final ObjectMapper json;
    private final OpOccInterrupts interrupts;

    public ConfigureSteps(LcmOpOccService ops, MecHostService hosts, PlatformProvisioning provisioning,
            ObjectMapper json, OpOccInterrupts interrupts) {
        this.interrupts = interrupts;
        this.ops = ops;
        this.hosts = hosts;
        this.provisioning = provisioning;
        this.json = json;
    }

    void run(OpOcc op, AppInstance inst, ConfigPlatformForAppRequest request) {
        MecHost host = hosts.get(inst.hostName());
        if (!host.hasPlatform()) {
            throw new ConflictException("MEC host " + host.name() + " has no mec-platform to configure");
        }
        URI url = host.platformUrl();
        Optional<AppInstanceProvisioning> current = interrupts.call(op.id(),
                () -> provisioning.provisioning(url, inst.id()));
        AppInstanceProvisioning before = savedBefore(op);
        if (before == null) {
            AppInstanceProvisioning now = current.orElseThrow(() -> new ConflictException("app instance " + inst.id()
                    + " is not provisioned on mec-platform " + url + ": there is no configuration or Mp1 identity "
                    + "to keep"));
            CredentialHandoff identity = interrupts.call(op.id(),
                    () -> provisioning.credentialHandoff(url, inst.id())).orElseThrow(() ->
                    new ConflictException("mec-platform " + url + " has no Mp1 identity of app instance " + inst.id()));
            before = now.withCredentials(identity);
            ops.saveSnapshot(op.id(), write(before));
            LcmOperationRunner.check(ops.step(op.id(), "configuration read from mec-platform " + url + " (client id "
                    + identity.clientId() + ", endpoint " + authority(now) + ")"));
        } else {
            ops.step(op.id(), "configuration saved by an earlier attempt kept (client id "
                    + before.credentials().clientId() + ")");
        }
        // the freshest endpoint is the platform's own (nothing else changes it while this operation is open)
        AppInstanceProvisioning after = merged(before, request)
                .withEndpoint(current.map(AppInstanceProvisioning::endpoint).orElse(before.endpoint()));
        List<String> ignored = notApplied(request);
        if (!ignored.isEmpty()) {
            ops.step(op.id(), "not applied, the mec-platform has no configuration for them: "
                    + String.join(", ", ignored));
        }
        // the last point a cancel stops at: from here the platform is changed and must end configured
        LcmOperationRunner.check(ops.step(op.id(), "replacing the provisioning (the platform has no in-place update)"));
        if (current.isPresent()) {
            interrupts.run(op.id(), () -> provisioning.deprovision(url, inst.id(), false));
            ops.step(op.id(), "provisioning removed from mec-platform " + url);
        }
        try {
            interrupts.call(op.id(), () -> provisioning.provision(url, after));
        } catch (RuntimeException e) {
            // refused, failed or stopped by a FORCED cancel (the POST may have been applied: the platform's 409 on
            // the restoring POST replaces it)
            restore(op, url, before);
            throw e;
        }
        ops.step(op.id(), "mec-platform " + url + " provisioned with the new configuration (client id "
                + after.credentials().clientId() + " and endpoint " + authority(after) + " kept)");
        ops.complete(op.id(), null, null, null, null);
    }

    /** Absent attributes keep what the platform has; a given one (an empty list too) replaces it. */
    static AppInstanceProvisioning merged(AppInstanceProvisioning before, ConfigPlatformForAppRequest r) {
        return new AppInstanceProvisioning(before.appInstanceId(), before.appDId(), before.appName(),
                before.appProvider(), before.appSoftVersion(), before.endpoint(),
                r.appTrafficRule() != null ? r.appTrafficRule() : before.appTrafficRule(),
                r.appDNSRule() != null ? r.appDNSRule() : before.appDNSRule(),
                r.appServiceRequired() != null ? r.appServiceRequired() : before.appServiceRequired(),
                r.appServiceProduced() != null ? r.appServiceProduced() : before.appServiceProduced(),
                before.credentials());
    }

    private static List<String> notApplied(ConfigPlatformForAppRequest r) {
        List<String> names = new ArrayList<>();
        add(names, "appServiceOptional", r.appServiceOptional());
        add(names, "appFeatureRequired", r.appFeatureRequired());
        add(names, "appFeatureOptional", r.appFeatureOptional());
        add(names, "transportDependencies", r.transportDependencies());
        add(names, "appLatency", r.appLatency());
        add(names, "userContextTransferCapability", r.userContextTransferCapability());
        add(names, "appNetworkPolicy", r.appNetworkPolicy());
        return names;
    }

    private static void add(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }

    /** Puts the configuration from before back; when that fails too, the saved one waits for a retry. */
    private void restore(OpOcc op, URI url, AppInstanceProvisioning before) {
        try {
            provisioning.provision(url, before);
            ops.step(op.id(), "new configuration not taken: the previous one is restored on mec-platform " + url);
        } catch (RuntimeException e) {
            LOG.warnf("op occ %s: restoring the previous configuration of %s at %s failed: %s", op.id(),
                    op.appInstanceId(), url, e.getMessage());
            ops.step(op.id(), "restoring the previous configuration failed (" + e.getMessage()
                    + "); a retry carries on from the saved one");
        }
    }

    private static String authority(AppInstanceProvisioning p) {
        return p.endpoint() == null ? "none yet" : p.endpoint().authority();
    }

    private AppInstanceProvisioning savedBefore(OpOcc op) {
        String text = ops.snapshot(op.id());
        try {
            return text == null ? null : json.readValue(text, AppInstanceProvisioning.class);
        } catch (IOException e) {
            throw new IllegalStateException("saved configuration of " + op.id() + " is unreadable", e);
        }
    }

    private String write(AppInstanceProvisioning p) {
        try {
            return json.writeValueAsString(p);
        } catch (IOException e) {
            throw new IllegalStateException("configuration cannot be saved", e);
        }
    }
}
