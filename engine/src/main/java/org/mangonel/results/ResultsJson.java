package org.mangonel.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes results files. Writing is whole or not at all (a temporary file, then a
 * rename), so a reader never sees half a file. Reading accepts every version of the schema
 * ({@code mangonel-results/1} and {@code /2}); unknown keys are kept out of the way, not refused,
 * so a later version's file still reads. Thread-safe.
 */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsJson() {
    }

    /** The file as JSON text. */
    public static String write(ResultsFile results) {
        try {
            return MAPPER.writeValueAsString(results) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code results} to {@code file} atomically. */
    public static void write(ResultsFile results, Path file) throws IOException {
        AtomicFiles.write(file, write(results));
    }

    /**
     * Reads a results file of any version.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is not a Mangonel results file (a one-line reason)
     */
    public static ResultsFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a results file (not a JSON object)");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual() || !schema.asText().startsWith(ResultsFile.SCHEMA_FAMILY)) {
            throw new IllegalArgumentException(file + " is not a Mangonel results file (no \"schema\": \""
                    + ResultsFile.SCHEMA + "\")");
        }
        try {
            return MAPPER.treeToValue(root, ResultsFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is a results file Mangonel cannot read: "
                    + e.getOriginalMessage());
        }
    }

    /** The file as the tree templates see: maps, lists, strings, numbers, booleans, nulls. */
    public static Map<String, Object> tree(ResultsFile results) {
        return MAPPER.convertValue(results, new TypeReference<Map<String, Object>>() { });
    }
}
