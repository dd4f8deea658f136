package org.edgemec.platform.notification;

/** Sends one notification body to a subscriber's callbackReference; throws when it was not accepted (non-2xx). */
public interface CallbackSender {

    void post(String callbackUri, String jsonBody);
}
