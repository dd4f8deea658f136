package org.edgemec.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServiceClientTest {

    @Test
    void shouldShowTheProblemDetailsDetailWhenThereIsOne() {
        assertEquals("targetHost: unknown MEC host edge9", ServiceClient.problem(
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"targetHost: unknown MEC host edge9\"}"));
        assertEquals("Not Found", ServiceClient.problem("{\"title\":\"Not Found\",\"status\":404}"));
    }

    @Test
    void shouldShowTheBodyWhenItIsNoProblemDetails() {
        assertEquals("<html>gateway</html>", ServiceClient.problem("<html>gateway</html>\n"));
        assertEquals("(empty body)", ServiceClient.problem(""));
    }
}
