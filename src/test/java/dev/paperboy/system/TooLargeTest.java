package dev.paperboy.system;

import dev.paperboy.AdminApi;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A form too large to read gets the site's page with its 413, not a blank one; the API gets its JSON error. */
@QuarkusTest
class TooLargeTest {

    private static final long OVER = 21L * 1024 * 1024; // over PAPERBOY_MAX_DOCUMENT_SIZE (20M)

    private static void thePage(int status, String contentType, String body) {
        assertEquals(413, status, body);
        assertTrue(contentType.startsWith("text/html"), contentType);
        assertTrue(body.contains("That was too much to read"), body);
        assertTrue(body.contains("href=\"/\""), "a way back: " + body);
    }

    @Test
    void aSignUpWithAnInterestOverTheFieldLimitGetsThePage() {
        String email = People.address("too.large.field");
        Map<String, String> fields = new LinkedHashMap<>(Person.choices("sea ice ".repeat(10_000))); // 80 KB > 64K
        fields.put("email", email);
        Response answer = new Visitor().submit("/", "/subscribe", fields);
        thePage(answer.statusCode(), answer.contentType(), answer.asString());
        assertEquals(0, Rows.subscribersAt(email), "nothing stored");
    }

    @Test
    void aSignUpOverTheBodyLimitGetsThePageFromItsLengthAlone() throws IOException {
        String answer = headersOnly("POST /subscribe", "application/x-www-form-urlencoded", "");
        String[] parts = answer.split("\r\n\r\n", 2);
        thePage(status(answer), header(parts[0], "Content-Type"), parts[1]);
        assertTrue(header(parts[0], "Connection").equalsIgnoreCase("close"), parts[0]);
    }

    @Test
    void anImportOverTheBodyLimitGetsJsonFromItsLengthAlone() throws IOException {
        String answer = headersOnly("POST /api/admin/papers", "application/json",
                "Authorization: Bearer " + AdminApi.TOKEN + "\r\n");
        String[] parts = answer.split("\r\n\r\n", 2);
        assertEquals(413, status(answer), answer);
        assertTrue(header(parts[0], "Content-Type").startsWith("application/json"), parts[0]);
        assertEquals("{\"error\":\"the request body is larger than the limit of 20971520 bytes\"}", parts[1]);
    }

    /** JDK 17's HttpClient never returns when the final answer to an Expect: 100-continue has a body (JDK-8286171). */
    @Test
    void aClientWaitingForContinueGetsItsAnswerWithoutABody() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/subscribe"))
                        .header("Content-Type", "application/x-www-form-urlencoded").expectContinue(true)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) OVER])).build(),
                        HttpResponse.BodyHandlers.ofString())
                .get(30, TimeUnit.SECONDS);
        assertEquals(413, answer.statusCode());
    }

    /** Sends a request line and headers that announce a body over the limit, none of it, and reads the answer. */
    private static String headersOnly(String requestLine, String contentType, String moreHeaders) throws IOException {
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\n" + moreHeaders + "Content-Length: " + OVER + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read); // the server closes after its answer
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
