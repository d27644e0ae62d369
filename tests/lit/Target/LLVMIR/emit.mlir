// RUN: mlir-py-translate --mlir-to-llvmir --emit=asm %s | filecheck %s
// RUN: mlir-py-translate --mlir-to-llvmir --emit=obj %s -o %t.o && %python -c "import sys; d = open(sys.argv[1], 'rb').read(); sys.exit(0 if d[:4] == b'\x7fELF' and len(d) > 64 else 1)" %t.o

// Host assembly at O3: the loop is vectorized.
// CHECK-LABEL: scale:
// CHECK: mul{{.*}}ps
llvm.func @scale(%p: !llvm.ptr {llvm.noalias}, %n: i64, %s: f32) {
  %c0 = llvm.mlir.constant(0 : i64) : i64
  %c1 = llvm.mlir.constant(1 : i64) : i64
  llvm.br ^bb1(%c0 : i64)
^bb1(%i: i64):
  %c = llvm.icmp "slt" %i, %n : i64
  llvm.cond_br %c, ^bb2, ^bb3
^bb2:
  %q = llvm.getelementptr inbounds|nuw %p[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %v = llvm.load %q : !llvm.ptr -> f32
  %w = llvm.fmul %v, %s : f32
  llvm.store %w, %q : f32, !llvm.ptr
  %j = llvm.add %i, %c1 : i64
  llvm.br ^bb1(%j : i64)
^bb3:
  llvm.return
}
