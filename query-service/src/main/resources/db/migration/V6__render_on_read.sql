-- The Markdown and structure of a list are no longer written whenever it changes: the query service
-- renders a version when it is first read (from list_snapshot plus the list_event rows after it) and
-- keeps the rendered forms in memory. Versions are immutable, so a rendering never goes stale.
DROP TABLE list_document;
