package org.powexchange.review;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/** The two deadline steps of the agency reviews, fired by the boundary timers of "Agency reviews". */
final class ReviewDeadlineDelegates {

    private ReviewDeadlineDelegates() {
    }

    /**
     * What both steps do to every open review of the instance: raise its priority, let {@code also} add to it,
     * and leave the comment Tasklist shows. Answers the agencies of those reviews (the ones still reviewing).
     */
    static List<String> touchOpenReviews(TaskService tasks, DelegateExecution execution, IntUnaryOperator priority,
                                         Consumer<Task> also, Function<Task, String> comment) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyLike("Task_Review%").list();
        for (Task t : open) {
            t.setPriority(priority.applyAsInt(t.getPriority()));
            tasks.saveTask(t);
            also.accept(t);
            tasks.createComment(t.getId(), execution.getProcessInstanceId(), comment.apply(t));
        }
        return open.stream().map(t -> (String) tasks.getVariable(t.getId(), ReviewProcess.AGENCY)).toList();
    }

    /** "Remind the agencies still reviewing": a comment on each open review (seen in Tasklist), raised priority. */
    @Component("remindAgencies")
    static class Remind implements JavaDelegate {

        private final TaskService tasks;
        private final ReviewService service;

        Remind(TaskService tasks, ReviewService service) {
            this.tasks = tasks;
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<String> agencies = touchOpenReviews(tasks, execution, p -> Math.max(p, 75), t -> { },
                    t -> "Reminder: this review is due at " + t.getDueDate());
            service.remind(ExchangeProcess.exchangeId(execution), agencies);
        }
    }

    /**
     * "Escalate overdue reviews to the Staff": each open review also goes to the Coordination Staff's
     * Tasklist filter at top priority; the overdue agencies are named in variable escalatedAgencies (Cockpit).
     */
    @Component("escalateOverdueReviews")
    static class Escalate implements JavaDelegate {

        private final TaskService tasks;
        private final ReviewService service;

        Escalate(TaskService tasks, ReviewService service) {
            this.tasks = tasks;
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<String> agencies = touchOpenReviews(tasks, execution, p -> 100,
                    t -> tasks.addCandidateGroup(t.getId(), Groups.COORDINATION_STAFF),
                    t -> "Overdue since " + t.getDueDate() + ": escalated to the "
                            + Groups.displayName(Groups.COORDINATION_STAFF));
            List<String> late = service.escalate(ExchangeProcess.exchangeId(execution), agencies);
            execution.setVariable(ReviewProcess.ESCALATED, String.join(",", late));
        }
    }
}
