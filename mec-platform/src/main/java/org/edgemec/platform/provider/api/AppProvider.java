package org.edgemec.platform.provider.api;

import java.time.OffsetDateTime;
import java.util.List;

/** An app provider as the operator reads it (no secret), with the app instances it registered on this host. */
public record AppProvider(String providerId, String appProvider, String clientId, List<String> appInstanceIds,
                          OffsetDateTime createdAt) {
}
