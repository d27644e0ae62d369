"""Interoperability with other MLIR implementations: :mod:`.xdsl` converts modules to and from xDSL's IR and runs
xDSL passes inside an mlir-py pipeline (``mlir-py-opt --xdsl-pass=NAME``)."""
