package org.powexchange.security;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Remembers, per thread, why the last engine command failed when it was the caller's doing or a
 * concurrent change, not a fault of the server: the engine's REST API answers all of these with 500
 * (a task listener's refusal is wrapped into a generic exception). {@link EngineProblems} turns them
 * into a 400 naming the field, or a 409 for a conflict.
 */
@Component
public class EngineFailureCapture extends AbstractProcessEnginePlugin {

    public enum Kind { FIELD, CLIENT, CONFLICT }

    public record Failure(Kind kind, String field, String message) {
    }

    private static final ThreadLocal<Failure> LAST = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (RuntimeException e) {
                    Failure f = classify(e);
                    if (f != null) {
                        LAST.set(f);
                    }
                    throw e;
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FormFieldValidationException f) {
                return new Failure(Kind.FIELD, f.getDetail() instanceof String s ? s : null, f.getMessage());
            }
            if (t instanceof OptimisticLockingException || t instanceof DataIntegrityViolationException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return new Failure(Kind.CONFLICT, null, "changed by another request at the same moment");
            }
            String m = t.getMessage();
            // ENGINE-17007: Java serialization refused; or a type the deserialization allow-list refuses
            if (m != null && (m.contains("ENGINE-17007") || m.toLowerCase().contains("deserializ")
                    || m.contains("whitelisted") || m.contains("not allowed"))) {
                return new Failure(Kind.CLIENT, null, "a variable of a type this application does not accept");
            }
        }
        return null;
    }

    static void clear() {
        LAST.remove();
    }

    /** Why the last failed command on this thread failed, if it was not the server's fault; cleared. */
    static Failure take() {
        Failure f = LAST.get();
        LAST.remove();
        return f;
    }
}
