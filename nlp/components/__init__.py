"""spaCy components that find facts in a Doc, one module each, registered as `regintel_*` factories."""
