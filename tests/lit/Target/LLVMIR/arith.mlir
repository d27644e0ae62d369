// RUN: mlir-py-opt %s --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | mlir-py-translate --mlir-to-llvmir | filecheck %s
// Real MLIR (iree-opt) parses our llvm dialect and its print of it translates to the same LLVM IR.
// RUN: mlir-py-opt %s --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | iree-opt | mlir-py-translate --mlir-to-llvmir | filecheck %s

// The arith family end to end: arith -> llvm dialect -> LLVM IR text (LangRef instruction syntax). Flags
// survive both steps; min/max become the llvm.{s,u}{min,max} / minnum / maximum intrinsics, declared once at the
// end; index is i64.

// CHECK-LABEL: define i32 @int_ops(
// CHECK-SAME: i32 %[[A:[a-z0-9]+]], i32 %[[B:[a-z0-9]+]])
// CHECK-NEXT: entry:
// CHECK-NEXT: %[[V0:.*]] = add nuw nsw i32 %[[A]], %[[B]]
// CHECK-NEXT: %[[V1:.*]] = sub i32 %[[V0]], %[[B]]
// CHECK-NEXT: %[[V2:.*]] = mul nsw i32 %[[V1]], %[[A]]
// CHECK-NEXT: %[[V3:.*]] = udiv i32 %[[V2]], %[[B]]
// CHECK-NEXT: %[[V4:.*]] = srem i32 %[[V3]], %[[B]]
// CHECK-NEXT: %[[V5:.*]] = and i32 %[[V4]], %[[A]]
// CHECK-NEXT: %[[V6:.*]] = or i32 %[[V5]], %[[B]]
// CHECK-NEXT: %[[V7:.*]] = xor i32 %[[V6]], %[[A]]
// CHECK-NEXT: %[[V8:.*]] = shl i32 %[[V7]], %[[B]]
// CHECK-NEXT: %[[V9:.*]] = lshr i32 %[[V8]], %[[B]]
// CHECK-NEXT: %[[V10:.*]] = call i32 @llvm.umax.i32(i32 %[[V9]], i32 %[[A]])
// CHECK-NEXT: %[[V11:.*]] = call i32 @llvm.smin.i32(i32 %[[V10]], i32 %[[B]])
// CHECK-NEXT: ret i32 %[[V11]]
func.func @int_ops(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b overflow<nsw, nuw> : i32
  %1 = arith.subi %0, %b : i32
  %2 = arith.muli %1, %a overflow<nsw> : i32
  %3 = arith.divui %2, %b : i32
  %4 = arith.remsi %3, %b : i32
  %5 = arith.andi %4, %a : i32
  %6 = arith.ori %5, %b : i32
  %7 = arith.xori %6, %a : i32
  %8 = arith.shli %7, %b : i32
  %9 = arith.shrui %8, %b : i32
  %10 = arith.maxui %9, %a : i32
  %11 = arith.minsi %10, %b : i32
  return %11 : i32
}

// CHECK-LABEL: define double @float_ops(
// CHECK-SAME: double %[[X:[a-z0-9]+]], double %[[Y:[a-z0-9]+]])
// CHECK: %[[F0:.*]] = fadd nnan ninf double %[[X]], %[[Y]]
// CHECK-NEXT: %[[F1:.*]] = fsub double %[[F0]], %[[Y]]
// CHECK-NEXT: %[[F2:.*]] = fdiv fast double %[[F1]], %[[Y]]
// CHECK-NEXT: %[[F3:.*]] = frem double %[[F2]], %[[Y]]
// CHECK-NEXT: %[[F4:.*]] = fneg double %[[F3]]
// CHECK-NEXT: %[[F5:.*]] = call double @llvm.minnum.f64(double %[[F4]], double %[[X]])
// CHECK-NEXT: %[[F6:.*]] = call double @llvm.maximum.f64(double %[[F5]], double %[[Y]])
// CHECK-NEXT: ret double %[[F6]]
func.func @float_ops(%x: f64, %y: f64) -> f64 {
  %0 = arith.addf %x, %y fastmath<nnan,ninf> : f64
  %1 = arith.subf %0, %y : f64
  %2 = arith.divf %1, %y fastmath<fast> : f64
  %3 = arith.remf %2, %y : f64
  %4 = arith.negf %3 : f64
  %5 = arith.minnumf %4, %x : f64
  %6 = arith.maximumf %5, %y : f64
  return %6 : f64
}

