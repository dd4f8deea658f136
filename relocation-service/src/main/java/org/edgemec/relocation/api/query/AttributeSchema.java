package org.edgemec.relocation.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of an ETSI data type as they appear in JSON, read from its mp1-api record: what the {@code filter}
 * and attribute-selector query parameters may name. Numeric ETSI enums (an {@code int} {@code @JsonValue}) are
 * numbers; a component with {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty} is mandatory.
 */
public final class AttributeSchema {

    /** JSON kind of an attribute, or of each element of an array attribute. */
    public enum Kind {
        STRING, NUMBER, BOOLEAN, OBJECT
    }

    /** One attribute; {@code children} are the attributes of an OBJECT (or of each OBJECT element of an array). */
    public record Attribute(String name, Kind kind, boolean array, boolean mandatory, AttributeSchema children) {

        /** ETSI "complex attribute": a structure or an array. */
        public boolean complex() {
            return kind == Kind.OBJECT || array;
        }
    }

    private final String typeName;
    private final Map<String, Attribute> attributes;

    private AttributeSchema(String typeName, Map<String, Attribute> attributes) {
        this.typeName = typeName;
        this.attributes = attributes;
    }

    public static AttributeSchema of(Class<?> recordType) {
        return of(recordType, new HashSet<>());
    }

    public String typeName() {
        return typeName;
    }

    public Collection<Attribute> attributes() {
        return attributes.values();
    }

    /**
     * The attributes along {@code path} (names separated by {@code /}, the ETSI form, or {@code .}); an
     * {@link IllegalArgumentException} saying which name is unknown otherwise.
     */
    public List<Attribute> resolve(String path) {
        List<Attribute> chain = new ArrayList<>();
        AttributeSchema level = this;
        String[] names = path.split("[/.]", -1);
        for (String name : names) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("attribute path '" + path + "' has an empty name");
            }
            if (level == null) {
                throw new IllegalArgumentException("'" + chain.get(chain.size() - 1).name()
                        + "' in '" + path + "' has no attributes");
            }
            Attribute attribute = level.attributes.get(name);
            if (attribute == null) {
                throw new IllegalArgumentException("'" + name + "' in '" + path + "' is not an attribute of "
                        + level.typeName);
            }
            chain.add(attribute);
            level = attribute.children();
        }
        return chain;
    }

    /** Every complex attribute, at any depth, as {@code /}-separated paths. */
    public Map<String, Attribute> complexPaths() {
        Map<String, Attribute> paths = new LinkedHashMap<>();
        collectComplex("", paths);
        return paths;
    }

    private void collectComplex(String prefix, Map<String, Attribute> paths) {
        for (Attribute a : attributes.values()) {
            if (a.complex()) {
                paths.put(prefix + a.name(), a);
            }
            if (a.children() != null) {
                a.children().collectComplex(prefix + a.name() + "/", paths);
            }
        }
    }

    private static AttributeSchema of(Class<?> recordType, Set<Class<?>> enclosing) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType.getSimpleName() + " is not a record");
        }
        enclosing.add(recordType);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            Type type = component.getGenericType();
            boolean array = false;
            if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                    && Collection.class.isAssignableFrom(raw)) {
                array = true;
                type = p.getActualTypeArguments()[0];
            }
            Class<?> element = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
            Kind kind = kindOf(element);
            // a type that contains itself cannot be walked to the end: its nested attributes are not selectable
            AttributeSchema children = element.isRecord() && !enclosing.contains(element)
                    ? of(element, enclosing) : null;
            String name = jsonName(component);
            attributes.put(name, new Attribute(name, kind, array, mandatory(component), children));
        }
        enclosing.remove(recordType);
        return new AttributeSchema(recordType.getSimpleName(), Collections.unmodifiableMap(attributes));
    }

    private static Kind kindOf(Class<?> type) {
        if (type == String.class || type == java.net.URI.class || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return Kind.STRING;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return Kind.NUMBER;
        }
        if (type.isEnum()) {
            return numericEnum(type) ? Kind.NUMBER : Kind.STRING;
        }
        return Kind.OBJECT;
    }

    private static boolean numericEnum(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                Class<?> r = m.getReturnType();
                return r == int.class || r == long.class || Number.class.isAssignableFrom(r);
            }
        }
        return false;
    }

    // Bean Validation annotations do not target record components; Java puts them on the accessor
    private static boolean mandatory(RecordComponent component) {
        Method accessor = component.getAccessor();
        return accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)
                || accessor.isAnnotationPresent(NotEmpty.class);
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
