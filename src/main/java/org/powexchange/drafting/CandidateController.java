package org.powexchange.drafting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/exchanges/{id}/candidates")
public class CandidateController {

    /**
     * Names: letters of any script, spaces, apostrophes (' ’ ʼ ‘ ` ʹ), hyphens and dashes, dots; nothing that could
     * be markup or code. The same rule as the source files.
     */
    static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M}'’ʼ‘`ʹ\\p{Zs}.\\p{Pd}]*";

    public record CandidateRecord(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/-]+",
                    message = "letters, digits and . _ : / - only") String externalRef,
            @NotNull @Pattern(regexp = "BRING_HOME|RELEASE", message = "must be BRING_HOME or RELEASE") String side,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name (letters, spaces, ' - .)")
            String familyName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name (letters, spaces, ' - .)")
            String givenName,
            @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name (letters, spaces, ' - .)")
            String patronymic,
            @Past LocalDate birthDate,
            @Size(max = 50) @Pattern(regexp = "([\\p{L}\\p{N}№][\\p{L}\\p{N}\\p{Zs}./\\p{Pd}№#]*)?",
                    message = "letters, digits, spaces and . / - only") String serviceNumber,
            @NotNull @Pattern(regexp = "MILITARY|CIVILIAN", message = "must be MILITARY or CIVILIAN") String category,
            Boolean seriouslyWoundedSick,
            @Pattern(regexp = "CONFIRMED_ALIVE|UNCONFIRMED|DECEASED",
                    message = "must be CONFIRMED_ALIVE, UNCONFIRMED or DECEASED") String lifeStatus,
            @PastOrPresent LocalDate capturedOn,
            // optional facts for the interagency review's routing (table person_review_facts)
            @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{N} ,.;:()/'-]*",
                    message = "letters, digits, spaces and , . ; : ( ) / ' - only") String strategicFlag,
            Boolean pendingCriminalProceedings,
            Boolean officer,
            @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{N} .-]*", message = "letters, digits, spaces, . and - only")
            String militaryRank) {

        boolean hasReviewFacts() {
            return (strategicFlag != null && !strategicFlag.isBlank()) || pendingCriminalProceedings != null
                    || officer != null || (militaryRank != null && !militaryRank.isBlank());
        }
    }

    public record Submission(@NotEmpty @Size(max = 5000) List<@Valid @NotNull CandidateRecord> records,
                             Boolean complete) {
    }

    private final CandidateService service;
    private final CurrentUser user;

    public CandidateController(CandidateService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @PostMapping
    public CandidateService.Result submit(@PathVariable UUID id, @Valid @RequestBody Submission body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        return service.submit(id, body.records(), !Boolean.FALSE.equals(body.complete()), c.id());
    }
}
