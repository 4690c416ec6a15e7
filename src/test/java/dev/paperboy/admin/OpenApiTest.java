package dev.paperboy.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API is described at /q/openapi: every admin operation with a summary and the bearer token, pages left out. */
@QuarkusTest
class OpenApiTest {

    private static JsonPath description() {
        return RestAssured.given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void servesTheAdminPathsWithTheirMethods() {
        Map<String, Map<String, Object>> paths = description().getMap("paths");
        Map<String, Set<String>> expected = Map.of(
                "/api/admin/papers", Set.of("post"),
                "/api/admin/subscribers", Set.of("post"),
                "/api/admin/ingest", Set.of("post"),
                "/api/admin/sources", Set.of("get", "post"),
                "/api/admin/sources/{name}", Set.of("get", "delete"),
                "/api/admin/sources/{name}/poll", Set.of("post"),
                "/api/admin/digests/run", Set.of("post"),
                "/api/admin/runs/{id}", Set.of("get"),
                "/api/admin/stats", Set.of("get"));
        expected.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), path + " is described: " + paths.keySet());
            assertTrue(paths.get(path).keySet().containsAll(methods), path + ": " + paths.get(path).keySet());
        });
    }

    @Test
    void everyAdminOperationHasASummaryAndNeedsTheBearerToken() {
        JsonPath api = description();
        assertEquals("http", api.getString("components.securitySchemes.adminToken.type"));
        assertEquals("bearer", api.getString("components.securitySchemes.adminToken.scheme"));
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                String what = operation.getKey().toUpperCase() + " " + path.getKey();
                Object summary = operation.getValue().get("summary");
                assertNotNull(summary, what + " has a summary");
                assertFalse(summary.toString().isBlank(), what);
                Object security = operation.getValue().get("security");
                if (path.getKey().startsWith("/api/admin/")) {
                    assertEquals(List.of(Map.of("adminToken", List.of())), security, what);
                    assertTrue(((Map<?, ?>) operation.getValue().get("responses")).containsKey("401"), what);
                    operations++;
                } else {
                    assertNull(security, what + " is public");
                }
            }
        }
        assertTrue(operations >= 11, "admin operations described: " + operations);
    }

    /** Pages are for browsers: the description holds the JSON API under /api, and the preview is public. */
    @Test
    void pagesAreLeftOutAndThePreviewIsIn() {
        Set<String> paths = description().<String, Object>getMap("paths").keySet();
        for (String path : paths) {
            assertTrue(path.startsWith("/api/"), "not an API path: " + path);
        }
        assertTrue(paths.contains("/api/preview"), paths.toString());
        Set<String> schemas = description().<String, Object>getMap("components.schemas").keySet();
        assertTrue(schemas.containsAll(Set.of("RunReport", "ImportResult", "PreviewItem")), schemas.toString());
        assertFalse(schemas.contains("TemplateInstance"), "no type only a page uses: " + schemas);
    }

    @Test
    void isServedAsYamlByDefault() {
        String yaml = RestAssured.get("/q/openapi").then().statusCode(200).extract().asString();
        assertTrue(yaml.startsWith("---") || yaml.startsWith("openapi:"), yaml.substring(0, Math.min(200, yaml.length())));
        assertTrue(yaml.contains("/api/admin/digests/run:"), "the admin paths are listed");
    }
}
