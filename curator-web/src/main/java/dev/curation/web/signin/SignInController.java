package dev.curation.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /signin?next=/path}: only signed-in people reach it (the security chain sends others to
 * the issuer first and back here), then it goes on to {@code next}, a path of this site only.
 */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(@RequestParam(defaultValue = "/") String next) {
        return "redirect:" + LocalPath.orHome(next);
    }
}
