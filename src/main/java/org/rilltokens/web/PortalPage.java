package org.rilltokens.web;

import java.io.Serializable;

/**
 * A portal page whose destructive buttons first ask: one confirmation is open at a time, named by what it
 * is about (e.g. "remove:bob@acme.example"), and the page shows it next to that thing.
 */
public abstract class PortalPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private String asking;

    public void ask(String what) {
        asking = what;
    }

    public void cancel() {
        asking = null;
    }

    public boolean isAsking(String what) {
        return what.equals(asking);
    }
}
