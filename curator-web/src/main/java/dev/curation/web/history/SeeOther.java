package dev.curation.web.history;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** A 303 after a form's POST (post, redirect, get): reloading the answer never sends the form again. */
final class SeeOther {

    private SeeOther() {
    }

    static RedirectView to(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
