package org.edgemec.relocation.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.common.rest.Problems;

/**
 * {@code POST /user_defined_notification} is, in the file, the subscriber's end of a notification ("delivers a
 * notification ... to the subscriber"): the AMS sends its notifications to each subscription's callbackReference and
 * receives none, so it answers 501 ProblemDetails, as mec-app-lcm does for its own.
 */
@Path(AmsPaths.BASE + "/user_defined_notification")
@AmsAccess
public class UserDefinedNotificationResource {

    @POST
    public Response deliver(@Context UriInfo uri) {
        return Problems.response(501, "Not Implemented", "the AMS delivers notifications to each subscription's "
                + "callbackReference; it does not receive them at user_defined_notification", uri.getRequestUri());
    }
}
