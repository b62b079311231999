package org.powexchange.review;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.powexchange.decisions.DecisionTables;
import org.powexchange.people.Person;
import org.powexchange.people.PersonReviewFacts;
import org.springframework.stereotype.Component;

/**
 * The two decision tables of the review (bpmn/review-routing.dmn, bpmn/objection-policy.dmn), evaluated
 * as the system: the official whose step triggers the evaluation needs no rights on decision definitions.
 * The deployed (latest) version is used, so officials can change the tables without a new build.
 */
@Component
public class ReviewDecisions {

    public record Recommendation(String decision, String rationale) {
    }

    private final DecisionTables decisions;

    public ReviewDecisions(DecisionTables decisions) {
        this.decisions = decisions;
    }

    /** Which agencies must look at this person, and why (review-routing, hit policy COLLECT). */
    public List<ObjectionRepository.Concern> routing(Person p, PersonReviewFacts f) {
        var vars = Variables.createVariables()
                .putValue("strategic", f.strategic())
                .putValue("pendingCriminalProceedings", f.pendingCriminalProceedings())
                .putValue("seriouslyWoundedSick", p.seriouslyWoundedSick())
                .putValue("minor", isMinor(p))
                .putValue("category", p.category().name())
                .putValue("officer", f.officer());
        DmnDecisionResult result = evaluate("review-routing", vars);
        List<ObjectionRepository.Concern> out = new ArrayList<>();
        for (Map<String, Object> row : result.getResultList()) {
            String agency = (String) row.get("agency");
            String concern = (String) row.get("concern");
            // several rules may name the same agency (e.g. strategic and criminal for the security service)
            out.stream().filter(c -> c.agency().equals(agency)).findFirst().ifPresentOrElse(
                    c -> out.set(out.indexOf(c), new ObjectionRepository.Concern(p.id(), agency, c.concern() + "; " + concern)),
                    () -> out.add(new ObjectionRepository.Concern(p.id(), agency, concern)));
        }
        return out;
    }

    /** The policy recommendation for a contested person (objection-policy, hit policy FIRST). */
    public Recommendation policy(Person p, Collection<String> reasonCodes) {
        var vars = Variables.createVariables()
                .putValue("identityDoubt", reasonCodes.contains("IDENTITY_DOUBT"))
                .putValue("pendingCriminalProceedings", reasonCodes.contains("PENDING_CRIMINAL_PROCEEDINGS"))
                .putValue("seriouslyWoundedSick", p.seriouslyWoundedSick())
                .putValue("humanitarianPriority", reasonCodes.contains("HUMANITARIAN_PRIORITY"))
                .putValue("securityRisk", reasonCodes.contains("SECURITY_RISK"))
                .putValue("strategicValue", reasonCodes.contains("STRATEGIC_VALUE"))
                .putValue("heldByUs", p.side() == org.powexchange.people.Side.RELEASE);
        Map<String, Object> row = evaluate("objection-policy", vars).getSingleResult().getEntryMap();
        return new Recommendation((String) row.get("recommendation"), (String) row.get("rationale"));
    }

    static boolean isMinor(Person p) {
        return p.birthDate() != null && Period.between(p.birthDate(), LocalDate.now()).getYears() < 18;
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> vars) {
        return decisions.evaluate(key, vars);
    }
}
