package dev.curation.command.list;

import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ListCacheConfig {

    /** The most recently used lists stay loaded, so a command does not replay the list's whole stream. */
    @Bean
    Cache curatedListCache(ListProperties lists) {
        return new ListCache(lists.cacheSize());
    }
}
