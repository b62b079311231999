package org.powexchange.verification;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Propose replacements from the reserve": balanced, replaced (verify the replacements), or reserve exhausted. */
@Component("proposeReplacements")
public class ProposeReplacementsDelegate implements JavaDelegate {

    private final ReplacementService replacement;

    public ProposeReplacementsDelegate(ReplacementService replacement) {
        this.replacement = replacement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        int agreedSize = ((Number) execution.getVariable("agreedSize")).intValue();
        ReplacementService.Proposal p = replacement.propose(exchangeId, agreedSize);
        execution.setVariable(VerificationProcess.VAR_REPLACEMENT_OUTCOME, p.outcome());
        execution.setVariable(VerificationProcess.VAR_REPLACEMENTS, p.proposed());
        execution.setVariable(VerificationProcess.VAR_TO_REVIEW, String.join(",",
                p.proposedIds().stream().map(String::valueOf).toList()));
        execution.setVariable("shortHome", p.shortHome());
        execution.setVariable("shortRelease", p.shortRelease());
    }
}
