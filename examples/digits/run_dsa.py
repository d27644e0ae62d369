"""Run the digits CNN on the simulated DSA: ONNX import → ``lower-to-dsa`` (N = 16, 512 KiB SRAM) → simulator, on
scikit-learn's digits test split (450 images), against onnxruntime.

The model has batch 1; it is re-imported with batch ``--batch`` (the imported module's ``tensor<1x...>`` shapes
become ``tensor<Bx...>``) so that one kernel run classifies B images. Prints the agreement with onnxruntime, the
accuracy and the simulator's figures of the last batch.

    python examples/digits/run_dsa.py [--batch 150] [--stats]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))


def main(argv: list[str] | None = None) -> int:
    import onnxruntime as ort

    from mlir_py import Context, verify
    from mlir_py.dsa_sim import simulate
    from mlir_py.pass_manager import PassManager, load_pass_plugins
    from tools import mlir_py_translate

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, default=150, help="images per kernel run (must divide 450)")
    ap.add_argument("--stats", action="store_true", help="print the simulator's report of the last batch")
    args = ap.parse_args(argv)
    if args.batch <= 0 or 450 % args.batch:
        ap.error("--batch must divide 450")
    spec = importlib.util.spec_from_file_location("digits_train", HERE / "train.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    _, x_test, _, y_test = train.split()
    x_test = np.asarray(x_test, dtype=np.float32)

    load_pass_plugins()
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "digits.mlir")
        if mlir_py_translate.main(["--import-onnx", str(HERE / "digits.onnx"), "-o", out]) != 0:
            return 1
        text = Path(out).read_text(encoding="utf-8")
    module = Context().parser.parse(text.replace("tensor<1x", f"tensor<{args.batch}x"), "digits.mlir")
    t0 = time.perf_counter()
    PassManager.parse("builtin.module(lower-to-dsa{n=16})").run(module)
    verify(module)
    print(f"compiled in {time.perf_counter() - t0:.2f} s")

    sess = ort.InferenceSession(str(HERE / "digits.onnx"), providers=["CPUExecutionProvider"])
    ref = np.concatenate([sess.run(None, {"image": x[None]})[0] for x in x_test])
    got, report = [], None
    for i in range(0, len(x_test), args.batch):
        res = simulate(module, "main", [np.ascontiguousarray(x_test[i:i + args.batch])])
        got.append(res.outputs[0])
        report = res.report
    logits = np.concatenate(got)
    same = int(np.sum(logits.argmax(1) == ref.argmax(1)))
    print(f"DSA vs onnxruntime: {same}/{len(ref)} same classes, max |logit difference| "
          f"{float(np.max(np.abs(logits - ref))):.2e}")
    print(f"accuracy on the test split: {float(np.mean(logits.argmax(1) == y_test)):.1%}")
    assert report is not None
    print(f"last batch: {report.cycles:,} cycles, MAC utilization {report.mac_utilization:.1%}")
    if args.stats:
        print(report.table())
    return 0 if same == len(ref) else 1


if __name__ == "__main__":
    sys.exit(main())
