package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.Await;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form's cap of three sign-up mails an hour per address holds under concurrent posts, and one mailbox is one subscription. */
@QuarkusTest
class SignupCapTest {

    private static final int POSTS = 20;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    SignupMailQueue queue;

    private static String unique(String name) {
        return "cap." + name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A browser that opened the form: its CSRF cookie and the form's hidden field. */
    private record OpenedForm(String cookie, String csrf) {
        static OpenedForm open() {
            Response page = RestAssured.given().get("/");
            Matcher csrf = CSRF.matcher(page.then().statusCode(200).extract().asString());
            assertTrue(csrf.find(), "no CSRF field on the form");
            return new OpenedForm("paperboy_csrf=" + page.getCookie("paperboy_csrf"), csrf.group(1));
        }
    }

    /** Posts the form for {@code email} from {@link #POSTS} browsers at once; returns the status codes. */
    private static List<Integer> postAtOnce(String email) throws Exception {
        List<OpenedForm> browsers = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            browsers.add(OpenedForm.open());
        }
        URI subscribe = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/subscribe");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(POSTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (OpenedForm browser : browsers) {
                String body = form(Map.of("email", email, "interests", "river deltas", "cadence", "daily",
                        "hour", "7", "timezone", "Europe/Oslo", "csrf", browser.csrf()));
                HttpRequest post = HttpRequest.newBuilder(subscribe).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", browser.cookie())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static long rows(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.count("emailKey", Subscriber.emailKey(email)));
    }

    /**
     * The mails go out after the answers, from queued jobs: once the three have arrived and no job of this subscriber
     * is left in the queue, no fourth can come.
     */
    private void assertThreeMailsAndOneRow(String email, List<Integer> codes) {
        assertEquals(List.of(200), codes.stream().distinct().toList(), "every post gets the same answer page: " + codes);
        assertEquals(1, rows(email), "one subscription for one address");
        Mailbox mailbox = new Mailbox(greenMail, email);
        mailbox.awaitMail(SubscriptionService.SIGNUP_MAILS_PER_HOUR);
        long id = QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(email).orElseThrow().id);
        Await.until(Duration.ofSeconds(60), () -> queue.queued(id).isEmpty());
        assertEquals(List.of(), queue.queued(id), "every queued sign-up mail has run");
        assertEquals(SubscriptionService.SIGNUP_MAILS_PER_HOUR, mailbox.messages().size(),
                "the hour's three mails, whatever the concurrency");
    }

    @Test
    void twentyConcurrentSignUpsOfANewAddressStoreOneRowAndSendThreeMails() throws Exception {
        String email = unique("new");
        assertThreeMailsAndOneRow(email, postAtOnce(email));
    }

    @Test
    void twentyConcurrentSignUpsOfAPendingAddressSpendOnlyWhatIsLeftOfTheHour() throws Exception {
        String email = unique("pending");
        new Visitor().submit("/", "/subscribe", Map.of("email", email, "interests", "glaciers")).then().statusCode(200);
        new Mailbox(greenMail, email).awaitMail(1);
        assertThreeMailsAndOneRow(email, postAtOnce(email));
    }
}
