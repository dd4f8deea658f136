package org.edgemec.mp1api.mec0102.grant;

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
 * The Grant file's KeyValuePair and KeyValuePairs (both {key, value} strings, so one type). This really
 * differs from the AppD/LCM KeyValuePairs (a free-form object, {@code common.KeyValuePairs}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyValuePair(String key, String value) {
}
