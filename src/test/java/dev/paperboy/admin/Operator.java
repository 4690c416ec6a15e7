package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.Visitor;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator in a browser-like client: signed in with the admin token, sending the console's forms back. */
final class Operator {

    private final Visitor visitor = new Visitor();

    private Operator() {
    }

    static Operator signedIn() {
        Operator operator = new Operator();
        Response login = operator.visitor.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN));
        assertEquals(303, login.statusCode(), login.asString());
        return operator;
    }

    Response open(String path) {
        return visitor.open(path);
    }

    /** Opens {@code page} and posts its form back, CSRF token included. */
    Response submit(String page, String action, Map<String, ?> fields) {
        return visitor.submit(page, action, fields);
    }

    Visitor visitor() {
        return visitor;
    }

    /** A unique address for one test's own subscriber. */
    static String address(String kind) {
        return "console." + kind + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Subscribers the operator vouches for, active at once, through the admin API. */
    static void importActive(String interest, String... emails) {
        StringBuilder list = new StringBuilder("[");
        for (String email : emails) {
            list.append(list.length() > 1 ? "," : "").append("{\"email\": \"").append(email)
                    .append("\", \"interests\": [\"").append(interest).append("\"]}");
        }
        AdminApi.admin().contentType(ContentType.JSON).body(list.append("]").toString())
                .post("/api/admin/subscribers").then().statusCode(200);
    }

    static Optional<Subscriber> subscriber(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(email));
    }

    static long id(String email) {
        return subscriber(email).orElseThrow().id;
    }

    static Subscriber.State state(String email) {
        return subscriber(email).orElseThrow().state;
    }
}
