"""The `briefings` command."""
