// FLAGS: --allow-unregistered-dialect
"test.opaque"() {a = #test.simple, b = #test.param<1, "two", [3]>, c = #test<"raw text">, d = #test.nested<#test.inner<i32>>, e = #other.thing<tensor<2xf32>>, f = #test<"with \"quote\"">, g = #test.sym<@s>} : () -> ()
"test.opaque_in_types"() : () -> tensor<2xf32, #test.enc<1>>
