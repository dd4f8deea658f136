package org.edgemec.platform.notification;

/** A created resource: its platform-assigned id and its body (links are added by the API layer). */
public record Stored<T>(String id, T body) {
}
