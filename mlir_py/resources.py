"""``dense_resource`` blobs kept in a *sidecar* file next to the ``.mlir`` text.

In memory a module's blobs are ``module.resources["builtin"][key] = bytes``: MLIR's blob encoding, a 4-byte
little-endian alignment followed by the raw little-endian elements (the parser reads them from
``{-# dialect_resources #-}``'s hex strings, the ONNX importer writes them). Printed inline, a blob costs two hex
characters per byte: VGG-19's 550 MB of weights would make a 1.1 GB text at every step of a pipeline. A sidecar
keeps them binary instead.

Format (documented in docs/onnx.md):

- ``out.mlir`` ends with an MLIR *external resources* section naming the sidecar, relative to the ``.mlir`` file's
  directory (MLIR's own tools ignore an unknown external resource group with a warning)::

      {-#
        external_resources: {
          mlir_py: {
            sidecar: "out.mlir.npz"
          }
        }
      #-}

- ``out.mlir.npz`` is an uncompressed numpy ``.npz`` archive (``numpy.savez``) with one array per resource key,
  of the dtype and shape of the ``dense_resource``'s tensor type when the module uses the key with a type numpy
  stores natively (``f16/f32/f64``, ``iN``/``uiN`` for N in 8..64, ``i1`` as bool), else the raw bytes as
  ``uint8``. The alignment read back is the dtype's item size. ``numpy.load("out.mlir.npz")["conv1_w"]`` gives the
  weights.

Every tool reads the sidecar when it parses the ``.mlir`` (the parser calls :func:`load_sidecar_entries`); the
tools write one with ``-o file`` according to ``--mlir-resources-sidecar=auto|always|never`` (:func:`print_module`;
``auto``, the default, when the printed blobs total more than :data:`AUTO_SIDECAR_BYTES`). Printing to stdout
always inlines the blobs as hex, as MLIR does.
"""

from __future__ import annotations

import os
import struct
import tempfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

from .attributes import (
    DenseResourceElementsAttr,
    FloatType,
    IntegerType,
    ShapedType,
)

#: ``auto`` writes a sidecar when the printed blobs total more bytes than this (1 MiB: 2 MiB of hex text)
AUTO_SIDECAR_BYTES = 1 << 20
SIDECAR_MODES = ("auto", "always", "never")
#: the external resource group and key naming the sidecar
GROUP, KEY = "mlir_py", "sidecar"


def add_arguments(parser: Any) -> None:
    """The resource flags shared by the tools (argparse)."""
    parser.add_argument("--mlir-resources-sidecar", choices=SIDECAR_MODES, default="auto",
                        help="with -o FILE, write dense_resource blobs to FILE.npz instead of inline hex: "
                             f"always, never, or auto (when they exceed {AUTO_SIDECAR_BYTES} bytes)")
    parser.add_argument("--mlir-elide-resource-strings-if-larger", type=int, default=None, metavar="N",
                        help="omit resource blobs whose hex string is longer than N characters (as MLIR)")


# --- reading -------------------------------------------------------------------------------------------------------
def blob_from_array(a: np.ndarray) -> bytes:
    """MLIR's blob encoding of ``a``: alignment (the item size) then the little-endian elements."""
    import numpy as np
    a = np.ascontiguousarray(a)
    if a.dtype.byteorder == ">":
        a = a.astype(a.dtype.newbyteorder("<"))
    return struct.pack("<I", max(1, a.dtype.itemsize)) + a.tobytes()


def load_sidecar(path: str) -> dict[str, bytes]:
    """The blobs of a sidecar ``.npz``, by key. Raises OSError / ValueError when it cannot be read."""
    import numpy as np
    with np.load(path, allow_pickle=False) as z:
        return {k: blob_from_array(z[k]) for k in z.files}


def resolve(sidecar: str, mlir_filename: str) -> str:
    """The sidecar's path: relative ones are relative to the directory of the ``.mlir`` file (the current
    directory for stdin)."""
    if os.path.isabs(sidecar) or mlir_filename in ("-", "<stdin>", ""):
        return sidecar
    return os.path.join(os.path.dirname(mlir_filename), sidecar)


