"""The Jupyter project's own kernel conformance suite, with every sample filled in."""

import unittest

import jupyter_kernel_test


class GoparConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "gopar"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'import "fmt"\nfmt.Println("hello, world")'
    code_stderr = 'import (\n\t"fmt"\n\t"os"\n)\nfmt.Fprintln(os.Stderr, "to stderr")'

    completion_samples = [
        {"text": "fmt.Printl", "matches": {"Println"}},
        {"text": 'import "strings"\nstrings.ToUpp', "matches": {"ToUpper", "ToUpperSpecial"}},
    ]
    complete_code_samples = ["x := 1", 'fmt.Println("hi")', "func f() {}", "%time 1 + 1"]
    incomplete_code_samples = ["func f() {", "for i := 0; i < 3; i++ {", "x := []int{1,"]
    invalid_code_samples = ["x := )", "func f() }"]

    code_page_something = "fmt.Println?"
    code_generate_error = 'panic("boom")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"go" + "pher"', "result": "gopher"},
        {"code": "[]int{1, 2, 3}", "result": "[1 2 3]"},
    ]
    code_display_data = [
        {"code": 'import "gopar/display"\ndisplay.HTML("<b>bold</b>")', "mime": "text/html"},
        {"code": 'import "gopar/display"\ndisplay.Markdown("# title")', "mime": "text/markdown"},
    ]
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 * 7*"

    code_inspect_sample = "fmt.Println"
    code_clear_output = 'import "gopar/display"\ndisplay.ClearOutput(false)'


if __name__ == "__main__":
    unittest.main()
