package dev.curation.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token's global roles, read strictly from its roles claim: a string is one role, whatever it
 * holds ({@code "X CURATOR"} and {@code "X,CURATOR"} are single roles that match nothing), a list
 * of strings is a list of roles, and anything else (a number, an object, a list holding a
 * non-string) gives no role. Spring's default converter split a string claim on spaces, so a
 * claim an issuer meant as one role could grant {@code CURATOR}.
 */
final class RoleClaims implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String claim;

    RoleClaims(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof String role) {
            return List.of(authority(role));
        }
        if (!(value instanceof Collection<?> roles)) {
            return List.of();
        }
        List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
        for (Object role : roles) {
            if (!(role instanceof String name)) {
                return List.of();
            }
            authorities.add(authority(name));
        }
        return authorities;
    }

    private static GrantedAuthority authority(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }
}
