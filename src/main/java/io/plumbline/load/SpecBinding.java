package io.plumbline.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.model.spec.aws.Subnet;
import io.plumbline.model.spec.kubernetes.EnvValue;
import java.io.IOException;

/**
 * How a validated tree binds to the spec records: unknown fields refused, and the few field names that are Java
 * keywords ({@code public} of a subnet) given their record component, since the model carries no annotations.
 */
public final class SpecBinding {
    private SpecBinding() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .addMixIn(Subnet.class, SubnetNames.class)
                .registerModule(new SimpleModule("plumbline-env").addDeserializer(EnvValue.class, new EnvValues()));
    }

    /** An environment variable is a plain string or {@code {secret: {...}}}; the schema already said which. */
    private static final class EnvValues extends JsonDeserializer<EnvValue> {
        @Override
        public EnvValue deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return EnvValue.of(node.textValue());
            }
            return new EnvValue(null, ctx.readTreeAsValue(node.get("secret"), SecretRef.class));
        }
    }

    private abstract static class SubnetNames {
        @JsonProperty("public")
        Boolean isPublic;
    }
}
