package org.powexchange;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The fast layer of the test pyramid: no Spring context, no network. {@code ./mvnw test -Punit} runs
 * only classes carrying this annotation (JUnit tag {@value #TAG}); {@code UnitLayerTest} keeps the layer honest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UnitTest.TAG)
public @interface UnitTest {

    String TAG = "unit";
}
