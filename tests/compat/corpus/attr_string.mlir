// FLAGS: --allow-unregistered-dialect
"test.strings"() {a = "plain", b = "", c = "with \"quotes\"", d = "back\\slash", e = "tab\tnew\nline", f = "hex \41\42", g = "unicode \C3\A9 é ∑", h = "typed" : i32, i = "ctrl \01\1F\7F", j = "mixed \n\22\5C"} : () -> ()
"test.string_keys"() {"quoted key" = 1 : i32, "a.b-c" = 2 : i32, "1leading" = 3 : i32, _under = 4 : i32, "has\"quote" = 5 : i32} : () -> ()
