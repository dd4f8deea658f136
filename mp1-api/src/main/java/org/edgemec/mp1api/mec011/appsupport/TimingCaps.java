package org.edgemec.mp1api.mec011.appsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/**
 * MEC 011 TimingCaps. The V3.1.1 file turns every scalar of TimeStamp/NtpServers/PtpMasters into an
 * array of Uint32 and marks the three top-level attributes required; the spec table and V2.1.1 have
 * scalars and optional attributes, which is what is modelled (see README).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimingCaps(@Valid TimeStamp timeStamp, List<@Valid NtpServer> ntpServers,
        List<@Valid PtpMaster> ptpMasters) {

    /** Generated name {@code NtpServers}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NtpServer(@NotNull NtpServerAddrType ntpServerAddrType, @NotBlank String ntpServerAddr,
            @NotNull Long minPollingInterval, @NotNull Long maxPollingInterval, @NotNull Long localPriority,
            @NotNull AuthenticationOption authenticationOption, @NotNull Long authenticationKeyNum) {
    }

    /** Generated name {@code PtpMasters}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PtpMaster(@NotBlank String ptpMasterIpAddress, @NotNull Long ptpMasterLocalPriority,
            @NotNull Long delayReqMaxRate) {
    }

    public enum NtpServerAddrType {
        IP_ADDRESS, DNS_NAME
    }

    public enum AuthenticationOption {
        NONE, SYMMETRIC_KEY, AUTO_KEY
    }
}
