from tui.cli.main import run

# Guarded: the loader's worker processes (tui.reading.prefill) import the main module.
if __name__ == "__main__":
    run()
