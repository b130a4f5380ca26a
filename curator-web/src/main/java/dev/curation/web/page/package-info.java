/**
 * What every page shares: its language (English or Simplified Chinese, from Accept-Language or the
 * reader's choice), who is signed in, the CSRF token its forms carry, and its messages.
 */
@NullMarked
package dev.curation.web.page;

import org.jspecify.annotations.NullMarked;
