package org.edgemec.platform.notification;

import org.edgemec.common.error.InvalidFieldException;

import java.net.URI;
import java.net.URISyntaxException;

/** A callbackReference must be an absolute http(s) URI with a host: anything else could never be delivered. */
public final class CallbackReferences {

    private CallbackReferences() {
    }

    public static String validate(String callbackReference) {
        if (callbackReference == null || callbackReference.isBlank()) {
            throw new InvalidFieldException("callbackReference", "is required");
        }
        try {
            URI uri = new URI(callbackReference.trim());
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new InvalidFieldException("callbackReference", "must be an absolute http or https URI");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("callbackReference", "is not a valid URI: " + e.getReason());
        }
    }
}
