package org.powexchange.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;

/** The Tasklist bundle of this Camunda version still holds the code the form-js #1494 patch replaces. */
@UnitTest
class TasklistBundlePatchTest {

    @Test
    void bothChecksOfTheBundledTasklistArePatched() throws Exception {
        byte[] patched = TasklistBundlePatch.patched();
        assertThat(patched).as("patch applied to this Camunda version's bundle (else Complete needs Save again)").isNotNull();
        String js = new String(patched, StandardCharsets.UTF_8);
        assertThat(js).startsWith("window.powFormHasErrors=")
                .contains("var t=window.powFormHasErrors(e.errors);")
                .contains("a=t.errors,!window.powFormHasErrors(a))");
        for (String[] r : TasklistBundlePatch.REPLACEMENTS) {
            assertThat(js).doesNotContain(r[0]);
        }
    }
}
