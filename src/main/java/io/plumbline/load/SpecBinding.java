package io.plumbline.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.spec.aws.Subnet;

/**
 * How a validated tree binds to the spec records: unknown fields refused, and the few field names that are Java
 * keywords ({@code public} of a subnet) given their record component, since the model carries no annotations.
 */
public final class SpecBinding {
    private SpecBinding() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .addMixIn(Subnet.class, SubnetNames.class);
    }

    private abstract static class SubnetNames {
        @JsonProperty("public")
        Boolean isPublic;
    }
}
