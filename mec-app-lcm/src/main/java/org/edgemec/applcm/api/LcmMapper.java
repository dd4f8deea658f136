package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.lcm.AppInstance;
import org.edgemec.applcm.domain.lcm.LcmSubscriptionService.LcmSubscription;
import org.edgemec.applcm.domain.lcm.OpOcc;
import com.fasterxml.jackson.databind.JsonNode;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SelfLinks;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec0102.lcm.AppInstIdCreationSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.AppInstIdCreationSubscriptionInfo;
import org.edgemec.mp1api.mec0102.lcm.AppInstIdDeletionSubscriptionInfo;
import org.edgemec.mp1api.mec0102.lcm.AppInstIdDeletionSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.AppInstSubscriptionInfo;
import org.edgemec.mp1api.mec0102.lcm.AppInstSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceInfo;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOcc;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccSubscriptionInfo;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.CancelMode;
import org.edgemec.mp1api.mec0102.lcm.InstantiatedAppState;
import org.edgemec.mp1api.mec0102.lcm.McioInfo;

/** Domain LCM records -> MEC 010-2 AppInstanceInfo, AppLcmOpOcc and subscription infos, with absolute links. */
@ApplicationScoped
public class LcmMapper {

    static final String BASE = "/app_lcm/v1";

    private final String base;
    private final ObjectMapper json;

    public LcmMapper(LcmConfig config, ObjectMapper json) {
        this.base = config.baseUrl() + BASE;
        this.json = json;
    }

    public AppInstanceInfo instance(AppInstance i) {
        String self = base + "/app_instances/" + i.id();
        InstantiatedAppState state = i.operationalState() == null ? null : new InstantiatedAppState(
                i.operationalState(), null, List.of(new McioInfo(i.containerId(), i.containerName(), i.hostName(),
                "app", i.hostName(), "Container", 1, i.operationalState().name().equals("STARTED") ? 1 : 0, null)));
        return new AppInstanceInfo(i.id(), i.name(), i.description(), i.appDId(), i.appProvider(), i.appName(),
                i.appSoftVersion(), i.appDVersion(), i.appPkgId(), null, null, null, i.instantiationState(), state,
                null, new AppInstanceInfo.Links(new LinkType(self), new LinkType(self + "/instantiate"),
                new LinkType(self + "/terminate"), new LinkType(self + "/operate"),
                new LinkType(self + "/configure_platform_for_app")));
    }

    public String opOccHref(OpOcc op) {
        return base + "/app_lcm_op_occs/" + op.id();
    }

    public LcmOpOccInfo opOcc(OpOcc op) {
        JsonNode params = null;
        if (op.paramsJson() != null) {
            try {
                params = json.readTree(op.paramsJson());
            } catch (IOException e) {
                throw new IllegalStateException("stored parameters of " + op.id() + " are unreadable", e);
            }
        }
        return new LcmOpOccInfo(op.id(), op.state(), TimeStamp.of(op.stateEnteredTime().toInstant()),
                TimeStamp.of(op.startTime().toInstant()), op.operation().name(), params, op.cancelPending(),
                op.cancelMode() == null ? null : new CancelMode(CancelMode.Mode.valueOf(op.cancelMode())),
                new AppLcmOpOcc.Links(new LinkType(opOccHref(op)),
                        new LinkType(base + "/app_instances/" + op.appInstanceId())));
    }

    public String subscriptionHref(String id) {
        return base + "/subscriptions/" + id;
    }

    public Object subscription(LcmSubscription s) {
        SelfLinks links = new SelfLinks(new LinkType(subscriptionHref(s.id())));
        if (s.request() instanceof AppInstSubscriptionRequest r) {
            return new AppInstSubscriptionInfo(s.id(), s.type(), r.appInstanceState(),
                    r.appInstanceSubscriptionFilter(), s.callbackUri(), links);
        }
        if (s.request() instanceof AppLcmOpOccSubscriptionRequest r) {
            return new AppLcmOpOccSubscriptionInfo(s.id(), s.type(), s.callbackUri(),
                    r.appLcmOpOccSubscriptionFilter(), links);
        }
        if (s.request() instanceof AppInstIdCreationSubscriptionRequest r) {
            return new AppInstIdCreationSubscriptionInfo(s.id(), s.type(), s.callbackUri(),
                    r.appInstanceSubscriptionFilter(), links);
        }
        AppInstIdDeletionSubscriptionRequest r = (AppInstIdDeletionSubscriptionRequest) s.request();
        return new AppInstIdDeletionSubscriptionInfo(s.id(), s.type(), s.callbackUri(),
                r.appInstanceSubscriptionFilter(), links);
    }
}
