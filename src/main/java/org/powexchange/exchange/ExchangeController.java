package org.powexchange.exchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/exchanges")
@Validated
public class ExchangeController {

    public record CreateExchange(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                    message = "letters, digits and . _ / - only") String agreementRef,
            @Size(max = 200) @Pattern(regexp = "[^<>{}$#]*", message = "must not contain < > { } $ #") String title,
            @NotNull @Min(1) @Max(100000) Integer formulaSize,
            @NotEmpty @Size(max = 20) List<@NotNull @Min(1) @Max(100000) Integer> phaseSizes) {
    }

    public record Ratification(@NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9 ._/-]+",
            message = "letters, digits, spaces and . _ / - only") String documentRef,
                               @NotNull OffsetDateTime signedAt,
                               @Size(max = 20) List<@NotNull OffsetDateTime> phaseDueAt) {
    }

    private final ExchangeService service;
    private final AuditLog audit;
    private final CurrentUser user;

    public ExchangeController(ExchangeService service, AuditLog audit, CurrentUser user) {
        this.service = service;
        this.audit = audit;
        this.user = user;
    }

    @PostMapping
    public ResponseEntity<ExchangeStatus> create(@Valid @RequestBody CreateExchange body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        Exchange e = service.create(body.agreementRef(), body.title(), body.formulaSize(), body.phaseSizes(), c.id());
        return ResponseEntity.created(URI.create("/api/exchanges/" + e.id())).body(service.status(e.id()));
    }

    @GetMapping
    public List<ExchangeStatus> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) int offset) {
        user.require(Groups.COORDINATION_STAFF);
        return service.list(limit, offset).stream().map(e -> service.status(e.id())).toList();
    }

    @GetMapping("/{id}")
    public ExchangeStatus status(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        return service.status(id);
    }

    @PostMapping("/{id}/ratification")
    public ExchangeStatus ratify(@PathVariable UUID id, @Valid @RequestBody Ratification body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        service.ratify(id, body.documentRef(), body.signedAt(), body.phaseDueAt(), c.id());
        return service.status(id);
    }

    @GetMapping("/{id}/audit")
    public List<AuditLog.Event> audit(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        service.get(id);
        return audit.forExchange(id);
    }
}
