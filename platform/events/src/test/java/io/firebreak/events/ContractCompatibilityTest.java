package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event contract only changes in ways subscribers of the last release survive. */
class ContractCompatibilityTest {

    private static final Path CURRENT = Path.of("../../docs/events/asyncapi.yaml");
    private static final Path RELEASED = Path.of("../../docs/events/released");

    private static final String BASE = """
            components:
              messages:
                Declared:
                  name: io.firebreak.incident.declared.v1
                  payload: { $ref: '#/components/schemas/Declared' }
              schemas:
                Priority: { type: string, enum: [P1, P2] }
                Declared:
                  type: object
                  required: [incidentId, priority]
                  properties:
                    incidentId: { type: string, format: uuid }
                    priority: { $ref: '#/components/schemas/Priority' }
                    reason: { type: string, enum: [A, B], x-extensible-enum: true }
                    note: { type: string }
                    owners: { type: array, items: { type: string } }
            """;

    @Test
    void theCurrentContractIsCompatibleWithTheLastReleasedOne() throws IOException {
        Path lastRelease;
        try (Stream<Path> files = Files.list(RELEASED)) {
            lastRelease = files.filter(p -> p.getFileName().toString().matches("asyncapi-\\d+\\.\\d+\\.\\d+\\.yaml"))
                    .max(Comparator.comparing(ContractCompatibilityTest::version)).orElseThrow();
        }

        assertThat(ContractCompatibility.breakingChanges(lastRelease, CURRENT)).as("breaking changes since %s", lastRelease).isEmpty();
    }

    @Test
    void additiveChangesPass() throws IOException {
        String added = BASE
                .replace("    note: { type: string }", "    note: { type: string }\n        tags: { type: array, items: { type: string } }")
                .replace("enum: [A, B], x-extensible-enum: true", "enum: [A, B, C], x-extensible-enum: true")
                + """
                    Resolved:
                      type: object
                      properties: { incidentId: { type: string } }
                """;

        assertThat(check(BASE, added)).isEmpty();
    }

    @Test
    void aRemovedFieldIsBreaking() throws IOException {
        assertThat(check(BASE, BASE.replace("        note: { type: string }\n", "")))
                .containsExactly("io.firebreak.incident.declared.v1.note: the field was removed");
    }

    @Test
    void aChangedTypeOrFormatIsBreaking() throws IOException {
        assertThat(check(BASE, BASE.replace("note: { type: string }", "note: { type: integer }")))
                .anyMatch(c -> c.contains(".note: type changed"));
        assertThat(check(BASE, BASE.replace("format: uuid", "format: uri")))
                .anyMatch(c -> c.contains(".incidentId: format changed"));
        assertThat(check(BASE, BASE.replace("owners: { type: array, items: { type: string } }", "owners: { type: array, items: { type: object } }")))
                .anyMatch(c -> c.contains(".owners[]: type changed"));
    }

    @Test
    void anOptionalFieldMadeRequiredOrARequiredOneMadeOptionalIsBreaking() throws IOException {
        assertThat(check(BASE, BASE.replace("required: [incidentId, priority]", "required: [incidentId, priority, note]")))
                .containsExactly("io.firebreak.incident.declared.v1.note: an optional field became required");
        assertThat(check(BASE, BASE.replace("required: [incidentId, priority]", "required: [incidentId]")))
                .containsExactly("io.firebreak.incident.declared.v1.priority: a required field became optional (subscribers rely on it)");
    }

    @Test
    void aNewRequiredFieldIsBreaking() throws IOException {
        String changed = BASE.replace("required: [incidentId, priority]", "required: [incidentId, priority, severity]")
                .replace("    note: { type: string }", "    note: { type: string }\n        severity: { type: string }");

        assertThat(check(BASE, changed)).containsExactly("io.firebreak.incident.declared.v1.severity: a new field is required (new fields must be optional)");
    }

    @Test
    void enumValuesMayOnlyGrowWhereTheEnumSaysItIsExtensible() throws IOException {
        assertThat(check(BASE, BASE.replace("enum: [P1, P2]", "enum: [P1, P2, P3]"))).anyMatch(c -> c.contains("enum values added [P3]"));
        assertThat(check(BASE, BASE.replace("enum: [P1, P2]", "enum: [P1]"))).anyMatch(c -> c.contains("enum values removed [P2]"));
    }

    @Test
    void aRemovedTypeIsBreakingButAV2BesideTheV1Passes() throws IOException {
        assertThat(check(BASE, BASE.replace("name: io.firebreak.incident.declared.v1", "name: io.firebreak.incident.declared.v2")))
                .containsExactly("io.firebreak.incident.declared.v1: the event type was removed");
        String v2Beside = BASE.replace("""
                      payload: { $ref: '#/components/schemas/Declared' }
                """, """
                      payload: { $ref: '#/components/schemas/Declared' }
                    DeclaredV2:
                      name: io.firebreak.incident.declared.v2
                      payload: { $ref: '#/components/schemas/DeclaredV2' }
                """) + """
                    DeclaredV2:
                      type: object
                      required: [incidentId, severity]
                      properties: { incidentId: { type: integer }, severity: { type: string } }
                """;
        assertThat(ContractCompatibility.messages(ContractCompatibility.parse(v2Beside))).hasSize(2);

        assertThat(check(BASE, v2Beside)).isEmpty();
    }

    private static List<String> check(String released, String current) throws IOException {
        JsonNode before = ContractCompatibility.parse(released);
        JsonNode after = ContractCompatibility.parse(current);
        return ContractCompatibility.breakingChanges(before, after);
    }

    private static String version(Path file) {
        String[] parts = file.getFileName().toString().replaceAll("asyncapi-|\\.yaml", "").split("\\.");
        return String.format("%05d%05d%05d", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
