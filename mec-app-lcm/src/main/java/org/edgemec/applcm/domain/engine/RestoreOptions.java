package org.edgemec.applcm.domain.engine;

import java.util.Objects;

/**
 * How to restore an archive. {@code ignoreStaticIp}/{@code ignoreStaticMac}: let the target
 * allocate new addresses (needed when the source's address is taken on the target network).
 */
public record RestoreOptions(String newName, boolean tcpEstablished, boolean ignoreStaticIp,
        boolean ignoreStaticMac) {

    public RestoreOptions {
        Objects.requireNonNull(newName, "newName");
    }

    public static RestoreOptions named(String newName) {
        return new RestoreOptions(newName, false, true, true);
    }
}
