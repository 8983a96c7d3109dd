from tui.cli.main import run

run()