// Several results are returned as a struct (func-to-llvm), built with insertvalue.
// CHECK-LABEL: define { i64, i8, double, half, i32, float, i32, i64 } @casts(
// CHECK-SAME: i16 %[[I:[a-z0-9]+]], float %[[F:[a-z0-9]+]], i64 %[[N:[a-z0-9]+]])
// CHECK: %[[C0:.*]] = sext i16 %[[I]] to i64
// CHECK-NEXT: %[[C1:.*]] = trunc i16 %[[I]] to i8
// CHECK-NEXT: %[[C2:.*]] = fpext float %[[F]] to double
// CHECK-NEXT: %[[C3:.*]] = fptrunc float %[[F]] to half
// CHECK-NEXT: %[[C4:.*]] = fptoui float %[[F]] to i32
// CHECK-NEXT: %[[C5:.*]] = uitofp i16 %[[I]] to float
// CHECK-NEXT: %[[C6:.*]] = trunc i64 %[[N]] to i32
// CHECK-NEXT: %[[C7:.*]] = zext i16 %[[I]] to i64
// CHECK-NEXT: %[[S0:.*]] = insertvalue { i64, i8, double, half, i32, float, i32, i64 } undef, i64 %[[C0]], 0
// CHECK-NEXT: insertvalue { i64, i8, double, half, i32, float, i32, i64 } %[[S0]], i8 %[[C1]], 1
// CHECK: %[[S7:.*]] = insertvalue { i64, i8, double, half, i32, float, i32, i64 } %{{.*}}, i64 %[[C7]], 7
// CHECK-NEXT: ret { i64, i8, double, half, i32, float, i32, i64 } %[[S7]]
func.func @casts(%i: i16, %f: f32, %n: index) -> (i64, i8, f64, f16, i32, f32, i32, index) {
  %0 = arith.extsi %i : i16 to i64
  %1 = arith.trunci %i : i16 to i8
  %2 = arith.extf %f : f32 to f64
  %3 = arith.truncf %f : f32 to f16
  %4 = arith.fptoui %f : f32 to i32
  %5 = arith.uitofp %i : i16 to f32
  %6 = arith.index_cast %n : index to i32
  %7 = arith.index_castui %i : i16 to index
  return %0, %1, %2, %3, %4, %5, %6, %7 : i64, i8, f64, f16, i32, f32, i32, index
}

// Constants fold into their uses (LLVM IR has no constant instruction).
// CHECK-LABEL: define { i1, i1, float } @compare(
// CHECK-SAME: i64 %[[CA:[a-z0-9]+]], float %[[CX:[a-z0-9]+]], float %[[CY:[a-z0-9]+]])
// CHECK: %[[P0:.*]] = icmp sge i64 %[[CA]], 10
// CHECK-NEXT: %[[P1:.*]] = fcmp une float %[[CX]], %[[CY]]
// CHECK-NEXT: select i1 %[[P1]], float %[[CX]], float %[[CY]]
func.func @compare(%a: i64, %x: f32, %y: f32) -> (i1, i1, f32) {
  %c = arith.constant 10 : i64
  %0 = arith.cmpi sge, %a, %c : i64
  %1 = arith.cmpf une, %x, %y : f32
  %2 = arith.select %1, %x, %y : f32
  return %0, %1, %2 : i1, i1, f32
}

