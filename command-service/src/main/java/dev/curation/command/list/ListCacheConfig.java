package dev.curation.command.list;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ListCacheConfig {

    /** Loaded lists stay in memory while referenced, so a command does not replay the whole stream. */
    @Bean
    Cache curatedListCache() {
        return new WeakReferenceCache();
    }
}
