package org.edgemec.platform.servicemgmt;

import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.mec011.servicemgmt.LocalityType;
import org.edgemec.platform.persistence.ServiceEntity;
import org.edgemec.platform.persistence.ServiceRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery filters of MEC 011 (ser_instance_id, ser_name, ser_category_id, consumed_local_only, is_local,
 * scope_of_locality) as one query. The first three are alternatives: at most one may be given.
 */
public final class ServiceQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private ServiceQuery() {
    }

    public static ServiceQuery of(List<String> serInstanceId, List<String> serName, List<String> serCategoryId,
                                  String consumedLocalOnly, String isLocal, String scopeOfLocality) {
        List<String> ids = split(serInstanceId);
        List<String> names = split(serName);
        List<String> categories = split(serCategoryId);
        long alternatives = java.util.stream.Stream.of(ids, names, categories).filter(l -> !l.isEmpty()).count();
        if (alternatives > 1) {
            throw new InvalidFieldException("ser_instance_id",
                    "ser_instance_id, ser_name and ser_category_id are mutually exclusive");
        }
        ServiceQuery query = new ServiceQuery();
        query.in("serInstanceId", ids).in("serName", names).in("serCategoryId", categories);
        query.bool("consumedLocalOnly", "consumed_local_only", consumedLocalOnly);
        query.bool("isLocal", "is_local", isLocal);
        if (scopeOfLocality != null && !scopeOfLocality.isBlank()) {
            try {
                query.and("scopeOfLocality", LocalityType.valueOf(scopeOfLocality.trim()).name());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("scope_of_locality", "must be one of "
                        + Arrays.toString(LocalityType.values()));
            }
        }
        return query;
    }

    ServiceQuery and(String field, Object value) {
        String name = "p" + parameters.size();
        conditions.add(field + " = :" + name);
        parameters.put(name, value);
        return this;
    }

    private ServiceQuery in(String field, List<String> values) {
        if (!values.isEmpty()) {
            String name = "p" + parameters.size();
            conditions.add(field + " in :" + name);
            parameters.put(name, values);
        }
        return this;
    }

    private void bool(String field, String param, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidFieldException(param, "must be true or false");
        }
        and(field, Boolean.parseBoolean(value));
    }

    /** Equal for two queries that select the same services in the same order. */
    String key() {
        return String.join(" and ", conditions) + " " + new java.util.TreeMap<>(parameters);
    }

    List<ServiceEntity> run(ServiceRepository services) {
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return services.list(where + " order by serName, serInstanceId", parameters);
    }

    /** Accepts repeated parameters and comma-separated lists (both styles are seen in MEC clients). */
    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
