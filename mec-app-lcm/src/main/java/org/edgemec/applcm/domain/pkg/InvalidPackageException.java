package org.edgemec.applcm.domain.pkg;

/** The package content cannot be onboarded; the message is the reason shown in onboardingFailureDetails. */
public class InvalidPackageException extends RuntimeException {

    public InvalidPackageException(String message) {
        super(message);
    }
}
