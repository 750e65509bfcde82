"""The language server's answer time: from an edit to the new diagnostics, over stdio.

    python benchmarks/bench_lsp.py [--sizes 20000] [--repeat 5]

For the seed thread and synthetic threads (benchmarks/synthetic.py) it starts
``argmap lsp`` with a real LSP client (pygls's), opens the file, then makes
``--repeat`` edits (each changes one claim's text) and times each until the
server's ``publishDiagnostics`` for it arrives.  Targets (exit 1 if missed):
the seed within 200 ms of an edit, 20,000 propositions within 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
TARGETS = {"seed": 0.2, 20000: 2.0}


async def answer_times(text: str, repeat: int) -> list[float]:
    """Seconds from each edit to its diagnostics."""
    client = LanguageClient("bench", "1")
    arrived: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(params)

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = "file:///bench/thread.argmap"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "argmap", 1, text))
    )
    await arrived.get()
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if line.lstrip().startswith("claim ") and ": " in line)
    times = []
    for n in range(repeat):
        line = lines[target]
        edit = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(target, len(line)), types.Position(target, len(line))),
            text=f" {n}",
        )
        lines[target] = line + f" {n}"
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=n + 2), [edit]))  # fmt: skip
        while (await arrived.get()).version != n + 2:
            pass
        times.append(time.perf_counter() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from synthetic import thread

    cases: list[tuple[str | int, str]] = [
        ("seed", open(os.path.join(ROOT, "examples", "korea-japan-allies.argmap"), encoding="utf-8").read())
    ]
    cases += [(n, thread(n)) for n in args.sizes]
    ok = True
    print("| file | edits | fastest | median | slowest | target |")
    print("|---|---|---|---|---|---|")
    for name, text in cases:
        times = sorted(asyncio.run(answer_times(text, args.repeat)))
        target = TARGETS.get(name)
        median = times[len(times) // 2]
        met = target is None or median <= target
        ok &= met
        label = "seed thread" if name == "seed" else f"{name:,} propositions"
        print(f"| {label} | {len(times)} | {times[0]:.3f} s | {median:.3f} s | {times[-1]:.3f} s | "
              f"{'—' if target is None else f'{target} s: ' + ('met' if met else 'NOT met')} |")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
