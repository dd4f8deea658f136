package org.edgemec.relocation.saga;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.provisioning.AppEndpoint;

/**
 * What the steps of one relocation learnt and did, persisted with it after every step: the next step, a worker that
 * resumes after a crash, and the compensation read it from here, never from memory.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SagaContext {

    public String appDId;
    public String sourceHost;
    public String targetHost;
    public String sourcePlatformUrl;
    public String targetPlatformUrl;
    public String placement;
    public AppEndpoint sourceEndpoint;
    public AppEndpoint targetEndpoint;
    /** APPLICATION transfer: the instance of the same AppD on the target that takes over. */
    public String targetAppInstanceId;
    /** the devices the relocation concerns (request or AMS registrations) */
    public List<AssociateId> associateId = new ArrayList<>();

    public String moveId;
    public boolean moveCommitted;
    public Map<String, Long> moveTimings = new LinkedHashMap<>();

    /** the service hosts whose requests the source proxy holds while the instance is frozen (hold id: relocation id) */
    public List<String> heldServiceHosts = new ArrayList<>();

    /** what STEER_TRAFFIC changed, so that compensation can undo exactly that */
    public boolean steered;
    public String sourceProxy;
    public String targetProxy;
    public List<String> handoverIds = new ArrayList<>();

    /** failed calls in a row of the current step, for its retry limit and backoff */
    public int consecutiveFailures;

    /** when the current bounded wait (move, context transfer) began */
    public OffsetDateTime waitingSince;
}
