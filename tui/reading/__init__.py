"""Files to validated briefings: safe YAML, checks against the source, the cache, live reload."""
