package io.plumbline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plumbline.load.LoadResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code {"valid": ..., "environments": [...], "problems": [...]}} for scripts and editors. */
final class JsonReport implements ValidationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void print(LoadResult result, PrintWriter out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", result.ok());
        body.put("environments", result.environments().stream()
                .map(e -> Map.of("file", e.file(), "name", e.name())).toList());
        List<Map<String, Object>> problems = result.allProblems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("pointer", p.pointer());
            m.put("message", p.message());
            return m;
        }).toList();
        body.put("problems", problems);
        try {
            out.println(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
