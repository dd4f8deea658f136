package org.edgemec.applcm.domain.notify;

import java.net.URI;

/** Delivers one notification body to a subscriber's callback; throws when the subscriber did not accept it. */
public interface CallbackClient {

    void post(URI callback, String json);
}