def load_sidecar_entries(entries: Iterable[tuple[str, Any]], mlir_filename: str) -> dict[str, bytes]:
    """The blobs named by an ``external_resources: { mlir_py: {...} }`` group's ``(key, value)`` entries.

    Raises ValueError (message ready for a diagnostic) on an unknown key or an unreadable sidecar."""
    blobs: dict[str, bytes] = {}
    for key, value in entries:
        if key != KEY or not isinstance(value, str):
            raise ValueError(f"unknown mlir_py external resource '{key}' (expected {KEY}: \"file.npz\")")
        path = resolve(value, mlir_filename)
        try:
            blobs.update(load_sidecar(path))
        except (OSError, ValueError, EOFError) as e:
            raise ValueError(f"cannot read resource sidecar '{path}': {e}") from None
    return blobs


# --- writing -------------------------------------------------------------------------------------------------------
def resource_types(module: Any) -> dict[str, ShapedType]:
    """The tensor type each ``dense_resource`` handle is used with in ``module`` (first use wins)."""
    out: dict[str, ShapedType] = {}
    for op in module.walk():
        for d in (op.properties, op.attributes):
            for a in d.values():
                if isinstance(a, DenseResourceElementsAttr) and a.handle not in out:
                    out[a.handle] = a.type
    return out


def _np_dtype(t: ShapedType | None) -> Any:
    import numpy as np
    if t is None:
        return None
    et = t.element_type
    if isinstance(et, FloatType):
        return {"f16": np.float16, "f32": np.float32, "f64": np.float64}.get(et.kind)
    if isinstance(et, IntegerType):
        if et.width == 1:
            return np.bool_
        if et.width in (8, 16, 32, 64):
            return np.dtype(f"{'u' if et.signedness == 'unsigned' else ''}int{et.width}").type
    return None


def array_of_blob(blob: bytes, t: ShapedType | None) -> np.ndarray:
    """The array stored for one blob: typed and shaped after ``t`` when possible, else raw ``uint8``."""
    import numpy as np
    data = blob[4:]
    dt = _np_dtype(t)
    if dt is not None and t is not None:
        itemsize = np.dtype(dt).itemsize
        n = int(np.prod(t.shape))
        if len(data) == n * itemsize:
            return np.frombuffer(data, dtype=np.dtype(dt).newbyteorder("<")).reshape(t.shape)
    return np.frombuffer(data, dtype=np.uint8)


def write_sidecar(path: str, blobs: dict[str, bytes], types: dict[str, ShapedType]) -> None:
    """Write ``blobs`` to ``path`` (an ``.npz``, atomically: a temporary file renamed)."""
    import numpy as np
    arrays = {k: array_of_blob(v, types.get(k)) for k, v in blobs.items()}
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".sidecar-", suffix=".npz", dir=d)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)  # type: ignore[arg-type]
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the sidecar the .mlir's usual mode
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def sidecar_section(name: str) -> str:
    return "\n".join(["", "{-#", "  external_resources: {", f"    {GROUP}: {{", f"      {KEY}: \"{name}\"",
                      "    }", "  }", "#-}"]) + "\n"


def print_module(module: Any, printer: Any, output: str = "-", mode: str = "auto",
                 elide_larger: int | None = None) -> str:
    """``printer.print_top(module)``; with ``output`` a file and a sidecar chosen by ``mode``, the referenced
    ``builtin`` blobs go to ``output + ".npz"`` (written here) and the text names it instead of inlining them.
    ``elide_larger`` drops blobs whose hex string exceeds that many characters (MLIR's
    ``--mlir-elide-resource-strings-if-larger``)."""
    res = getattr(module, "resources", None)
    builtin = res.get("builtin") if isinstance(res, dict) else None
    if not builtin:
        return str(printer.print_top(module))
    sidecar = output not in ("-", "") and mode != "never" and not (output.startswith("/dev/"))
    if sidecar and mode == "auto":
        used = resource_types(module)
        sidecar = sum(len(v) for k, v in builtin.items() if k in used and isinstance(v, bytes)) > AUTO_SIDECAR_BYTES
    if not sidecar and elide_larger is None:
        return str(printer.print_top(module))
    saved = module.resources
    kept: dict[str, Any] = {d: e for d, e in saved.items() if d != "builtin"}
    if not sidecar:  # inline, minus the elided blobs
        kept["builtin"] = {k: v for k, v in builtin.items()
                           if not isinstance(v, bytes) or 2 + 2 * len(v) <= elide_larger}  # type: ignore[operator]
    module.resources = kept
    try:
        text = str(printer.print_top(module))
    finally:
        module.resources = saved
    if not sidecar:
        return text
    handles = [k for k in printer.ap.resources if k in builtin]
    name = os.path.basename(output) + ".npz"
    write_sidecar(os.path.join(os.path.dirname(output), name), {k: builtin[k] for k in handles},
                  resource_types(module))
    return text + sidecar_section(name)
