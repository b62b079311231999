package org.powexchange.verification;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VerificationController {

    /** The private interview's finding (art. 109(3)); nothing of what was said. */
    public record ConsentBody(LocalDate interviewedOn, Consent.Outcome outcome,
                              @Size(max = 64) @Pattern(regexp = Consent.DELEGATE_REF,
                                      message = "a pseudonymous reference: letters, digits and . _ - only")
                              String delegateRef) {
    }

    // named apart from the other records called alike in /v3/api-docs
    @Schema(name = "VerificationResultInput")
    public record Result(@NotNull @Positive Long personId, @NotNull VerificationOutcome outcome,
                         VerificationOutcome.Medical medical,
                         @Size(max = 2000) @Pattern(regexp = "[^<>{}$#]*", message = "must not contain < > { } $ #")
                         String evidence,
                         @Valid ConsentBody consent) {
    }

    public record Batch(@NotEmpty @Size(max = 5000) List<@Valid @NotNull Result> results) {
    }

    private final VerificationService service;
    private final CurrentUser user;

    public VerificationController(VerificationService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @PostMapping("/api/exchanges/{id}/verification-results")
    public VerificationService.Recorded record(@PathVariable UUID id, @Valid @RequestBody Batch body) {
        CurrentUser.Caller c = user.require(Groups.NEUTRAL_PARTY);
        return service.record(id, body.results().stream()
                .map(r -> new VerificationService.Incoming(r.personId(), r.outcome(), r.medical(), r.evidence(),
                        r.consent() == null ? null : new Consent(r.consent().interviewedOn(), r.consent().outcome(),
                                r.consent().delegateRef()))).toList(), c.id());
    }

    /** What the neutral party must verify: identity data of the people awaiting it, nothing more. */
    @GetMapping("/api/exchanges/{id}/verification-requests")
    public List<VerificationService.VerificationRequest> requests(@PathVariable UUID id) {
        user.require(Groups.NEUTRAL_PARTY, Groups.COORDINATION_STAFF);
        return service.awaiting(id);
    }

    @GetMapping("/api/exchanges/{id}/verification-results")
    public List<VerificationRepository.Result> list(@PathVariable UUID id) {
        user.require(Groups.NEUTRAL_PARTY, Groups.COORDINATION_STAFF);
        return service.list(id);
    }
}
