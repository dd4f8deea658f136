package org.edgemec.platform.notification;

import org.edgemec.common.error.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network check of callbackReferences; the end-to-end refusals are in security/AppIsolationTest. */
class CallbackNetworksTest {

    private static final List<String> PRIVATE = List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "fc00::/7");

    @Test
    void shouldRefuseANameWhenAnyOfItsAddressesIsOutside() {
        // a name with one private and one public address (or rebound to a public one) must not pass
        CallbackNetworks networks = new CallbackNetworks(PRIVATE, host -> new InetAddress[]{
                InetAddress.getByName("10.0.0.7"), InetAddress.getByName("93.184.216.34")});
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> networks.check("http://app.internal:8080/cb"));
        assertEquals("callbackReference", e.field());
        assertTrue(e.getMessage().contains("93.184.216.34"), e.getMessage());

        CallbackNetworks allPrivate = new CallbackNetworks(PRIVATE, host -> new InetAddress[]{
                InetAddress.getByName("10.0.0.7"), InetAddress.getByName("fd12::7")});
        assertEquals("http://app.internal:8080/cb", allPrivate.check("http://app.internal:8080/cb"));
    }

    @Test
    void shouldMatchPrefixesAtTheirBoundaries() {
        CallbackNetworks networks = new CallbackNetworks(List.of("172.16.0.0/12", "2001:db8:1::/48", "8.8.8.8"),
                InetAddress::getAllByName);
        assertEquals("http://172.31.255.255/cb", networks.check("http://172.31.255.255/cb"));
        assertThrows(InvalidFieldException.class, () -> networks.check("http://172.32.0.0/cb"));
        assertEquals("http://[2001:db8:1:ffff::1]/cb", networks.check("http://[2001:db8:1:ffff::1]/cb"));
        assertThrows(InvalidFieldException.class, () -> networks.check("http://[2001:db8:2::1]/cb"));
        assertEquals("http://8.8.8.8/cb", networks.check("http://8.8.8.8/cb"), "a bare address is one host");
        assertThrows(InvalidFieldException.class, () -> networks.check("http://8.8.8.9/cb"));
        assertThrows(InvalidFieldException.class, () -> networks.check("ftp://8.8.8.8/cb"), "syntax first");
    }

    @Test
    void shouldRefuseAMalformedConfiguration() {
        for (String bad : List.of("10.0.0.0/33", "example.com/8", "10.0.0.0/x", "::/129")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new CallbackNetworks(List.of(bad), InetAddress::getAllByName), bad);
        }
    }
}
