"""The Textual app: screens and widgets that display the archive and navigate it."""
