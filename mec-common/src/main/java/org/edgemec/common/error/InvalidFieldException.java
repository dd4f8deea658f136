package org.edgemec.common.error;

/** A request field has a value the operation cannot accept; the ProblemDetails names the field. */
public class InvalidFieldException extends MecException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String title() {
        return "Invalid request";
    }
}
