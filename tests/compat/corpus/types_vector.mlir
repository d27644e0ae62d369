func.func private @fixed(vector<4xf32>, vector<2x3xi8>, vector<1x1x1xindex>, vector<f32>, vector<16xi1>) -> ()
func.func private @scalable(vector<[4]xf32>, vector<2x[8]xi16>, vector<[2]x[2]xf64>, vector<[1]xi1>, vector<4x[4]x2xbf16>) -> ()
func.func @ops(%v: vector<[4]xi32>, %w: vector<2x[8]xf16>) -> vector<[4]xi1> {
  %0 = arith.addi %v, %v : vector<[4]xi32>
  %1 = arith.cmpi slt, %0, %v : vector<[4]xi32>
  %2 = arith.mulf %w, %w fastmath<fast> : vector<2x[8]xf16>
  %3 = arith.extf %2 : vector<2x[8]xf16> to vector<2x[8]xf32>
  return %1 : vector<[4]xi1>
}
