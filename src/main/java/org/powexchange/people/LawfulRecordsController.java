package org.powexchange.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Criminal proceedings (art. 119), identity-doubt confirmations and the hold-back notice, per exchange. */
@RestController
public class LawfulRecordsController {

    private static final String TEXT = "[^<>{}$#]*";

    public record Proceedings(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._/-]+",
            message = "letters, digits and . _ / - only") String caseReference,
                              @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "must not contain < > { } $ #")
                              String authority) {
    }

    public record Confirmation(@NotBlank @Size(max = 2000) @Pattern(regexp = TEXT,
            message = "must not contain < > { } $ #") String comment) {
    }

    private final LawfulRecordsService service;
    private final CurrentUser user;

    /** Who confirmed the identity doubt about whom. */
    public record DoubtConfirmed(long personId, String confirmedBy) {
    }

    public LawfulRecordsController(LawfulRecordsService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @PostMapping("/api/exchanges/{id}/people/{personId}/proceedings")
    @ResponseStatus(HttpStatus.CREATED)
    public CriminalProceedings record(@PathVariable UUID id, @PathVariable long personId,
                                      @Valid @RequestBody Proceedings body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        return service.recordProceedings(id, personId, body.caseReference().strip(), body.authority().strip(), c.id());
    }

    @GetMapping("/api/exchanges/{id}/people/{personId}/proceedings")
    public List<CriminalProceedings> proceedings(@PathVariable UUID id, @PathVariable long personId) {
        user.require(Groups.COORDINATION_STAFF);
        return service.proceedings(id, personId);
    }

    /** A second Staff official's confirmation: needed to take an art. 109 person off the list for identity doubt. */
    @PostMapping("/api/exchanges/{id}/people/{personId}/identity-doubt-confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    public DoubtConfirmed confirm(@PathVariable UUID id, @PathVariable long personId,
                                  @Valid @RequestBody Confirmation body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        service.confirmIdentityDoubt(id, personId, body.comment().strip(), c.id());
        return new DoubtConfirmed(personId, c.id());
    }

    /** Art. 119: the names of those held back for criminal proceedings, for the other side. */
    @GetMapping(value = "/api/exchanges/{id}/holdback-notice", produces = MediaType.APPLICATION_JSON_VALUE)
    public LawfulRecordsService.HoldbackNotice notice(@PathVariable UUID id) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF, Groups.NEUTRAL_PARTY);
        return service.issueNotice(id, c.id());
    }

    @GetMapping(value = "/api/exchanges/{id}/holdback-notice", produces = "text/csv")
    public ResponseEntity<String> noticeCsv(@PathVariable UUID id) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF, Groups.NEUTRAL_PARTY);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"holdback-notice-" + id + ".csv\"")
                .body(service.issueNoticeCsv(id, c.id()));
    }
}
