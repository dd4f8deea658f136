package org.edgemec.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Where Mp1 subscriptions may have their notifications sent. */
@ConfigMapping(prefix = "edgemec.callbacks")
public interface CallbackConfig {

    /**
     * Networks (CIDR, or a single address) every address of a callbackReference's host must be in. The default is
     * loopback and the private ranges (RFC 1918, RFC 4193), where the apps of an edge host live; link-local
     * (169.254.0.0/16, with cloud metadata services) and public addresses are left out, so the platform cannot be
     * made to POST anywhere an app names.
     */
    @WithDefault("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
    List<String> allowedNetworks();
}
