package org.edgemec.mp1api.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.edgemec.mp1api.common.OAuth2Info;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.common.SecurityInfo;
import org.edgemec.mp1api.common.ServiceDependency;
import org.edgemec.mp1api.mec0102.appd.LogicalNodeRequirements;
import org.edgemec.mp1api.mec0102.pkgm.CreateAppPkg;

/**
 * Builds an example instance of a mapped type with every property set: strings, numbers, the first enum
 * constant, URIs where the name says uri/href/callback/endpoint, one-element lists, nested records.
 * A type that refers to itself (SwImageDesc.swImage) stops at the second level.
 */
final class SampleBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Per type, per property: values the generic rules cannot guess (formats of the ETSI schemas). */
    private static final Map<Class<?>, Map<String, Supplier<Object>>> OVERRIDES = Map.of(
            ProblemDetails.class, Map.of(
                    "type", () -> "https://edgemec.example/problems/not-found",
                    "instance", () -> "https://edgemec.example/mec_app_support/v1/x"),
            LogicalNodeRequirements.class, Map.of("id", () -> "1c6b9f5e-4a1b-4f1e-9d55-6a0b7e2f3c10"),
            CreateAppPkg.class, Map.of("appPkgPath", () -> "https://edgemec.example/packages/app.zip"),
            // MEC 010-2: a list of "Not_specified" objects; MEC 011: unconstrained. A list of objects fits both.
            ServiceDependency.class, Map.of("requestedPermissions",
                    () -> NODES.arrayNode().add(NODES.objectNode().put("scope", "read"))));

    private SampleBuilder() {
    }

    static Object sample(Class<?> type, JsonNode schema) {
        if (type == JsonNode.class) {
            // free-form schemas: follow the declared type (Not_specified is a string in Service Mgmt)
            return "string".equals(schema.path("type").asText()) ? NODES.textNode("unspecified")
                    : NODES.objectNode().put("note", "free-form");
        }
        return value(type, "value", null, new HashSet<>());
    }

    private static Object value(Type type, String name, Class<?> owner, Set<Class<?>> stack) {
        Class<?> raw = raw(type);
        if (owner != null && OVERRIDES.getOrDefault(owner, Map.of()).containsKey(name)) {
            return OVERRIDES.get(owner).get(name).get();
        }
        if (raw == String.class) {
            String n = name.toLowerCase();
            if (n.contains("uri") || n.contains("href") || n.contains("callback") || n.contains("endpoint")) {
                return "https://edgemec.example/" + name;
            }
            return name + "-1";
        }
        if (raw == Integer.class || raw == int.class) {
            return 1;
        }
        if (raw == Long.class || raw == long.class) {
            return 2L;
        }
        if (raw == Double.class || raw == double.class) {
            return 1.5;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == JsonNode.class) {
            return NODES.objectNode().put("note", "free-form");
        }
        if (raw == Object.class) {
            return new LinkedHashMap<>(Map.of("k", "v"));
        }
        if (List.class.isAssignableFrom(raw)) {
            Object item = value(arg(type, 0), singular(name), owner, stack);
            List<Object> list = new ArrayList<>();
            if (item != null) {
                list.add(item);
            }
            return list;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type valueType = raw == Map.class ? arg(type, 1) : mapValueType(raw);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = raw == Map.class ? new LinkedHashMap<>() : (Map<String, Object>) newInstance(raw);
            // KeyValuePairs values are "type: object" in MEC 010-2, so Object values are objects
            Object v = raw(valueType) == Object.class ? new LinkedHashMap<>(Map.of("k", "v"))
                    : value(valueType, "entry", owner, stack);
            map.put("key1", v);
            return map;
        }
        if (raw == SecurityInfo.class) {
            return new SecurityInfo((OAuth2Info) value(OAuth2Info.class, "oAuth2Info", null, stack));
        }
        if (raw.isRecord()) {
            if (!stack.add(raw)) {
                return null; // self reference: stop here
            }
            RecordComponent[] comps = raw.getRecordComponents();
            Object[] args = new Object[comps.length];
            Class<?>[] types = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                String discriminator = discriminator(raw, comps[i].getName());
                args[i] = discriminator != null ? discriminator
                        : value(comps[i].getGenericType(), comps[i].getName(), raw, stack);
            }
            stack.remove(raw);
            try {
                Constructor<?> c = raw.getDeclaredConstructor(types);
                return c.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw, e);
            }
        }
        throw new IllegalStateException("no sample rule for " + type + " (" + name + ")");
    }

    /** The subtype name when the record implements an interface whose type id is property. */
    private static String discriminator(Class<?> record, String property) {
        for (Class<?> itf : record.getInterfaces()) {
            JsonTypeInfo info = itf.getAnnotation(JsonTypeInfo.class);
            JsonSubTypes subs = itf.getAnnotation(JsonSubTypes.class);
            if (info != null && subs != null && info.property().equals(property)) {
                for (JsonSubTypes.Type t : subs.value()) {
                    if (t.value() == record) {
                        return t.name();
                    }
                }
            }
        }
        return null;
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static Object newInstance(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Type mapValueType(Class<?> mapSubclass) {
        return ((ParameterizedType) mapSubclass.getGenericSuperclass()).getActualTypeArguments()[1];
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof java.lang.reflect.AnnotatedType a) {
            return raw(a.getType());
        }
        return Object.class;
    }

    private static Type arg(Type t, int i) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }
}
