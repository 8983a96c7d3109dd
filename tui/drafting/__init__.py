"""Drafting a briefing from a plain-text article: rules over the text, offline and
deterministic. Every entry quotes the sentence or clause it comes from; whatever is
derived rather than read is listed in `inferred` with the reason, and every entry is
marked `review: drafted` until a person has checked it."""
