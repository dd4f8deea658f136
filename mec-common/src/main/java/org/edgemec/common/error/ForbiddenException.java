package org.edgemec.common.error;

/** The caller may not perform this operation. */
public class ForbiddenException extends MecException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
