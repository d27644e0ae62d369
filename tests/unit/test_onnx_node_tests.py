"""The node tests shipped with onnx (``backend/test/data/pytorch-converted`` and ``pytorch-operator``): every model
is imported, verified and run in the interpreter on its stored inputs, and compared with its stored outputs
(relative error ≤ 1e-4 of the largest magnitude, NaNs at the same places).

A model whose ops are outside the nn dialect (``Elu``, ``PRelu``, 3-D convolution, ...) is skipped with the
importer's diagnostic as the reason: the skip list is the importer's own error messages, so an op that becomes
supported turns its tests into real checks. ``python tests/unit/test_onnx_node_tests.py`` prints the pass counts by
op and every skip reason (the table in docs/onnx.md).
"""

from __future__ import annotations

import collections
import glob
import os
import sys
from typing import Any

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import numpy_helper  # noqa: E402

from mlir_py import Context, verify  # noqa: E402
from mlir_py.diagnostics import DiagnosticError  # noqa: E402
from mlir_py.interpreter import Interpreter  # noqa: E402
from mlir_py.onnx_importer import import_model  # noqa: E402

DATA = os.path.join(os.path.dirname(onnx.__file__), "backend", "test", "data")
SUITES = ("pytorch-converted", "pytorch-operator")
RTOL = 1e-4


def _cases() -> list[str]:
    return [d for s in SUITES for d in sorted(glob.glob(os.path.join(DATA, s, "test_*")))
            if os.path.isfile(os.path.join(d, "model.onnx"))]


def _load(pattern: str) -> list[np.ndarray]:
    return [numpy_helper.to_array(onnx.load_tensor(f)) for f in sorted(glob.glob(pattern))]


def run_case(case_dir: str) -> tuple[str, str, list[str]]:
    """(``pass`` | ``skip`` | ``fail``, detail, the model's op types) of one node test."""
    model = onnx.load(os.path.join(case_dir, "model.onnx"))
    ops = sorted({n.op_type for n in model.graph.node})
    try:
        module = import_model(model, Context(), os.path.join(case_dir, "model.onnx"))
        verify(module)
    except DiagnosticError as err:
        return "skip", err.diagnostic.message, ops
    sets = sorted(glob.glob(os.path.join(case_dir, "test_data_set_*")))
    for ds in sets:
        inputs = _load(os.path.join(ds, "input_*.pb"))
        expected = _load(os.path.join(ds, "output_*.pb"))
        got = Interpreter(module).call("main", inputs)
        if len(got) != len(expected):
            return "fail", f"{len(got)} results, expected {len(expected)}", ops
        for i, (g, e) in enumerate(zip(got, expected)):
            g = np.asarray(g)
            if g.shape != e.shape or g.dtype != e.dtype:
                return "fail", f"result {i}: {g.dtype}{list(g.shape)}, expected {e.dtype}{list(e.shape)}", ops
            ok = ~np.isnan(e) if e.dtype.kind == "f" else np.ones(e.shape, dtype=np.bool_)
            if not np.array_equal(ok, ~np.isnan(g) if g.dtype.kind == "f" else ok):
                return "fail", f"result {i}: NaNs at other places", ops
            scale = float(np.max(np.abs(e[ok]), initial=0.0)) or 1.0
            rel = float(np.max(np.abs(g[ok].astype(np.float64) - e[ok]), initial=0.0)) / scale
            if rel > RTOL:
                return "fail", f"result {i} ({os.path.basename(ds)}): relative error {rel:.3g} > {RTOL}", ops
    return "pass", f"{len(sets)} data set(s)", ops


CASES = _cases()


@pytest.mark.parametrize("case_dir", CASES, ids=[os.path.basename(c) for c in CASES])
def test_node(case_dir: str) -> None:
    status, detail, ops = run_case(case_dir)
    if status == "skip":
        pytest.skip(f"{'/'.join(ops)}: {detail}")
    assert status == "pass", detail


@pytest.mark.slow  # runs all 117 models again (about 10 s)
def test_enough_cases_pass() -> None:
    """The in-scope node tests exist and pass: at least 75 of the 117 (1-D/2-D conv and pooling, gemm, batch-norm,
    pads, softmax, reductions, elementwise, reshapes). Prints the pass counts by op and every skip reason
    (``pytest -s``)."""
    assert len(CASES) >= 100
    totals, text = summary(CASES)
    print(text)
    assert totals["fail"] == 0 and totals["pass"] >= 75, totals


def summary(cases: list[str]) -> tuple[collections.Counter[str], str]:
    """The counts of pass/skip/fail, and the pass counts by op type and every skip reason as Markdown."""
    by_op: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    total: collections.Counter[str] = collections.Counter()
    lines_skip, lines_fail = [], []
    for c in cases:
        status, detail, ops = run_case(c)
        total[status] += 1
        for op in ops:
            by_op[op][status] += 1
        name = f"{os.path.basename(os.path.dirname(c))}/{os.path.basename(c)}"
        if status == "skip":
            lines_skip.append(f"| {name} | {detail} |")
        elif status == "fail":
            lines_fail.append(f"| {name} | {detail} |")
    out: list[Any] = ["| op | pass | skip | fail |", "|---|---|---|---|"]
    out += [f"| {op} | {n['pass']} | {n['skip']} | {n['fail']} |" for op, n in sorted(by_op.items())]
    out += ["", f"Models: {total['pass']} pass, {total['skip']} skipped, {total['fail']} fail "
                f"(of {len(cases)}).", "", "| skipped test | reason |", "|---|---|"] + lines_skip
    if lines_fail:
        out += ["", "| failing test | reason |", "|---|---|"] + lines_fail
    return total, "\n".join(out)


if __name__ == "__main__":
    print(summary(CASES)[1])
    sys.exit(0)
