-- Trigram similarity backs "find claims like this text" (lookup, evidence
-- suggestions); it ships with PostgreSQL's contrib and needs no superuser on
-- PostgreSQL 13+ because it is a trusted extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
