// RUN: mlir-py-opt %s --view-op-graph -o /dev/null 2>&1 | filecheck %s
// RUN: mlir-py-opt %s --view-op-graph='print-control-flow-edges=true print-attrs=false print-result-types=false' -o /dev/null 2>&1 | filecheck %s --check-prefix=CFG
// RUN: mlir-py-opt %s --view-op-graph=max-label-len=6 -o /dev/null 2>&1 | filecheck %s --check-prefix=TRUNC
// RUN: mlir-py-opt %s --view-op-graph | filecheck %s --check-prefix=IR

// The DOT text (on stderr) is byte-for-byte what `mlir-opt --view-op-graph` writes.

//      CHECK: digraph G {
// CHECK-NEXT:   compound = true;
// CHECK-NEXT:   subgraph cluster_1 {
// CHECK-NEXT:     v2 [label = " ", shape = plain];
// CHECK-NEXT:     label = "builtin.module : ()\l";
// CHECK-NEXT:     subgraph cluster_3 {
// CHECK-NEXT:       v4 [label = " ", shape = plain];
// CHECK-NEXT:       label = "";
// CHECK-NEXT:       subgraph cluster_5 {
// CHECK-NEXT:         v6 [label = " ", shape = plain];
// CHECK-NEXT:         label = "func.func : ()\lfunction_type: (i32, i32) -\> i32\lsym_name: \"f\"\l";
// CHECK-NEXT:         subgraph cluster_7 {
// CHECK-NEXT:           v8 [label = " ", shape = plain];
// CHECK-NEXT:           label = "";
// CHECK-NEXT:           v9 [label = "<res_arg0> %arg0 i32", shape = Mrecord];
// CHECK-NEXT:           v10 [label = "<res_arg1> %arg1 i32", shape = Mrecord];
// CHECK-NEXT:           v11 [fillcolor = "0.000000 0.3 0.95", label = "{arith.constant\l\lvalue: 1 : i32\l|{<res_c1_i32> %c1_i32 i32}}", shape = Mrecord, style = filled];
// CHECK-NEXT:           v12 [fillcolor = "0.125000 0.3 0.95", label = "{{[{][{]}}<arg_arg0> %arg0|<arg_c1_i32> %c1_i32}|arith.addi\l\loverflowFlags: #arith.overflow\<none...\l|{<res_0> %0 i32}}", shape = Mrecord, style = filled];
// CHECK-NEXT:           v13 [fillcolor = "0.250000 0.3 0.95", label = "{{[{][{]}}<arg_0> %0|<arg_arg1> %arg1}|arith.muli\l\loverflowFlags: #arith.overflow\<none...\l|{<res_1> %1 i32}}", shape = Mrecord, style = filled];
// CHECK-NEXT:           v14 [fillcolor = "0.375000 0.3 0.95", label = "{{[{][{]}}<arg_1> %1|<arg_arg0> %arg0}|arith.cmpi\l\lpredicate: 2 : i64\l|{<res_2> %2 i1}}", shape = Mrecord, style = filled];
// CHECK-NEXT:           v15 [fillcolor = "0.500000 0.3 0.95", label = "{{[{][{]}}<arg_2> %2|<arg_1> %1|<arg_0> %0}|arith.select\l|{<res_3> %3 i32}}", shape = Mrecord, style = filled];
// CHECK-NEXT:           v16 [fillcolor = "0.625000 0.3 0.95", label = "{{[{][{]}}<arg_3> %3}|func.return\l}", shape = Mrecord, style = filled];
// CHECK-NEXT:         }
// CHECK-NEXT:       }
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   v9:res_arg0:s -> v12:arg_arg0:n[style = solid];
// CHECK-NEXT:   v11:res_c1_i32:s -> v12:arg_c1_i32:n[style = solid];
// CHECK-NEXT:   v12:res_0:s -> v13:arg_0:n[style = solid];
// CHECK-NEXT:   v10:res_arg1:s -> v13:arg_arg1:n[style = solid];
// CHECK-NEXT:   v13:res_1:s -> v14:arg_1:n[style = solid];
// CHECK-NEXT:   v9:res_arg0:s -> v14:arg_arg0:n[style = solid];
// CHECK-NEXT:   v14:res_2:s -> v15:arg_2:n[style = solid];
// CHECK-NEXT:   v13:res_1:s -> v15:arg_1:n[style = solid];
// CHECK-NEXT:   v12:res_0:s -> v15:arg_0:n[style = solid];
// CHECK-NEXT:   v15:res_3:s -> v16:arg_3:n[style = solid];
// CHECK-NEXT: }

// Without attributes and types, with control-flow edges (dashed, between successive ops of a block) first.
//     CFG: label = "builtin.module";
//     CFG: v11 [fillcolor = "0.000000 0.3 0.95", label = "{arith.constant\l|{<res_c1_i32> %c1_i32}}", shape = Mrecord, style = filled];
//     CFG: v11 -> v12[style = dashed];
// CFG-NEXT: v12 -> v13[style = dashed];
// CFG-NEXT: v13 -> v14[style = dashed];
// CFG-NEXT: v14 -> v15[style = dashed];
// CFG-NEXT: v15 -> v16[style = dashed];
// CFG-NEXT: v9:res_arg0:s -> v12:arg_arg0:n[style = solid];

// Attribute and type text is cut at max-label-len characters.
// TRUNC: label = "func.func : ()\lfunction_type: (i32, ...\lsym_name: \"f\"\l";

// The IR is unchanged.
// IR: arith.select
func.func @f(%a: i32, %b: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.addi %a, %c1 : i32
  %1 = arith.muli %0, %b : i32
  %2 = arith.cmpi slt, %1, %a : i32
  %3 = arith.select %2, %1, %0 : i32
  return %3 : i32
}
