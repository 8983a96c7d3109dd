"""A process that writes notes, for the concurrency and crash tests.

python writer.py DB NAME COUNT        add COUNT notes, printing each uid once committed
python writer.py DB NAME hold         begin a transaction, add a note, say so, and wait
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tui.index.refs import Kind, Ref
from tui.notes.store import NoteStore


def main() -> None:
    path, name, what = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = NoteStore.open(path)
    ref = Ref(Kind.counterpart, "minimal", "wang-wei")
    if what == "hold":
        with store._writing() as db:
            db.execute(
                "INSERT INTO notes (uid, briefing, kind, entry, entry_name, quote_digest, text,"
                " created, updated) VALUES ('f' || hex(randomblob(15)) || 'f', 'minimal',"
                " 'counterpart', 'wang-wei', 'Wang Wei', '', 'uncommitted', 'now', 'now')"
            )
            print("in transaction", flush=True)
            time.sleep(60)
        return
    for number in range(int(what)):
        note = store.add(ref, "Wang Wei", "digest", f"{name} {number} " + "words " * 50)
        store.edit(note.id, note.text + " edited")
        print(note.uid, flush=True)


if __name__ == "__main__":
    main()
