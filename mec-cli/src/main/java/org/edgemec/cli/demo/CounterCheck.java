package org.edgemec.cli.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the counter kept its state: every answer, in request order, counts exactly one more than the one before and
 * carries the same token (a restart would give a new token and count from 1; a lost or repeated state a jump).
 */
public final class CounterCheck {

    private Long lastCount;
    private String token;
    private Long firstCount;
    private final List<String> violations = new ArrayList<>();

    /** The answer of request number {@code request} (1-based, for the message). */
    public void accept(int request, long count, String token) {
        if (this.token == null) {
            this.token = token;
            firstCount = count;
        } else {
            if (!this.token.equals(token)) {
                violations.add("request " + request + ": token " + token + " instead of " + this.token
                        + " (the app restarted: its state is lost)");
                this.token = token;
            }
            if (count != lastCount + 1) {
                violations.add("request " + request + ": count " + count + " after " + lastCount
                        + " (expected " + (lastCount + 1) + ")");
            }
        }
        lastCount = count;
    }

    public boolean kept() {
        return token != null && violations.isEmpty();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public String token() {
        return token;
    }

    public Long firstCount() {
        return firstCount;
    }

    public Long lastCount() {
        return lastCount;
    }
}
