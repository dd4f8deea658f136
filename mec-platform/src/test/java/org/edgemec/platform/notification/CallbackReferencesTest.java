package org.edgemec.platform.notification;

import org.edgemec.common.error.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallbackReferencesTest {

    @Test
    void shouldAcceptAbsoluteHttpAndHttpsUris() {
        assertEquals("http://10.0.0.1:8080/cb", CallbackReferences.validate("http://10.0.0.1:8080/cb"));
        assertEquals("https://app.example.com/notify?x=1", CallbackReferences.validate("https://app.example.com/notify?x=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "/relative", "cb", "ftp://host/x", "mailto:a@b", "http:///nohost", "http://in valid/"})
    void shouldRefuseAnythingElseNamingCallbackReference(String uri) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> CallbackReferences.validate(uri));
        assertEquals("callbackReference", e.field());
    }
}
