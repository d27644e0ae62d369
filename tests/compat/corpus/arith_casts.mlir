func.func @casts(%i8: i8, %i32: i32, %f16: f16, %f32: f32, %idx: index, %vi: vector<4xi32>, %tf: tensor<2x2xf32>) {
  %0 = arith.extsi %i8 : i8 to i32
  %1 = arith.extui %i8 : i8 to i64
  %2 = arith.trunci %i32 : i32 to i8
  %3 = arith.sitofp %i32 : i32 to f32
  %4 = arith.uitofp %i8 : i8 to f16
  %5 = arith.fptosi %f32 : f32 to i64
  %6 = arith.fptoui %f16 : f16 to i8
  %7 = arith.index_cast %idx : index to i32
  %8 = arith.index_cast %i32 : i32 to index
  %9 = arith.index_castui %idx : index to i64
  %10 = arith.index_castui %i8 : i8 to index
  %11 = arith.bitcast %i32 : i32 to f32
  %12 = arith.bitcast %f16 : f16 to i16
  %13 = arith.extf %f16 : f16 to f32
  %14 = arith.truncf %f32 : f32 to bf16
  %15 = arith.extsi %vi : vector<4xi32> to vector<4xi64>
  %16 = arith.sitofp %vi : vector<4xi32> to vector<4xf32>
  %17 = arith.fptoui %tf : tensor<2x2xf32> to tensor<2x2xi32>
  %18 = arith.truncf %tf : tensor<2x2xf32> to tensor<2x2xf16>
  %19 = arith.bitcast %tf : tensor<2x2xf32> to tensor<2x2xi32>
  %20 = arith.index_cast %vi : vector<4xi32> to vector<4xindex>
  %21 = arith.uitofp %i32 {test.keep = 1 : i32} : i32 to f64
  return
}
