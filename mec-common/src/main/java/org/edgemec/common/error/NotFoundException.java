package org.edgemec.common.error;

/** The requested resource does not exist. */
public class NotFoundException extends MecException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Resource not found";
    }
}
