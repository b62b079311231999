package org.powexchange.drafting;

import org.powexchange.UnitTest;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A failed cross-referencing job leaves an incident an administrator can act on, even for an NPE without a message. */
@UnitTest
class CrossReferenceIncidentMessageTest {

    @Test
    void namesTheStepTheExchangeAndTheCause() {
        NullPointerException npe = new NullPointerException();
        npe.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.powexchange.drafting.CrossReferenceService", "crossReference", "X.java", 97)});
        String m = CrossReferenceDelegate.incidentMessage("6f1c0b7e-0000-4000-8000-000000000001", npe);
        assertTrue(m.startsWith("Cross-referencing the sources of exchange 6f1c0b7e-0000-4000-8000-000000000001 failed"), m);
        assertTrue(m.contains("NullPointerException at CrossReferenceService.crossReference:97"), m);
        assertTrue(m.contains("retry the job"), m);
        String withMessage = CrossReferenceDelegate.incidentMessage("x", new IllegalStateException("disk full"));
        assertTrue(withMessage.contains("IllegalStateException (disk full)"), withMessage);
    }
}
