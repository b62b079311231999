package org.powexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Keeps the fast layer honest: a class tagged {@link UnitTest} never starts Spring, and a test class
 * that does not start Spring is tagged (so {@code -Punit} misses no fast test). Integration tests
 * ({@code *IT}) start the packaged jar and stay out.
 */
@UnitTest
class UnitLayerTest {

    @Test
    void theFastLayerStartsNoSpringContextAndMissesNoFastTest() throws Exception {
        List<String> taggedButSpring = new ArrayList<>();
        List<String> fastButUntagged = new ArrayList<>();
        int tagged = 0;
        for (Class<?> c : testClasses()) {
            boolean spring = IntegrationTest.class.isAssignableFrom(c) || AnnotationSupport.isAnnotated(c, SpringBootTest.class);
            boolean unit = c.isAnnotationPresent(UnitTest.class);
            if (unit) {
                tagged++;
            }
            if (unit && spring) {
                taggedButSpring.add(c.getName());
            }
            if (!unit && !spring && !c.getSimpleName().endsWith("IT")) {
                fastButUntagged.add(c.getName());
            }
        }
        // the names on the first line: Maven's summary shows only that line of a failure, and a wrapped list
        // read there runs on into the next failures' names
        assertThat(taggedButSpring).withFailMessage("@UnitTest classes that start Spring: %s", taggedButSpring)
                .isEmpty();
        assertThat(fastButUntagged).withFailMessage("test classes without Spring that lack @UnitTest: %s",
                fastButUntagged).isEmpty();
        assertThat(tagged).isGreaterThan(10);
    }

    /** Concrete classes under target/test-classes with at least one JUnit test method. */
    private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(UnitLayerTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c;
                try {
                    c = Class.forName(name, false, UnitLayerTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (!Modifier.isAbstract(c.getModifiers()) && hasTests(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean hasTests(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (AnnotationSupport.isAnnotated(m, Test.class)
                        || AnnotationSupport.isAnnotated(m, org.junit.jupiter.api.TestTemplate.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
