package org.edgemec.common.error;

/** The request conflicts with the current state of the resource. */
public class ConflictException extends MecException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
