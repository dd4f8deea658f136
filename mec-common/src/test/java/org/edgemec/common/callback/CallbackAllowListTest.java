package org.edgemec.common.callback;

import org.edgemec.common.callback.CallbackAllowList.CallbackRefusedException;
import org.edgemec.common.error.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackAllowListTest {

    private static final List<String> PRIVATE = List.of("127.0.0.0/8", "10.0.0.0/8");

    /** A name whose answer the test changes, as a rebinding DNS server would between subscription and delivery. */
    private final AtomicReference<String> answer = new AtomicReference<>("10.1.2.3");
    private final CallbackAllowList allowList = new CallbackAllowList(PRIVATE, host -> {
        if (!host.equals("rebind.example")) {
            throw new UnknownHostException(host);
        }
        String a = answer.get();
        return a == null ? new InetAddress[0] : new InetAddress[] {InetAddress.getByName(a)};
    });

    @Test
    void shouldRefuseAtDeliveryAHostThatNowResolvesOutsideTheAllowedNetworks() {
        String callback = "http://rebind.example:8080/cb";
        assertDoesNotThrow(() -> allowList.check("callbackReference", callback));
        assertDoesNotThrow(() -> allowList.checkDelivery(callback));

        answer.set("169.254.169.254");
        CallbackRefusedException refused = assertThrows(CallbackRefusedException.class,
                () -> allowList.checkDelivery(callback));
        assertTrue(refused.getMessage().contains("rebind.example resolves to 169.254.169.254"), refused.getMessage());
        InvalidFieldException atSubscribe = assertThrows(InvalidFieldException.class,
                () -> allowList.check("callbackReference", callback));
        assertTrue(atSubscribe.getMessage().contains("169.254.169.254"), atSubscribe.getMessage());
    }

    @Test
    void shouldTreatAHostThatDoesNotResolveNowAsAFailureToRetryNotARefusal() {
        answer.set(null);
        assertThrows(IllegalStateException.class, () -> allowList.checkDelivery("http://rebind.example/cb"));
        assertThrows(IllegalStateException.class, () -> allowList.checkDelivery("http://unknown.example/cb"));
    }

    @Test
    void shouldRefuseACallbackWithoutAHost() {
        assertThrows(CallbackRefusedException.class, () -> allowList.checkDelivery("mailto:someone"));
        assertThrows(CallbackRefusedException.class, () -> allowList.checkDelivery("not a uri"));
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> allowList.check("callbackUri", "file:///etc/passwd"));
        assertTrue(e.getMessage().contains("host"), e.getMessage());
    }

    @Test
    void shouldCheckLiteralAddressesWithoutResolvingAName() {
        CallbackAllowList literal = new CallbackAllowList(PRIVATE, InetAddress::getAllByName);
        assertDoesNotThrow(() -> literal.checkDelivery("http://127.0.0.1:9/cb"));
        assertThrows(CallbackRefusedException.class, () -> literal.checkDelivery("http://[::1]:9/cb"));
        assertThrows(CallbackRefusedException.class, () -> literal.checkDelivery("https://8.8.8.8/cb"));
    }
}
