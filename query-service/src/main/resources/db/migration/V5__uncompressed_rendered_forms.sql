-- The rendered Markdown and structure are rewritten whenever a list changes; storing them
-- uncompressed out of line saves pglz compression on every write (they are read far less often
-- than a busy list is written, and Markdown compresses poorly anyway for small lists).
ALTER TABLE list_document ALTER COLUMN markdown SET STORAGE EXTERNAL;
ALTER TABLE list_document ALTER COLUMN structure SET STORAGE EXTERNAL;
