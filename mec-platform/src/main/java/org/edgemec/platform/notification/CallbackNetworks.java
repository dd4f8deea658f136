package org.edgemec.platform.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgemec.common.callback.CallbackAllowList;
import org.edgemec.platform.persistence.StoredLimits;

import java.util.List;

/**
 * The check of every Mp1 subscription's callbackReference: its length, a well-formed http(s) URI
 * ({@link CallbackReferences}), and a host whose addresses are all inside {@code edgemec.callbacks.allowed-networks}
 * (mec-common's {@link CallbackAllowList}, which every service uses for its subscriptions).
 */
@ApplicationScoped
public class CallbackNetworks {

    private final CallbackAllowList networks;

    @Inject
    public CallbackNetworks(CallbackAllowList networks) {
        this.networks = networks;
    }

    public CallbackNetworks(List<String> allowedNetworks, CallbackAllowList.Resolver resolver) {
        this(new CallbackAllowList(allowedNetworks, resolver));
    }

    /** The normalised callbackReference, or 400 naming {@code callbackReference}. */
    public String check(String callbackReference) {
        StoredLimits.maxLength("callbackReference", callbackReference, StoredLimits.CALLBACK);
        String callback = CallbackReferences.validate(callbackReference);
        networks.check("callbackReference", callback);
        return callback;
    }
}
