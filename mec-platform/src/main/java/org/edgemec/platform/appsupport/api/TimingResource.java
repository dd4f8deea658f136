package org.edgemec.platform.appsupport.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.edgemec.mp1api.mec011.appsupport.CurrentTime;
import org.edgemec.mp1api.mec011.appsupport.TimingCaps;
import org.edgemec.platform.appsupport.TimingService;

/** MEC 011 timing: platform timing capabilities and current time. */
@Path(AppSupportPaths.BASE + "/timing")
@Produces(MediaType.APPLICATION_JSON)
public class TimingResource {

    private final TimingService timing;

    public TimingResource(TimingService timing) {
        this.timing = timing;
    }

    @GET
    @Path("/timing_caps")
    public TimingCaps timingCaps() {
        return timing.timingCaps();
    }

    @GET
    @Path("/current_time")
    public CurrentTime currentTime() {
        return timing.currentTime();
    }
}
