package org.rilltokens.apis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiFileReaderTest {

    @TempDir
    Path folder;

    @Test
    void readsSqlSecurityAndDeclaredParameters() throws Exception {
        ApiDefinition api = ApiFileReader.read(write("sales_by_year.yaml", """
                type: api
                openapi:
                  summary: Sales of a year
                  request:
                    parameters:
                      - name: year
                        description: The year
                        schema: {type: integer}
                sql: SELECT * FROM orders WHERE y = {{ .args.year }} AND r = {{ .args.region }}
                security:
                  access: "'{{ .user.domain }}' = 'acme.example'"
                  row_filter: "region IN ({{ .user.groups }})"
                  include:
                    - if: "true"
                      names: '*'
                  exclude:
                    - if: "NOT {{ .user.admin }}"
                      names: [Revenue]
                """));

        assertThat(api.name()).isEqualTo("sales_by_year");
        assertThat(api.summary()).isEqualTo("Sales of a year");
        assertThat(api.parameters()).extracting(ApiParameter::name, ApiParameter::type, ApiParameter::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("year", "integer", true),
                        org.assertj.core.groups.Tuple.tuple("region", "string", true));
        SecurityPolicy policy = api.security().orElseThrow();
        assertThat(policy.access()).isPresent();
        assertThat(policy.include().get(0).all()).isTrue();
        assertThat(policy.exclude().get(0).covers("revenue")).isTrue();
    }

    @Test
    void instructionsForAssistantsAreKeptAsWritten() throws Exception {
        ApiDefinition api = ApiFileReader.read(write("with_instructions.yaml", """
                type: api
                sql: SELECT 1
                ai_instructions: Call it once per year.
                """));
        assertThat(api.aiInstructions()).isEqualTo("Call it once per year.");
        assertThat(ApiFileReader.read(write("without.yaml", "type: api\nsql: SELECT 1\n")).aiInstructions()).isNull();
    }

    @Test
    void problemsNameTheFileAndLine() throws Exception {
        assertProblem("unknown.yaml", "type: api\nsql: SELECT 1\ncolour: red\n", ":3:", "unknown field 'colour'");
        assertProblem("nested.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  acces: true\n", ":4:", "unknown field 'acces'");
        assertProblem("template.yaml", "type: api\nsql: |\n  SELECT 1\n  WHERE a = {{ .args.a\n", ":4:", "'{{' without");
        assertProblem("yaml.yaml", "type: api\nsql: [unclosed\n", "yaml.yaml:", "not valid YAML");
        assertProblem("notype.yaml", "sql: SELECT 1\n", ":1:", "'type: api' is required");
        assertProblem("nosql.yaml", "type: api\n", ":1:", "'sql' is required");
        assertProblem("openapi.yaml", "type: api\nsql: SELECT 1\n", ":1:", "not be 'openapi'");
        assertProblem("badtype.yaml", "type: api\nsql: SELECT {{ .args.a }}\nopenapi:\n  request:\n    parameters:\n"
                + "      - name: a\n        schema:\n          type: date\n", ":8:", "parameter type must be one of");
        assertProblem("names.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: true\n  exclude:\n    - if: true\n"
                + "      names: revenue\n", ":7:", "names");
    }

    @Test
    void unknownFieldsAnywhereAreRefusedAtTheirLineWhereverTheyAppearInTheRecord() throws Exception {
        assertProblem("middle.yaml", "type: api\ncolour: red\nsql: SELECT 1\n", ":2:", "unknown field 'colour' in the file; expected one of [ai_instructions, openapi, security, sql, type]");
        assertProblem("item.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: true\n  include:\n    - if: true\n      colums: [a]\n"
                + "      names: '*'\n", ":7:", "unknown field 'colums' in security.include[0]; expected one of [if, names]");
        assertProblem("param.yaml", "type: api\nsql: SELECT {{ .args.a }}\nopenapi:\n  request:\n    parameters:\n      - name: a\n"
                + "        schema: {type: integer, minimum: 1}\n", ":7:", "unknown field 'minimum' in openapi.request.parameters[0].schema");
    }

    @Test
    void emptyFieldsDuplicateKeysAndWrongShapesNameTheirPath() throws Exception {
        // An empty row_filter must not silently mean "every row".
        assertProblem("empty.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: true\n  row_filter:\n", ":5:", "security.row_filter must not be empty");
        assertProblem("emptysec.yaml", "type: api\nsql: SELECT 1\nsecurity:\n", ":3:", "security must not be empty");
        assertProblem("twice.yaml", "type: api\nsql: SELECT 1\nsql: SELECT 2\n", ":3:", "Duplicate field 'sql'");
        assertProblem("list.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: true\n  exclude:\n    if: true\n", ":5:", "security.exclude must be a list");
        assertProblem("map.yaml", "type: api\nsql:\n  select: 1\n", ":2:", "sql must be text");
        assertProblem("required.yaml", "type: api\nsql: SELECT {{ .args.a }}\nopenapi:\n  request:\n    parameters:\n      - name: a\n"
                + "        required: sometimes\n", ":7:", "openapi.request.parameters[0].required must be true or false");
        assertProblem("noif.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: true\n  include:\n    - if: true\n      names: '*'\n"
                + "    - names: [a]\n", ":8:", "'if' is required in security.include[1]");
        assertProblem("empty-file.yaml", "# nothing yet\n", ":1:", "the file is empty");
    }

    @Test
    void templateProblemsCountLinesFromTheirValue() throws Exception {
        assertProblem("block.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: true\n  row_filter: |\n    region = 'x'\n"
                + "    AND {{ .user.region\n", ":7:", "'{{' without");
        assertProblem("flow.yaml", "type: api\nsql: SELECT 1\nsecurity:\n  access: \"'{{ .user.domain }} x'\"\n", ":4:", "whole literal");
    }

    private void assertProblem(String file, String yaml, String where, String message) throws IOException {
        Path path = write(file, yaml);
        assertThatThrownBy(() -> ApiFileReader.read(path)).isInstanceOf(InvalidProjectFile.class)
                .hasMessageContaining(file).hasMessageContaining(where).hasMessageContaining(message);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
