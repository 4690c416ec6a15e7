package dev.paperboy.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** From a link's token to the subscriber it was issued for. */
@ApplicationScoped
public class SubscriberTokens {

    private final LinkTokens tokens;

    SubscriberTokens(LinkTokens tokens) {
        this.tokens = tokens;
    }

    /** The subscriber's key, if the token is genuine and for this purpose. */
    public Optional<String> key(LinkTokens.Purpose purpose, String token) {
        return tokens.open(purpose, token);
    }

    @Transactional
    public Optional<Subscriber> subscriber(LinkTokens.Purpose purpose, String token) {
        return tokens.open(purpose, token).flatMap(Subscriber::byTokenKey);
    }
}
