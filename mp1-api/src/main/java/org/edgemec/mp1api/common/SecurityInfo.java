package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MEC 011 SecurityInfo. The spec table row "(extensions)" means "transport-specific extra attributes",
 * not a property literally named "(extensions)": they are kept in {@link #extensions()} as any other
 * top-level properties. A class (not a record) because of the any-setter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SecurityInfo {

    private @Valid OAuth2Info oAuth2Info;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public SecurityInfo() {
    }

    public SecurityInfo(OAuth2Info oAuth2Info) {
        this.oAuth2Info = oAuth2Info;
    }

    @JsonProperty("oAuth2Info")
    public OAuth2Info getOAuth2Info() {
        return oAuth2Info;
    }

    @JsonProperty("oAuth2Info")
    public void setOAuth2Info(OAuth2Info oAuth2Info) {
        this.oAuth2Info = oAuth2Info;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    @JsonAnySetter
    public void extension(String name, Object value) {
        extensions.put(name, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityInfo s && java.util.Objects.equals(oAuth2Info, s.oAuth2Info)
                && extensions.equals(s.extensions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(oAuth2Info, extensions);
    }
}
