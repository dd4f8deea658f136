package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;

/** MEC 011 EndPointInfo; exactly one of the four attributes should be present (spec note, not enforced here). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndPointInfo(List<String> uris, List<String> fqdn, List<@Valid Addresses> addresses,
        Map<String, Object> alternative) {
}
