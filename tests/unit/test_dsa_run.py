"""``mlir-py-run --target=dsa``: inputs and results of a kernel, ``--stats`` (a table), ``--stats-json`` (the
required keys), ``--trace`` (Chrome trace-event JSON), and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tools.mlir_py_run import main

ROOT = Path(__file__).resolve().parents[2]
MATMUL = str(ROOT / "examples" / "dsa" / "matmul_i8_n8.mlir")
REQUIRED = ("cycles", "macs", "mac_utilization", "dram_bytes", "sram_bytes", "energy_pj", "bound_serial_cycles",
            "bound_parallel_cycles", "engines")


def test_run_with_stats_json_and_trace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(-128, 128, (40, 56)).astype(np.int8)
    b = rng.integers(-128, 128, (56, 72)).astype(np.int8)
    np.save(tmp_path / "a.npy", a)
    np.save(tmp_path / "b.npy", b)
    args = [MATMUL, "--entry", "matmul", "--target=dsa", "--input", str(tmp_path / "a.npy"), "--input",
            str(tmp_path / "b.npy"), "--output", str(tmp_path / "c.npy"), "--stats", "--stats-json",
            str(tmp_path / "s.json"), "--trace", str(tmp_path / "t.json")]
    assert main(args) == 0
    out = capsys.readouterr().out
    for heading in ("MAC utilization", "engine", "busy cycles", "energy", "bound, serial", "bound, parallel"):
        assert heading in out
    c = np.load(tmp_path / "c.npy")
    import importlib.util

    spec = importlib.util.spec_from_file_location("mg", ROOT / "examples" / "dsa" / "matmul_gen.py")
    assert spec is not None and spec.loader is not None
    mg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mg)
    np.testing.assert_array_equal(c, mg.reference(a, b, "i8", scale=(37, 11)))
    stats = json.loads((tmp_path / "s.json").read_text())
    assert all(k in stats for k in REQUIRED)
    assert 0 < stats["mac_utilization"] <= 1
    assert stats["bound_parallel_cycles"] <= stats["cycles"] <= stats["bound_serial_cycles"]
    assert set(stats["engines"]) == {"dma", "matrix", "vector", "sort", "cp"}
    assert stats["fallback_ops"] == [] and stats["peak_sram_bytes"] > 0
    assert all({"busy_cycles", "utilization"} <= set(e) for e in stats["engines"].values())
    trace = json.loads((tmp_path / "t.json").read_text())
    spans = [e for e in trace["traceEvents"] if e["ph"] == "X"]
    assert {e["cat"] for e in spans} == {"dma", "matrix.read", "matrix.compute", "matrix.write"}
    assert max(e["args"]["cycle"] + e["args"]["cycles"] for e in spans) == stats["cycles"]
    names = {e["args"]["name"] for e in trace["traceEvents"] if e.get("name") == "thread_name"}
    assert {"dma", "matrix.compute", "vector", "sort"} <= names


def test_random_inputs_and_print(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ROOT / "examples" / "dsa" / "one_tile.mlir"), "--entry", "one_tile", "--target=dsa",
                 "--random-inputs", "--print"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("result #0: tensor<16x16xf32> = [[")


def test_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([MATMUL, "--entry", "matmul", "--stats"]) == 1
    assert "error: --stats needs --target=dsa" in capsys.readouterr().err
    assert main([MATMUL, "--entry", "matmul", "--target=dsa", "--random-inputs", "--stats-json",
                 str(tmp_path / "missing" / "s.json")]) == 1
    assert "could not write" in capsys.readouterr().err
    assert main([MATMUL, "--entry", "matmul", "--target=dsa"]) == 1
    assert "'@matmul' takes 2 argument(s) but 0 --input file(s) were given" in capsys.readouterr().err
