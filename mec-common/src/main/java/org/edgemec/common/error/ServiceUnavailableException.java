package org.edgemec.common.error;

/** Another service of the product that this answer needs (the LCM, a platform) could not be reached. */
public class ServiceUnavailableException extends MecException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
