"""The widgets the screens are made of: the panes, the detail and the source."""