// floordivsi expanded as MLIR's arith-expand: q - 1 when the remainder is nonzero and its sign differs from b's.
// CHECK-LABEL: define i32 @floordiv(
// CHECK-SAME: i32 %[[DA:[a-z0-9]+]], i32 %[[DB:[a-z0-9]+]])
// CHECK: %[[Q:.*]] = sdiv i32 %[[DA]], %[[DB]]
// CHECK-NEXT: %[[R:.*]] = srem i32 %[[DA]], %[[DB]]
// CHECK-NEXT: %[[NZ:.*]] = icmp ne i32 %[[R]], 0
// CHECK-NEXT: %[[RN:.*]] = icmp slt i32 %[[R]], 0
// CHECK-NEXT: %[[BN:.*]] = icmp slt i32 %[[DB]], 0
// CHECK-NEXT: %[[SAME:.*]] = icmp eq i1 %[[RN]], %[[BN]]
// CHECK-NEXT: %[[DIFF:.*]] = xor i1 %[[SAME]], true
// CHECK-NEXT: %[[COND:.*]] = and i1 %[[NZ]], %[[DIFF]]
// CHECK-NEXT: %[[QM1:.*]] = sub i32 %[[Q]], 1
// CHECK-NEXT: %[[RES:.*]] = select i1 %[[COND]], i32 %[[QM1]], i32 %[[Q]]
// CHECK-NEXT: ret i32 %[[RES]]
func.func @floordiv(%a: i32, %b: i32) -> i32 {
  %0 = arith.floordivsi %a, %b : i32
  return %0 : i32
}

// Vector constants are LLVM vector literals.
// CHECK-LABEL: define <4 x i1> @vector(
// CHECK-SAME: <4 x i32> %[[VV:[a-z0-9]+]], <4 x i32> %[[VW:[a-z0-9]+]])
// CHECK: %[[VS:.*]] = add <4 x i32> %[[VV]], <i32 1, i32 2, i32 3, i32 4>
// CHECK-NEXT: %[[VC:.*]] = icmp ult <4 x i32> %[[VS]], %[[VW]]
// CHECK-NEXT: ret <4 x i1> %[[VC]]
func.func @vector(%v: vector<4xi32>, %w: vector<4xi32>) -> vector<4xi1> {
  %c = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
  %0 = arith.addi %v, %c : vector<4xi32>
  %1 = arith.cmpi ult, %0, %w : vector<4xi32>
  return %1 : vector<4xi1>
}

// The division expansions work elementwise on vectors: i1 compares become <4 x i1>, constants splats.
// CHECK-LABEL: define <4 x i32> @floordiv_vector(
// CHECK-SAME: <4 x i32> %[[WA:[a-z0-9]+]], <4 x i32> %[[WB:[a-z0-9]+]])
// CHECK: %[[WQ:.*]] = sdiv <4 x i32> %[[WA]], %[[WB]]
// CHECK-NEXT: %[[WR:.*]] = srem <4 x i32> %[[WA]], %[[WB]]
// CHECK-NEXT: %[[WNZ:.*]] = icmp ne <4 x i32> %[[WR]], splat (i32 0)
// CHECK-NEXT: %[[WRN:.*]] = icmp slt <4 x i32> %[[WR]], splat (i32 0)
// CHECK-NEXT: %[[WBN:.*]] = icmp slt <4 x i32> %[[WB]], splat (i32 0)
// CHECK-NEXT: %[[WSAME:.*]] = icmp eq <4 x i1> %[[WRN]], %[[WBN]]
// CHECK-NEXT: %[[WDIFF:.*]] = xor <4 x i1> %[[WSAME]], splat (i1 true)
// CHECK-NEXT: %[[WC:.*]] = and <4 x i1> %[[WNZ]], %[[WDIFF]]
// CHECK-NEXT: %[[WQM1:.*]] = sub <4 x i32> %[[WQ]], splat (i32 1)
// CHECK-NEXT: %[[WRES:.*]] = select <4 x i1> %[[WC]], <4 x i32> %[[WQM1]], <4 x i32> %[[WQ]]
// CHECK-NEXT: ret <4 x i32> %[[WRES]]
func.func @floordiv_vector(%a: vector<4xi32>, %b: vector<4xi32>) -> vector<4xi32> {
  %0 = arith.floordivsi %a, %b : vector<4xi32>
  return %0 : vector<4xi32>
}

// CHECK-DAG: declare double @llvm.maximum.f64(double, double)
// CHECK-DAG: declare double @llvm.minnum.f64(double, double)
// CHECK-DAG: declare i32 @llvm.smin.i32(i32, i32)
// CHECK-DAG: declare i32 @llvm.umax.i32(i32, i32)
