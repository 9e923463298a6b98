package org.rilltokens.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

/**
 * The tokens page is the portal's home and answers at "/": its forms post there too, so the address
 * bar never shows "/index.xhtml" after pressing a button. Registered in faces-config.xml.
 */
public class HomeAddress extends ViewHandlerWrapper {

    public HomeAddress(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = getWrapped().getActionURL(context, viewId);
        String home = context.getExternalContext().getRequestContextPath() + "/";
        return url.equals(home + "index.xhtml") || url.equals(home + "index") ? home : url;
    }
}
