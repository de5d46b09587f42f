package io.plumbline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code plan --output json}: which changes write more than Plumbline's marks (labels and annotations). */
public final class PlanCounts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanCounts() {
    }

    /** The writing changes that are not adoptions, as {@code action kind namespace/name field}. */
    public static List<String> beyondMarks(String planJson) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode change : JSON.readTree(planJson).path("changes")) {
                String action = change.path("action").asText();
                String id = action + " " + change.path("kind").asText() + " " + change.path("namespace").asText() + "/"
                        + change.path("name").asText();
                if (action.equals("create") || action.equals("delete")) {
                    out.add(id);
                } else if (action.equals("update")) {
                    for (JsonNode field : change.path("fields")) {
                        String path = field.path("path").asText();
                        if (!path.startsWith("metadata.labels") && !path.startsWith("metadata.annotations")) {
                            out.add(id + " " + path);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** How many changes of the plan write anything (adoptions included). */
    public static int writes(String planJson) {
        try {
            int n = 0;
            for (JsonNode change : JSON.readTree(planJson).path("changes")) {
                n += List.of("create", "update", "delete").contains(change.path("action").asText()) ? 1 : 0;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
