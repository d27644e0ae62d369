"""``dsa-layout``: stage 2 of ``--lower-to-dsa`` — data layouts for the N×N primitive, decided at compile time.

* **Convolutions as im2col matmuls** (Redfern, "Implementation": the filtering matrix No×(Fr·Fc·Ni) times the
  Toeplitz input matrix (Fr·Fc·Ni)×(Mr·Mc)). The DSA computes the transposed product
  ``Oᵀ[p, f] = Xcolᵀ[p, k] · Wᵀ[k, f]`` so that the bias (one value per filter f) is a column bias of the
  primitive's post-processing. The filter constant (F, C, KH, KW) is reshaped to Wᵀ (K × F, K = C·KH·KW),
  zero-padded to multiples of N and **packed into N×N blocks** (⌈K/N⌉, ⌈F/N⌉, N, N), block-row-major, so one B
  tile is one contiguous DMA: the packed array is a new ``memref.global`` constant in DRAM
  (``@__dsa_<fn>_filter_<i>``) named by the conv's ``dsa.packed_filter`` attribute. The Toeplitz matrix itself
  is never built: ``dsa-bufferize`` gathers each of its tile rows with one strided DMA read (``dsa.layout =
  "im2col"``).
* Matmul operands stay row-major (each N×N tile is a strided 2-D DMA box); activations stay NCHW in DRAM — the
  pooling layers gather channels-last tiles by DMA permutation when they read them.

Errors (located at the conv): a filter that is not a constant (it could not be packed at compile time).
The ``n`` and ``sram-kib`` options (0: keep the module's) set the module's ``#dsa.target`` first.
"""

from __future__ import annotations

import numpy as np

from dialects.linalg import Conv2DNchwFchwOp
from mlir_py.attributes import StringAttr
from mlir_py.interpreter import from_attribute
from mlir_py.ir import Operation, symbol_name
from mlir_py.pass_manager import Pass, PassOption, register_pass
from mlir_py.rewrite import constant_value

from .dsa_bufferize import make_global, pack_filter
from .dsa_fuse import is_tensor_constant
from .dsa_tile import set_target


@register_pass
class DsaLayoutPass(Pass):
    """Pack each convolution's filter into N×N blocks of Wᵀ at compile time (a new DRAM ``memref.global``) and
    mark the conv for the im2col gather (see the module docstring)."""

    argument = "dsa-layout"
    summary = "Conv as im2col matmul; pack filters into NxN blocks at compile time"
    options = [PassOption("n", int, 0, "Side of the matrix primitive (0: the module's #dsa.target)"),
               PassOption("sram-kib", int, 0, "SRAM size in KiB (0: the module's #dsa.target)")]
    statistic_defs = {"num-packed": "Number of filters packed"}

    def run_on_operation(self, op: Operation) -> None:
        try:
            n = set_target(op, self.option("n"), self.option("sram-kib")).n
        except ValueError as e:
            raise self.failure(f"invalid DSA target: {e}", op) from None
        body = op.regions[0].block
        count = 0
        for fn in list(body.ops):
            if fn.name != "func.func":
                continue
            for conv in fn.walk():
                if not isinstance(conv, Conv2DNchwFchwOp) or "dsa.layer" not in conv.attributes:
                    continue
                w = constant_value(conv.inputs[1])
                if not is_tensor_constant(w):
                    raise self.failure("the DSA lowering needs a constant filter to pack it at compile time",
                                       conv)
                arr = np.asarray(from_attribute(w, conv.inputs[1].type, op), dtype=np.float32)
                count += 1
                name = f"__dsa_{symbol_name(fn)}_filter_{count}"
                g = make_global(name, pack_filter(arr, n))
                g.location = conv.location
                body.insert_before(g, fn)
                conv.set_attr("dsa.packed_filter", StringAttr(name))
                conv.set_attr("dsa.layout", StringAttr("im2col"))
                self.statistics["num-packed"] += 1


__all__ = ["DsaLayoutPass"]
