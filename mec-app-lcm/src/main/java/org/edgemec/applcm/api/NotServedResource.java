package org.edgemec.applcm.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.edgemec.common.rest.Problems;

/** ETSI operations this service does not implement: an explicit 501 ProblemDetails (listed in the README). */
@Path(PackageMapper.BASE + "/user_defined_notification")
public class NotServedResource {

    @POST
    public Response pkgmUserDefinedNotification() {
        return notServed("user_defined_notification (package management)");
    }

    static Response notServed(String what) {
        return Problems.response(501, "Not Implemented", what + " is not implemented by mec-app-lcm", null);
    }
}
