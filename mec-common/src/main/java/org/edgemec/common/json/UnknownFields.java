package org.edgemec.common.json;

import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.List;

/** This request's field-validation mode and the unknown body fields it ignored, for the Warning headers. */
@RequestScoped
public class UnknownFields {

    private FieldValidation mode = FieldValidation.WARN;
    private final List<String> ignored = new ArrayList<>();

    public FieldValidation mode() {
        return mode;
    }

    void mode(FieldValidation mode) {
        this.mode = mode;
    }

    /** Whether an unknown field at this path is to be skipped (false: refuse the body). */
    public boolean tolerate(String path) {
        if (mode == FieldValidation.STRICT) {
            return false;
        }
        if (mode == FieldValidation.WARN && !ignored.contains(path)) {
            ignored.add(path);
        }
        return true;
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }
}
