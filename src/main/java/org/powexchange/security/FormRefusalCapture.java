package org.powexchange.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Remembers, per thread, a {@link FormFieldValidationException} (or a refused Java-serialized value) that refused a command (the engine wraps
 * a task listener's refusal into a generic ProcessEngineException, which its REST API answers with 500).
 * {@link TaskCompletionGuard} turns such a refusal into a 400 problem document naming the field.
 */
@Component
public class FormRefusalCapture extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<RuntimeException> REFUSAL = new ThreadLocal<>();

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
                    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                        if (t instanceof FormFieldValidationException f) {
                            REFUSAL.set(f);
                            break;
                        }
                        // "Java serialization format is prohibited": a request the engine refuses by configuration
                        if (t.getMessage() != null && t.getMessage().contains("ENGINE-17007") && t instanceof RuntimeException r) {
                            REFUSAL.set(r);
                            break;
                        }
                    }
                    throw e;
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static void clear() {
        REFUSAL.remove();
    }

    /** The refusal of the last failed command on this thread, if it was the caller's fault; cleared. */
    static RuntimeException take() {
        RuntimeException f = REFUSAL.get();
        REFUSAL.remove();
        return f;
    }
}
