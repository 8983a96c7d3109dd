"""What a screen, the command line or a book says about an entry: plain Python, no Textual."""
