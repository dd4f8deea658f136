package org.edgemec.relocation.domain;

/** A stored resource body with its version, from which the API derives the entity tag. */
public record Versioned<T>(T body, int version) {
}
