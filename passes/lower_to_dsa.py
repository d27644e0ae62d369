"""``lower-to-dsa``: the named pipeline from linalg on tensors to a DSA program the simulator runs.

    mlir-py-opt --lower-to-dsa in.mlir                      # the module's #dsa.target (or the defaults)
    mlir-py-opt '--pass-pipeline=builtin.module(lower-to-dsa{n=32 sram-kib=256})' in.mlir

Stages, each a pass of its own (``--mlir-print-ir-after-all`` shows the IR after every one):

0. for ``nn``/``tc`` input, when those passes are registered: ``nn-remove-dropout``, ``nn-fold-batchnorm``,
   ``nn-fold-constants``, ``convert-nn-to-tc``, ``convert-tc-to-linalg``; then ``linalg-specialize-generic-ops{ops=...}``
   turns ``linalg.generic`` contractions, poolings, fills, transposes and broadcasts back into named ops;
1. ``dsa-fuse`` — layers; bias/ReLU/clip into the matmul post-processing, zero pads into the DMA gather,
   max pooling after a conv onto the sort unit in the conv's layer;
2. ``dsa-layout`` — conv as an im2col matmul, filters packed into N×N blocks at compile time;
3. ``dsa-tile`` — N×N tiling, output blocks sized to the SRAM, padding efficiency per layer, located error when
   not even one tile set fits;
4. ``dsa-bufferize`` — tensors to ``#dsa.dram``/``#dsa.sram`` memrefs and the engine programs as a sequential
   program (one SRAM buffer per streamed tile role, each iteration of a tile loop waiting for the previous one),
   with the schedule's decisions as attributes (``dsa.pipeline`` loops, ``dsa.rotate`` buffers);
5. ``dsa-schedule`` — software pipelining (modulo variable expansion): rotated buffers become ping-pong pairs
   indexed by the iteration's parity and the loop-carried tokens that only protected them wait two iterations
   back, so the DMA of the next tiles overlaps the primitives of the current ones and stores overlap the next
   block;
6. ``dsa-plan-memory`` — liveness and Greedy-by-Size static offsets (``dsa.buffer at OFFSET``), peak and lower
   bound of the SRAM and DRAM pools on the kernel.

docs/lower-to-dsa.md describes the whole pipeline with examples.
"""

from __future__ import annotations

from typing import Any

from mlir_py.pass_manager import PassOption, register_pipeline

#: graph clean-up and conversions from nn/tc to linalg on tensors (other modules' passes: used when registered)
FRONT = ("nn-remove-dropout", "nn-fold-batchnorm", "nn-fold-constants", "convert-nn-to-tc", "convert-tc-to-linalg")
#: the named ops stage 0 raises generics to: those the DSA engines run (a bias broadcast is read by dsa-fuse); other
#: generics stay generic (vector unit when elementwise, else the control processor)
SPECIALIZE = ("matmul", "batch_matmul", "conv_2d_nchw_fchw", "pooling_nchw_max", "pooling_nchw_sum", "fill",
              "transpose", "broadcast")


def build(pm: Any, options: dict[str, Any]) -> None:
    from mlir_py.pass_manager import PASS_REGISTRY

    target = f"n={options['n']} sram-kib={options['sram-kib']}"
    front = [p for p in FRONT if p in PASS_REGISTRY]
    pm.add(",".join([*front, f"linalg-specialize-generic-ops{{ops={','.join(SPECIALIZE)}}}", "dsa-fuse", f"dsa-layout{{{target}}}", f"dsa-tile{{{target}}}",
                     "dsa-bufferize", "dsa-schedule", "dsa-plan-memory"]))


register_pipeline(
    "lower-to-dsa", "Lower linalg on tensors to a DSA program (fusion, layout, tiling, bufferization, memory "
    "planning, scheduling)", build,
    [PassOption("n", int, 0, "Side of the N×N matrix primitive (0: the module's #dsa.target, default 16)"),
     PassOption("sram-kib", int, 0, "SRAM size in KiB (0: the module's #dsa.target, default 512)")],
    description=__doc__ or "")
