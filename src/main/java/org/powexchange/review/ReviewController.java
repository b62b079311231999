package org.powexchange.review;

import java.util.List;
import java.util.UUID;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The review record of an exchange: who approved or objected, when and why; kept after the process ends. */
@RestController
public class ReviewController {

    private final ReviewRepository reviews;
    private final ExchangeService exchanges;
    private final CurrentUser user;

    public ReviewController(ReviewRepository reviews, ExchangeService exchanges, CurrentUser user) {
        this.reviews = reviews;
        this.exchanges = exchanges;
        this.user = user;
    }

    @GetMapping("/api/exchanges/{id}/reviews")
    public List<ReviewRepository.Review> reviews(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        exchanges.get(id);
        return reviews.list(id);
    }
}
