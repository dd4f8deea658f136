package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import java.util.List;

/** MEC 021 CommunicationInterface, reused by MEC 010-2 AppInstanceInfo (same shape: host/port list). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationInterface(List<@Valid Addresses> ipAddresses) {
}
