package org.mangonel.plan;

/** The command line asks for something the scenario does not have (an unknown name, ...). */
public final class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message, null, false, false);
    }
}
