package org.powexchange.review;

import java.util.List;
import java.util.UUID;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The review record of an exchange: who approved or objected, who decided, when and why; kept after the process ends. */
@RestController
public class ReviewController {

    /** Everything the review decided about an exchange, from the domain tables. */
    public record ReviewRecord(List<ReviewRepository.Review> reviews, List<ObjectionRepository.Concern> routing,
                               List<ObjectionRepository.Objection> objections,
                               List<ObjectionRepository.Resolution> resolutions) {
    }

    private final ReviewRepository reviews;
    private final ObjectionRepository objections;
    private final ExchangeService exchanges;
    private final CurrentUser user;

    public ReviewController(ReviewRepository reviews, ObjectionRepository objections, ExchangeService exchanges,
                            CurrentUser user) {
        this.reviews = reviews;
        this.objections = objections;
        this.exchanges = exchanges;
        this.user = user;
    }

    @GetMapping("/api/exchanges/{id}/reviews")
    public List<ReviewRepository.Review> reviews(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        exchanges.get(id);
        return reviews.list(id);
    }

    @GetMapping("/api/exchanges/{id}/review-record")
    public ReviewRecord record(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        exchanges.get(id);
        return new ReviewRecord(reviews.list(id), objections.concerns(id), objections.objections(id),
                objections.resolutions(id));
    }
}
