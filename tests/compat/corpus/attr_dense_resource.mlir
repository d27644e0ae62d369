// FLAGS: --allow-unregistered-dialect
func.func @resources() -> tensor<3xi16> {
  %0 = "test.use"() {a = dense_resource<blob_one> : tensor<3xi16>} : () -> tensor<3xi16>
  "test.use"() {b = dense_resource<"blob two"> : tensor<2xf32>, c = dense_resource<blob_one> : tensor<3xi16>} : () -> ()
  return %0 : tensor<3xi16>
}
{-#
  dialect_resources: {
    builtin: {
      blob_one: "0x02000000010002000300",
      "blob two": "0x040000000000803F00000040"
    }
  }
#-}
