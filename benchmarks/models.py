"""Real models on the DSA: ONNX import (random weights) → ``lower-to-dsa`` (N = 16, default SRAM) → simulator,
checked against onnxruntime, with the simulator's figures (issue #7).

Models: examples/digits/digits.onnx and onnx's ``backend/test/data/light/`` models given on the command line.
Random weights are :func:`mlir_py.onnx_importer.randomize_weights` (seed 0, as ``mlir-py-translate --import-onnx
--random-weights``); the input is seeded uniform [0, 1). A final Softmax saturates on random logits, so the logits
before it are an extra output and the check is on them (f32 relative error ≤ 1e-4 of the largest magnitude, as
tests/unit/test_onnx_models.py). Per model: compile time (``lower-to-dsa`` only, wall-clock), op count after
lowering, simulated cycles, MAC utilization (useful MACs / (cycles · N²)), DRAM bytes, energy, peak SRAM and its
lower bound (``dsa-plan-memory``), the ops left for the control processor, or the reason it failed.

    python benchmarks/models.py [--out benchmarks/models.md] [--timeout 900] [digits squeezenet ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RTOL = 1e-4
DEFAULT = ["digits", "squeezenet", "shufflenet", "bvlc_alexnet", "zfnet512", "inception_v1", "resnet50",
           "inception_v2", "densenet121", "vgg19"]


def model_path(name: str) -> str:
    import onnx

    if name == "digits":
        return str(ROOT / "examples" / "digits" / "digits.onnx")
    return os.path.join(os.path.dirname(onnx.__file__), "backend", "test", "data", "light", f"light_{name}.onnx")


def prepare(name: str) -> Any:
    """The ONNX model with random weights (not for digits: it is trained) and the pre-softmax logits as output."""
    import onnx

    from mlir_py.onnx_importer import randomize_weights

    model = onnx.load(model_path(name))
    if name != "digits":
        model = randomize_weights(model, 0)
    last = model.graph.node[-1]
    if last.op_type == "Softmax":
        model.graph.output.append(onnx.ValueInfoProto())
        model.graph.output[-1].CopyFrom(model.graph.output[0])
        model.graph.output[-1].name = last.input[0]
    return model


def run_model(name: str) -> dict[str, Any]:
    """Compile, simulate and check one model; returns the figures (raises on failure)."""
    import onnxruntime as ort

    from mlir_py import Context, verify
    from mlir_py.dsa_sim import simulate
    from mlir_py.onnx_importer import import_model
    from mlir_py.pass_manager import PassManager, load_pass_plugins

    load_pass_plugins()
    model = prepare(name)
    module = import_model(model, Context(), model_path(name))
    g = model.graph
    inits = {i.name for i in g.initializer}
    x_info = next(i for i in g.input if i.name not in inits)
    shape = [d.dim_value for d in x_info.type.tensor_type.shape.dim]
    x = np.random.default_rng(1).random(shape, dtype=np.float32)
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    expected = sess.run(None, {x_info.name: x})
    del sess, model
    t0 = time.perf_counter()
    PassManager.parse("builtin.module(lower-to-dsa{n=16})").run(module)
    compile_s = time.perf_counter() - t0
    verify(module)
    ops = sum(1 for _ in module.walk()) - 1
    t1 = time.perf_counter()
    res = simulate(module, "main", [x])
    sim_s = time.perf_counter() - t1
    errs = []
    for got, want in zip(res.outputs, expected):
        errs.append(float(np.max(np.abs(got.astype(np.float64) - want))) / max(float(np.max(np.abs(want))), 1e-30))
    rep = res.report.to_dict()
    return {"compile_s": compile_s, "sim_s": sim_s, "ops": ops, "rel_err": max(errs), "ok": max(errs) <= RTOL,
            "report": rep}


def cp_ops(report: dict[str, Any]) -> set[str]:
    """Names of the model's ops that ran on the control processor (not the DRAM reads/writes around them)."""
    glue = ("bufferization.", "tensor.empty", "memref.")
    return {f["op"] for f in report.get("fallback_ops", []) if not f["op"].startswith(glue)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", default=DEFAULT)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "models.md"))
    args = ap.parse_args(argv)
    rows: list[list[object]] = []
    failures: list[str] = []
    for name in args.models:
        try:
            r = run_model(name)
        except Exception as e:  # noqa: BLE001 - a benchmark records why a model failed and goes on
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            failures.append(f"* **{name}**: {msg[:300]}")
            traceback.print_exc()
            print(f"FAILED {name}: {msg[:300]}", flush=True)
            continue
        rep = r["report"]
        fb = sorted(cp_ops(rep))
        rows.append([name, "yes" if r["ok"] else f"NO ({r['rel_err']:.1e})", f"{r['compile_s']:.1f}", r["ops"],
                     f"{rep['cycles']:,}", f"{rep['mac_utilization']:.1%}", f"{rep['dram_bytes']:,}",
                     f"{rep['energy_pj'] / 1e6:.1f}", f"{rep['peak_sram_bytes']:,}",
                     f"{rep['sram_lower_bound_bytes']:,}", ", ".join(fb) or "-", f"{r['sim_s']:.0f}"])
        print(rows[-1], flush=True)
    headers = ["model", "matches ORT", "compile s", "ops", "cycles", "MAC util.", "DRAM bytes", "energy µJ",
               "peak SRAM B", "SRAM lower bound B", "control-processor ops", "sim s"]
    text = ["# Models on the DSA (N = 16, 512 KiB SRAM)", "",
            "Generated by `python benchmarks/models.py` (see its docstring for the method). Weights random "
            "(seed 0) except digits (trained); logits checked against onnxruntime at f32 relative error ≤ 1e-4.",
            "", table(rows, headers), ""]
    if failures:
        text += ["## Failures", "", *failures, ""]
    Path(args.out).write_text("\n".join(text), encoding="utf-8")
    print("\n".join(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
