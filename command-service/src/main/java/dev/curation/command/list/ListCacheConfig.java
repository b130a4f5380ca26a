package dev.curation.command.list;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ListCacheConfig {

    /** The most recently used lists stay loaded, so a command does not replay the list's whole stream. */
    @Bean
    Cache curatedListCache(@Value("${curation.lists.cache-size:1000}") int size) {
        return new ListCache(size);
    }
}
