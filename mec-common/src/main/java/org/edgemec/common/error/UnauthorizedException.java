package org.edgemec.common.error;

/** Missing or invalid credentials. */
public class UnauthorizedException extends MecException {

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
