package org.edgemec.common.error;

import java.util.Map;

/** The one table from domain error to HTTP status, shared by every service. */
public final class ProblemStatus {

    private static final Map<Class<? extends MecException>, Integer> STATUS = Map.of(
            InvalidFieldException.class, 400,
            UnauthorizedException.class, 401,
            ForbiddenException.class, 403,
            NotFoundException.class, 404,
            ConflictException.class, 409,
            PreconditionFailedException.class, 412,
            ServiceUnavailableException.class, 503);

    private ProblemStatus() {
    }

    public static int of(MecException e) {
        for (Class<?> type = e.getClass(); MecException.class.isAssignableFrom(type); type = type.getSuperclass()) {
            Integer status = STATUS.get(type);
            if (status != null) {
                return status;
            }
        }
        return 500;
    }
}
