package dev.paperboy.subscriber;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.Dependent;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** One try of one sign-up mail, written from the subscriber as they stand now; a failed try queues the next. */
@Dependent
public class SignupMailJob implements Job {

    static final String SUBSCRIBER = "subscriberId";
    static final String OUTCOME = "outcome";
    static final String ATTEMPT = "attempt";

    private final SubscriberMails mails;
    private final SignupMailQueue queue;

    SignupMailJob(SubscriberMails mails, SignupMailQueue queue) {
        this.mails = mails;
        this.queue = queue;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        long subscriberId = Long.parseLong(data.getString(SUBSCRIBER));
        SubscriptionService.SignupOutcome outcome = SubscriptionService.SignupOutcome.valueOf(data.getString(OUTCOME));
        int attempt = Integer.parseInt(data.getString(ATTEMPT));
        Subscriber subscriber = QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>findById(subscriberId));
        if (subscriber == null || !stillCalledFor(subscriber, outcome)) {
            return;
        }
        if (!mails.trySend(subscriber, outcome)) {
            queue.retry(subscriberId, outcome, attempt + 1);
        }
    }

    /** A confirmation only while pending; "already subscribed" only while subscribed. */
    private static boolean stillCalledFor(Subscriber subscriber, SubscriptionService.SignupOutcome outcome) {
        return switch (outcome) {
            case CONFIRMATION_NEEDED -> subscriber.state == Subscriber.State.pending;
            case ALREADY_SUBSCRIBED -> subscriber.state == Subscriber.State.active || subscriber.state == Subscriber.State.paused;
        };
    }
}
