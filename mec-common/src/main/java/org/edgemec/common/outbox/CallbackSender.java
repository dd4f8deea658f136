package org.edgemec.common.outbox;

/** Sends one notification body to a subscriber's callback; throws when it was not accepted (non-2xx). */
public interface CallbackSender {

    void post(String callbackUri, String jsonBody);
}
