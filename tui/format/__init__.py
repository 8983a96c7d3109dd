"""The briefing format: the model, its JSON Schema, and the outline an archive keeps."""
