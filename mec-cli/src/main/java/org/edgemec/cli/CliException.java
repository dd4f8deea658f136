package org.edgemec.cli;

/** A failure the CLI reports as one clear line and an exit code (no stack trace). */
public class CliException extends RuntimeException {

    /** A service could not be reached or answered with an error. */
    public static final int SERVICE = 3;
    /** The operation ran and ended badly (a relocation FAILED, a demo lost a request or the app's state). */
    public static final int FAILED = 1;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
