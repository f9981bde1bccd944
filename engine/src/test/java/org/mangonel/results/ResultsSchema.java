package org.mangonel.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks a results file against the committed JSON Schema of its version; every test that reads a
 * results file a run produced goes through here (ResultsTree.read, or {@link #assertValid} directly).
 */
public final class ResultsSchema {
    private static final JsonSchema V2 = load();

    private ResultsSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = ResultsSchema.class.getResourceAsStream("/org/mangonel/results/mangonel-results-2.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the test with every violation when {@code file} does not match the schema. */
    public static void assertValid(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        if (!json.path("schema").asText().equals(ResultsFile.SCHEMA)) {
            return; // an older version: read, not written, by this engine
        }
        Set<ValidationMessage> problems = V2.validate(json);
        assertTrue(problems.isEmpty(), file + " does not match " + ResultsFile.SCHEMA + ": " + problems);
    }
}
