package dev.paperboy.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Deletes a subscriber and everything about them: the row, and with it (foreign keys "on delete cascade") every row
 * that refers to it, and their queued sign-up mails. Afterwards their address is nowhere in the database and their
 * links open nothing.
 */
@ApplicationScoped
public class SubscriberDeletion {

    private final SignupMailQueue mails;

    SubscriberDeletion(SignupMailQueue mails) {
        this.mails = mails;
    }

    /** True when there was such a subscriber. */
    @Transactional
    public boolean delete(long subscriberId) {
        mails.forget(subscriberId);
        return Subscriber.delete("id", subscriberId) > 0;
    }
}
