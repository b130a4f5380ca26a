package dev.curation.query.web;

import dev.curation.core.list.Proposal;
import dev.curation.query.history.VersionKind;
import dev.curation.query.list.ProposalOrder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** The enums query parameters take, each read by its lower-case wire name in every controller. */
@ControllerAdvice
class EnumParameters {

    @InitBinder
    void wireNames(WebDataBinder binder) {
        binder.registerCustomEditor(VersionKind.class, new ParameterConversion.WireNames<>(VersionKind.class));
        binder.registerCustomEditor(Proposal.Status.class, new ParameterConversion.WireNames<>(Proposal.Status.class));
        binder.registerCustomEditor(ProposalOrder.class, new ParameterConversion.WireNames<>(ProposalOrder.class));
    }
}
