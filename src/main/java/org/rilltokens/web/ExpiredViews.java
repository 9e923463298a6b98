package org.rilltokens.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;

/**
 * A form sent from a page whose view state the server no longer has (the session was renewed by a
 * sign-in in another tab, or the page sat open too long) answers with a page that asks to retry;
 * nothing was changed. So does a form whose view state cannot even be read (garbled, or from another server):
 * Mojarra calls that expired, MyFaces fails to decode it. Without this, Faces would end the request in an
 * error with a stack trace.
 * Registered in faces-config.xml.
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
                if (expired(events.next().getContext())) {
                    events.remove();
                    showExpiredPage(FacesContext.getCurrentInstance());
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(ExceptionQueuedEventContext event) {
            if (event.getPhaseId() == PhaseId.RESTORE_VIEW && event.getContext().isPostback()) {
                return true;
            }
            for (Throwable cause = event.getException(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void showExpiredPage(FacesContext faces) {
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, PAGE));
            faces.getPartialViewContext().setRenderAll(true);
            faces.renderResponse();
        }
    }
}
