package dev.paperboy.admin;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI description at /q/openapi: the JSON API under /api only (pages are for browsers, not for scripts, so
 * they and the types only they use are left out), and every /api/admin operation, whoever declares it, marked as
 * taking the admin token as a bearer and answering 401 without it.
 */
public class ApiDescription implements OASFilter {

    static final String ADMIN_TOKEN = "adminToken";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setInfo(OASFactory.createInfo().title("Paperboy API").version("1").description(
                "The operator's API, which takes the admin token as a bearer, and the public preview of an interest."));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(ADMIN_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The admin token: PAPERBOY_ADMIN_TOKEN, or the one generated into secrets.properties in the data dir"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : Map.copyOf(openAPI.getPaths().getPathItems()).entrySet()) {
            boolean admin = path.getKey().startsWith("/api/admin/");
            if (!path.getKey().startsWith("/api/")) {
                openAPI.getPaths().removePathItem(path.getKey());
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                operation.setTags(List.of(admin ? "admin" : "public"));
                if (admin) {
                    guarded(operation);
                }
            }
        }
        keepUsedSchemas(openAPI);
    }

    /** The description says an admin operation takes the token and may answer 401. */
    private static void guarded(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(ADMIN_TOKEN)));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        operation.getResponses().addAPIResponse("401",
                OASFactory.createAPIResponse().description("No admin token, or a wrong one"));
    }

    /** Drops the schemas no remaining operation reaches (the pages' template types). */
    private static void keepUsedSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Deque<Object> open = new ArrayDeque<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> open.add(p.getSchema() == null ? "" : p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    addContent(open, operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> addContent(open, r.getContent()));
                }
            }
        }
        Set<String> used = new HashSet<>();
        while (!open.isEmpty()) {
            Object next = open.pop();
            if (next instanceof Schema schema) {
                if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)
                        && used.add(schema.getRef().substring(SCHEMAS.length()))) {
                    Schema target = schemas.get(schema.getRef().substring(SCHEMAS.length()));
                    open.add(target == null ? "" : target);
                }
                open.addAll(schema.getAll().values());
            } else if (next instanceof Map<?, ?> map) {
                open.addAll(map.values());
            } else if (next instanceof List<?> list) {
                open.addAll(list);
            }
        }
        Map.copyOf(schemas).keySet().stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static void addContent(Deque<Object> open, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> open.add(m.getSchema() == null ? "" : m.getSchema()));
        }
    }
}
