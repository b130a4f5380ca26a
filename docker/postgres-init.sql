-- One server, two databases: the write side's event store and the read side's models.
CREATE DATABASE curation_events;
CREATE DATABASE curation_query;
