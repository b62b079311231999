package org.powexchange.verification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * "Record the neutral party's results": the results the neutral party's system sent with the
 * completion of the external task. A refused result makes the completion fail with 400 (the engine
 * REST API's answer to a {@link BadUserRequestException}), so the task stays with the neutral party.
 */
@Component("recordVerificationResults")
public class RecordVerificationResultsDelegate implements JavaDelegate {

    /** One result as the neutral party's system sends it. */
    public record WireResult(long personId, VerificationOutcome outcome, VerificationOutcome.Medical medical,
                             String evidence, Consent consent) {
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final VerificationService verification;

    public RecordVerificationResultsDelegate(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        Object raw = execution.getVariable(VerificationProcess.VAR_RESULTS);
        execution.removeVariable(VerificationProcess.VAR_RESULTS);
        List<WireResult> wire;
        try {
            wire = raw == null ? List.of() : JSON.readValue(raw.toString(), new TypeReference<List<WireResult>>() { });
        } catch (Exception e) {
            throw new BadUserRequestException("'" + VerificationProcess.VAR_RESULTS
                    + "' must be a JSON array of {personId, outcome, medical, evidence, consent: {interviewedOn, outcome, "
                    + "delegateRef}}");
        }
        Object round = execution.getVariable(VerificationProcess.VAR_ROUND);
        try {
            VerificationService.Recorded r = verification.store(exchangeId, wire.stream()
                            .map(w -> new VerificationService.Incoming(w.personId(), w.outcome(), w.medical(), w.evidence(),
                                    w.consent()))
                            .toList(), actor(execution), round instanceof Number n ? n.intValue() : null);
            execution.setVariable(VerificationProcess.VAR_OUTSTANDING, r.outstanding());
        } catch (Refusal e) {
            throw new BadUserRequestException((e.field() == null ? "" : e.field() + ": ") + e.getMessage());
        }
    }

    private static String actor(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? "neutral-party" : auth.getUserId();
    }
}
