package org.edgemec.relocation.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import org.edgemec.common.error.ForbiddenException;
import org.edgemec.common.error.NotFoundException;

/**
 * Who calls the AMS in this request: the operator (everything), or an app instance with its Mp1 token (only what
 * is its own: registrations whose consumer it is, subscriptions whose filter names it). Set by the auth filter.
 */
@RequestScoped
public class Caller {

    private String appInstanceId;
    private boolean operator;

    public void asOperator() {
        this.operator = true;
        this.appInstanceId = null;
    }

    public void asApp(String id) {
        this.operator = false;
        this.appInstanceId = id;
    }

    public boolean isOperator() {
        return operator;
    }

    /** The calling app instance; empty for the operator. */
    public Optional<String> appInstanceId() {
        return Optional.ofNullable(appInstanceId);
    }

    /** Whether the caller may see a resource owned by {@code owner} (an app instance id, or null for none). */
    public boolean sees(String owner) {
        return operator || (appInstanceId != null && appInstanceId.equals(owner));
    }

    /**
     * Another app's resource answers exactly like one that does not exist ({@code notFound} is the message the
     * service gives for an unknown id), so an app learns nothing of others.
     */
    public void requireSees(String owner, String notFound) {
        if (!sees(owner)) {
            throw new NotFoundException(notFound);
        }
    }

    /** An app may only create or rewrite a resource for itself: {@code field} must name it. */
    public void requireMayActFor(String owner, String field) {
        if (!operator && !Objects.equals(appInstanceId, owner)) {
            throw new ForbiddenException(field + " must be the calling app instance (" + appInstanceId + ")");
        }
    }
}
