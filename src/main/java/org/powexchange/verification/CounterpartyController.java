package org.powexchange.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

/** The other side's lists: the people they offer to release and the people they ask for. */
@RestController
public class CounterpartyController {

    private static final String NAME = "[^<>{}$#\\d]*";

    public record Named(@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._/-]*") String theirRef,
                        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String familyName,
                        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String givenName,
                        LocalDate birthDate) {
    }

    public record Lists(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._/-]+",
            message = "letters, digits and . _ / - only") String reference,
                        @NotNull @Size(max = 100000) List<@Valid @NotNull Named> offered,
                        @NotNull @Size(max = 100000) List<@Valid @NotNull Named> requested) {
    }

    private final ReconciliationService reconciliation;
    private final CurrentUser user;

    public CounterpartyController(ReconciliationService reconciliation, CurrentUser user) {
        this.reconciliation = reconciliation;
        this.user = user;
    }

    /** Wakes the verification process waiting for them; the same reference twice changes nothing. */
    @PostMapping("/api/exchanges/{id}/counterparty-lists")
    public ReconciliationService.Received receive(@PathVariable UUID id, @Valid @RequestBody Lists body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        return reconciliation.receive(id, body.reference(), map(body.offered()), map(body.requested()), c.id());
    }

    @GetMapping("/api/exchanges/{id}/reconciliation")
    public ReconciliationService.ReconciliationReport reconciliation(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        return reconciliation.report(id);
    }

    private static List<ReconciliationService.Named> map(List<Named> in) {
        return in.stream().map(n -> new ReconciliationService.Named(n.theirRef(), n.familyName().strip(),
                n.givenName().strip(), n.birthDate())).toList();
    }
}
