package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details; identical in all six ETSI files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, Long status, String detail, String instance) {

    public static ProblemDetails of(int status, String title, String detail) {
        return new ProblemDetails(null, title, (long) status, detail, null);
    }
}
