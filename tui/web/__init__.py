"""The app in a web browser: textual-serve runs one app process per tab, behind a token.

Nothing here is imported by the terminal app; `briefings serve` imports it when it starts.
"""
