package org.rilltokens.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * A form sent from a page whose view state the server no longer has (the session was renewed by a
 * sign-in in another tab, or the page sat open too long) answers with a page that asks to retry;
 * nothing was changed. Without this, Faces would end the request in an error with a stack trace.
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
                if (expired(events.next().getContext().getException())) {
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

        private static void showExpiredPage(FacesContext faces) {
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, PAGE));
            faces.getPartialViewContext().setRenderAll(true);
            faces.renderResponse();
        }
    }
}
