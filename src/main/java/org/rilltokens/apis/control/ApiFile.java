package org.rilltokens.apis.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An API file as written (Rill's {@code type: api} subset), bound by {@link YamlFile}; {@link ApiFileReader}
 * checks it and turns it into an {@link ApiDefinition}. Absent fields are null.
 */
record ApiFile(String type, String sql, Security security, OpenApi openapi,
        @JsonProperty("ai_instructions") String aiInstructions) {

    record Security(String access, @JsonProperty("row_filter") String rowFilter, List<Rule> include, List<Rule> exclude) {
    }

    /** An {@code include} or {@code exclude} item; {@code names} is {@code '*'} or a list of columns. */
    record Rule(@JsonProperty("if") String condition, JsonNode names) {
    }

    record OpenApi(String summary, String description, Request request, JsonNode response) {
    }

    record Request(List<Parameter> parameters) {
    }

    record Parameter(String name, String in, String description, Boolean required, Schema schema) {
    }

    record Schema(String type, String format) {
    }
}
