package org.edgemec.common.error;

/** The resource changed since it was read (If-Match). */
public class PreconditionFailedException extends MecException {

    public PreconditionFailedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Precondition failed";
    }
}
