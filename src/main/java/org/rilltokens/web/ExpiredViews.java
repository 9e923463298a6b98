package org.rilltokens.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import java.util.Iterator;

/**
 * A form sent from a page whose view state the server no longer has (the session was renewed by a
 * sign-in in another tab, or the page sat open too long) answers with a page that asks to retry;
 * nothing was changed. So does a form whose view state cannot be restored at all: forged
 * ({@code stateless}), or another page's. Without this, Faces would end the request in an error with a
 * stack trace. Registered in faces-config.xml.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    static final String PAGE = "/WEB-INF/errors/expired.xhtml";

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                ExceptionQueuedEventContext event = events.next().getContext();
                if (expired(event.getException()) || unrestorable(event)) {
                    events.remove();
                    showExpiredPage(FacesContext.getCurrentInstance());
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        /** A postback whose view state did not restore: nothing of the form can have been applied yet. */
        private static boolean unrestorable(ExceptionQueuedEventContext event) {
            return event.getPhaseId() == PhaseId.RESTORE_VIEW && event.getContext().getExternalContext()
                    .getRequestParameterMap().containsKey(ResponseStateManager.VIEW_STATE_PARAM);
        }

        private static void showExpiredPage(FacesContext faces) {
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, PAGE));
            faces.getPartialViewContext().setRenderAll(true);
            faces.renderResponse();
        }
    }
}
